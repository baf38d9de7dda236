import { z } from 'zod'
import { readRecipientCsv } from '../../domain/recipient-csv'
import {
  addRecipientInputSchema,
  importPreviewRows,
  recipientImportInputSchema,
  recipientImportResultSchema,
  recipientQuerySchema,
  type RecipientImportResult,
} from '../../domain/sending'
import { subscriberSchema, subscriberStatusLabels, type Subscriber } from '../../domain/subscriber'
import { requirePermission, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  invalidAnswer,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  notFoundAnswer,
  readBody,
  unauthenticatedAnswer,
} from '../contract'
import { emailHash } from '../mail/email-hash'
import { invalid, invalidInput, notFound } from '../problem'

const subscriberComponent = subscriberSchema.meta({ id: 'Subscriber' })

const listRecipientsRoute = describeRoute({
  method: 'get',
  path: '/recipients',
  summary: 'The recipients, by address (Redaktion, Dezernentin; Gestaltung sees no addresses)',
  request: { query: recipientQuerySchema },
  responses: {
    200: jsonAnswer(z.array(subscriberComponent), 'The recipients'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...invalidAnswer('Unknown `status` (`/probleme/ungueltige-eingabe`).'),
  },
})

const addRecipientRoute = describeRoute({
  method: 'post',
  path: '/recipients',
  summary: 'Adds one address by hand, `bestätigt` (Redaktion, Dezernentin)',
  request: { body: jsonBody(addRecipientInputSchema) },
  responses: {
    201: jsonAnswer(subscriberComponent, 'The new recipient'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...jsonBodyAnswers(
      'Invalid input; the address is in the list already (`errors[].path = "email"`); or it was erased before and `readdErased` is not set (`errors[].path = "readdErased"`).',
    ),
  },
})

const deleteRecipientRoute = describeRoute({
  method: 'delete',
  path: '/recipients/{id}',
  summary:
    'Erases a recipient: the address and its deliveries go; a hash of it stays on the suppression list',
  request: { params: idParams },
  responses: {
    204: { description: 'Erased' },
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such recipient (`/probleme/nicht-gefunden`).'),
  },
})

const importRecipientsRoute = describeRoute({
  method: 'post',
  path: '/recipients/import',
  summary:
    'Checks (`commit: false`) or imports a CSV file; with any bad row nothing is stored (Redaktion, Dezernentin)',
  request: { body: jsonBody(recipientImportInputSchema) },
  responses: {
    200: jsonAnswer(
      recipientImportResultSchema,
      'What the file holds and what the import does (or did)',
    ),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...jsonBodyAnswers(
      'Invalid input, or `commit: true` for a file with bad rows (`errors[].path = "zeile.<n>"`, one per row).',
    ),
  },
})

const exportRecipientsRoute = describeRoute({
  method: 'get',
  path: '/recipients/export',
  summary: 'The recipients as CSV (UTF-8 with byte order mark, semicolons), as Excel opens it',
  responses: {
    200: {
      description: 'The CSV file',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
  },
})

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text)
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

/** A CSV cell; one that a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

const germanDate = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(
        new Date(iso),
      )
    : ''

/** The recipients as a CSV file for Excel. */
export function recipientsCsv(subscribers: readonly Subscriber[]): string {
  const lines = [
    ['E-Mail', 'Name', 'Organisation', 'Status', 'Angefragt am', 'Bestätigt am', 'Abgemeldet am'],
    ...subscribers.map((subscriber) => [
      subscriber.email,
      subscriber.name,
      subscriber.organisation,
      subscriberStatusLabels[subscriber.status],
      germanDate(subscriber.requestedAt),
      germanDate(subscriber.confirmedAt),
      germanDate(subscriber.unsubscribedAt),
    ]),
  ]
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`
}

/** The recipient list: read, add, erase, import and export (Redaktion and Dezernentin). */
export function recipientRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()

  addDescribedRoute(routes, listRecipientsRoute, async (c) => {
    requirePermission(c.get('user'), 'recipients.read')
    const query = recipientQuerySchema.safeParse({
      q: c.req.query('q') || undefined,
      status: c.req.query('status') || undefined,
    })
    if (!query.success) throw invalidInput(query.error.issues)
    return c.json(await deps.store.transaction((tx) => tx.listSubscribers(query.data)))
  })

  addDescribedRoute(routes, addRecipientRoute, async (c) => {
    requirePermission(c.get('user'), 'recipients.manage')
    const input = await readBody(c, addRecipientRoute)
    const hash = await emailHash(input.email)
    const added = await deps.store.transaction(async (tx) => {
      const existing = await tx.getSubscriberByEmail(input.email)
      if (existing)
        throw invalid([
          {
            path: 'email',
            message: `Diese Adresse ist schon eingetragen (${subscriberStatusLabels[existing.status]}).`,
          },
        ])
      if ((await tx.suppressedHashes([hash])).length > 0) {
        if (!input.readdErased)
          throw invalid([
            {
              path: 'readdErased',
              message:
                'Diese Adresse wurde gelöscht und steht auf der Sperrliste. Tragen Sie sie nur wieder ein, wenn die Person es wünscht.',
            },
          ])
        await tx.unsuppress(hash)
      }
      const now = deps.now().toISOString()
      const subscriber: Subscriber = {
        id: deps.newId(),
        email: input.email,
        name: input.name,
        organisation: input.organisation,
        status: 'confirmed',
        consentVersion: null,
        requestedAt: now,
        confirmedAt: now,
        unsubscribedAt: null,
      }
      await tx.insertSubscriber(subscriber)
      return subscriber
    })
    return c.json(added, 201)
  })

  addDescribedRoute(routes, deleteRecipientRoute, async (c) => {
    requirePermission(c.get('user'), 'recipients.manage')
    const id = c.req.param('id')
    await deps.store.transaction(async (tx) => {
      const subscriber = await tx.getSubscriber(id)
      if (!subscriber) throw notFound('Der Empfänger')
      await tx.eraseSubscriber(id, {
        emailHash: await emailHash(subscriber.email),
        at: deps.now().toISOString(),
      })
    })
    return c.body(null, 204)
  })

  addDescribedRoute(routes, importRecipientsRoute, async (c) => {
    requirePermission(c.get('user'), 'recipients.manage')
    const input = await readBody(c, importRecipientsRoute)
    const file = readRecipientCsv(decodeBase64(input.file))
    if (input.commit && file.errors.length > 0)
      throw invalid(
        file.errors.map((error) => ({
          path: `zeile.${error.line}`,
          message: `Zeile ${error.line}: ${error.message}`,
        })),
      )
    const emails = file.recipients.map((recipient) => recipient.email)
    const hashes = await Promise.all(emails.map(emailHash))
    const result = await deps.store.transaction(async (tx): Promise<RecipientImportResult> => {
      const present = new Set(await tx.existingEmails(emails))
      const suppressed = new Set(await tx.suppressedHashes(hashes))
      const outcomeOf = (index: number, email: string) =>
        present.has(email)
          ? ('alreadyPresent' as const)
          : suppressed.has(hashes[index] ?? '')
            ? ('suppressed' as const)
            : ('added' as const)
      const outcomes = emails.map((email, index) => outcomeOf(index, email))
      const now = deps.now().toISOString()
      const fresh = file.recipients.filter((_, index) => outcomes[index] === 'added')
      if (input.commit && file.errors.length === 0)
        await tx.insertSubscribers(
          fresh.map((recipient) => ({
            id: deps.newId(),
            ...recipient,
            status: 'confirmed',
            consentVersion: null,
            requestedAt: now,
            confirmedAt: now,
            unsubscribedAt: null,
          })),
        )
      return {
        encoding: file.encoding,
        delimiter: file.delimiter,
        rows: file.recipients.length,
        added: fresh.length,
        alreadyPresent: outcomes.filter((outcome) => outcome === 'alreadyPresent').length,
        suppressed: outcomes.filter((outcome) => outcome === 'suppressed').length,
        mergedDuplicates: file.mergedDuplicates,
        errors: file.errors,
        preview: file.recipients.slice(0, importPreviewRows).map((recipient, index) => ({
          ...recipient,
          outcome: outcomes[index] ?? 'added',
        })),
        committed: input.commit && file.errors.length === 0,
      }
    })
    return c.json(result)
  })

  addDescribedRoute(routes, exportRecipientsRoute, async (c) => {
    requirePermission(c.get('user'), 'recipients.read')
    const subscribers = await deps.store.transaction((tx) => tx.listSubscribers({}))
    const day = deps.now().toISOString().slice(0, 10)
    return c.body(recipientsCsv(subscribers), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="empfaenger-${day}.csv"`,
      'Cache-Control': 'no-store',
    })
  })

  return routes
}
