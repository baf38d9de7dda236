import { z } from 'zod'
import {
  confirmationResultSchema,
  consent,
  subscribeInputSchema,
  subscribeResultSchema,
  subscriptionInfoSchema,
  subscriptionTokenInputSchema,
  unsubscribeInfoSchema,
  type UnsubscribeInfo,
} from '../../domain/sending'
import type { AppContext, HandlerDeps } from '../context'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  notFoundAnswer,
  problemAnswer,
  publicRoute,
  readBody,
} from '../contract'
import { escapeHtml } from '../../render/escape-html'
import { emailHash, sha256Hex } from '../mail/email-hash'
import { readUnsubscribeToken } from '../mail/unsubscribe-token'
import { invalid, mailUnavailable, ProblemError, problemTypes } from '../problem'
import type { StoreTx } from '../store'

/** Sign-up requests allowed per address and per client within an hour. */
export const subscribeLimits = { perAddress: 3, perClient: 20, windowMs: 60 * 60 * 1000 }
/** Sign-ups never confirmed are deleted after this long. */
export const unconfirmedRetentionMs = 7 * 24 * 60 * 60 * 1000

const subscribedMessage =
  'Fast geschafft: Wir haben Ihnen eine E-Mail gesendet. Bitte bestätigen Sie Ihre Anmeldung über den Link darin. Kommt keine E-Mail an, prüfen Sie bitte den Spam-Ordner.'

const mailUnavailableAnswer = {
  503: problemAnswer('No mail server configured (`/probleme/kein-mailserver`).'),
}

const subscriptionInfoRoute = describeRoute({
  method: 'get',
  path: '/subscription',
  summary: 'Public: the consent text of the sign-up, and whether sign-up is possible',
  ...publicRoute,
  responses: { 200: jsonAnswer(subscriptionInfoSchema, 'Consent text and availability') },
})

const subscribeRoute = describeRoute({
  method: 'post',
  path: '/subscription',
  summary:
    'Public: asks for the newsletter; sends a confirmation e-mail (double opt-in). The answer is the same for new, waiting and subscribed addresses',
  ...publicRoute,
  request: { body: jsonBody(subscribeInputSchema) },
  responses: {
    202: jsonAnswer(subscribeResultSchema, 'A confirmation e-mail is on its way (if one was due)'),
    ...jsonBodyAnswers(
      'Invalid input, no consent, or the consent text changed meanwhile (`errors[].path = "consentVersion"`).',
    ),
    429: problemAnswer(
      'Too many sign-up requests for this address or from this client (`/probleme/zu-viele-anfragen`).',
    ),
    ...mailUnavailableAnswer,
  },
})

const confirmRoute = describeRoute({
  method: 'post',
  path: '/subscription/confirm',
  summary: 'Public: confirms a sign-up with the token of the confirmation link',
  ...publicRoute,
  request: { body: jsonBody(subscriptionTokenInputSchema) },
  responses: {
    200: jsonAnswer(confirmationResultSchema, 'Confirmed: the address receives the next issue'),
    ...notFoundAnswer('Unknown or used link (`/probleme/nicht-gefunden`).'),
    410: problemAnswer('The link has expired (`/probleme/link-abgelaufen`).'),
    ...jsonBodyAnswers(),
  },
})

const tokenParams = z.object({ token: z.string().max(500) })

const unsubscribeInfoRoute = describeRoute({
  method: 'get',
  path: '/subscription/unsubscribe/{token}',
  summary:
    'Public: whom an unsubscribe link belongs to. Never unsubscribes (link scanners of mail gateways open links)',
  ...publicRoute,
  request: { params: tokenParams },
  responses: {
    200: jsonAnswer(unsubscribeInfoSchema, 'The address and whether it still receives issues'),
    ...notFoundAnswer('Not an unsubscribe link of this server (`/probleme/nicht-gefunden`).'),
    ...mailUnavailableAnswer,
  },
})

const unsubscribeRoute = describeRoute({
  method: 'post',
  path: '/subscription/unsubscribe/{token}',
  summary:
    'Public: unsubscribes. Also the one-click POST of mail programs (RFC 8058, body `List-Unsubscribe=One-Click` as a form); waiting messages of a send under way are not sent',
  ...publicRoute,
  request: { params: tokenParams },
  responses: {
    200: jsonAnswer(unsubscribeInfoSchema, 'Unsubscribed (also when it was before)'),
    ...notFoundAnswer('Not an unsubscribe link of this server (`/probleme/nicht-gefunden`).'),
    ...mailUnavailableAnswer,
  },
})

function confirmationMail(link: string, hours: number) {
  const text = [
    'Guten Tag,',
    '',
    'Sie haben den Newsletter „Kommunale Sozialplanung und Integrationsmanagement – Nachrichten aus dem Dezernat Soziales“ der Stadt Gera angefordert.',
    '',
    `Bitte bestätigen Sie Ihre Anmeldung innerhalb von ${hours} Stunden über diesen Link:`,
    link,
    '',
    'Wenn Sie den Newsletter nicht angefordert haben, müssen Sie nichts tun: Ohne Bestätigung erhalten Sie nichts, und Ihre Adresse wird nach sieben Tagen gelöscht.',
    '',
    'Stadt Gera – Dezernat Soziales',
  ].join('\n')
  const html = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Anmeldung bestätigen</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:24px;color:#1a1a1a;">${text
    .split('\n\n')
    .map((paragraph) =>
      paragraph === link || paragraph.endsWith(link)
        ? `<p>${escapeHtml(paragraph.replace(link, '')).replaceAll('\n', '<br>')}<a href="${escapeHtml(link)}">Anmeldung bestätigen</a></p>`
        : `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`,
    )
    .join('')}</body></html>`
  return { subject: 'Bitte bestätigen Sie Ihre Anmeldung zum Newsletter', text, html }
}

/** Counts one request for `key`; true while the limit within the window is not reached. */
async function withinLimit(tx: StoreTx, key: string, limit: number, now: Date) {
  const record = await tx.lockLoginFailures(key)
  const fresh =
    record !== null &&
    now.getTime() - new Date(record.lastFailedAt).getTime() < subscribeLimits.windowMs
  const count = fresh ? record.count + 1 : 1
  if (count > limit) return false
  await tx.putLoginFailures({
    key,
    count,
    lastFailedAt: fresh ? record.lastFailedAt : now.toISOString(),
  })
  return true
}

/** The public sign-up (double opt-in), its confirmation, and unsubscribing. */
export function publicSubscriptionRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  const clientOf = (c: AppContext) =>
    deps.signIn.method === 'password' ? deps.signIn.clientAddress(c) : 'demo'

  addDescribedRoute(routes, subscriptionInfoRoute, (c) =>
    c.json({
      consentVersion: consent.version,
      consentText: consent.text,
      available: deps.mail !== null,
      unavailableReason: deps.mail
        ? null
        : 'Die Anmeldung ist gerade nicht möglich, weil kein Mailserver eingerichtet ist. Bitte versuchen Sie es später noch einmal.',
    }),
  )

  addDescribedRoute(routes, subscribeRoute, async (c) => {
    const input = await readBody(c, subscribeRoute)
    if (input.consentVersion !== consent.version)
      throw invalid([
        {
          path: 'consentVersion',
          message:
            'Der Einwilligungstext wurde inzwischen geändert. Bitte laden Sie die Seite neu und lesen Sie ihn noch einmal.',
        },
      ])
    const mail = deps.mail
    if (!mail) throw mailUnavailable()
    const now = deps.now()
    const token = deps.newToken()
    const tokenHash = await sha256Hex(token)
    const due = await deps.store.transaction(async (tx) => {
      await tx.purgeUnconfirmedSubscribers(
        new Date(now.getTime() - unconfirmedRetentionMs).toISOString(),
      )
      const allowed =
        (await withinLimit(tx, `abo-adresse:${input.email}`, subscribeLimits.perAddress, now)) &&
        (await withinLimit(tx, `abo-client:${clientOf(c)}`, subscribeLimits.perClient, now))
      if (!allowed) return 'limited' as const
      let subscriber = await tx.getSubscriberByEmail(input.email)
      if (subscriber?.status === 'confirmed') return 'subscribed' as const
      if (!subscriber) {
        subscriber = {
          id: deps.newId(),
          email: input.email,
          name: input.name,
          organisation: '',
          status: 'pending',
          consentVersion: consent.version,
          requestedAt: now.toISOString(),
          confirmedAt: null,
          unsubscribedAt: null,
        }
        await tx.insertSubscriber(subscriber)
      }
      await tx.setConfirmationRequest(subscriber.id, {
        name: input.name,
        consentVersion: input.consentVersion,
        requestedAt: now.toISOString(),
        tokenHash,
        expiresAt: new Date(now.getTime() + mail.confirmationHours * 3_600_000).toISOString(),
      })
      return 'confirmation' as const
    })
    if (due === 'limited')
      throw new ProblemError(
        429,
        problemTypes.tooManyRequests,
        'Zu viele Anfragen',
        'Für diese Adresse wurden gerade schon mehrere Anmeldungen angefordert. Bitte schauen Sie in Ihr Postfach oder versuchen Sie es in einer Stunde erneut.',
      )
    if (due === 'confirmation') {
      const link = `${mail.list.publicUrl}/abonnieren/bestaetigen/${encodeURIComponent(token)}`
      const message = confirmationMail(link, mail.confirmationHours)
      const outcome = await mail.port.send({
        from: mail.from,
        to: input.email,
        ...message,
        messageId: `<anmeldung.${deps.newId()}@${mail.list.messageDomain}>`,
        headers: {},
      })
      if (outcome.kind !== 'accepted' && outcome.kind !== 'rejected')
        throw new ProblemError(
          503,
          problemTypes.mailUnavailable,
          'E-Mail nicht gesendet',
          'Die Bestätigungs-E-Mail konnte gerade nicht gesendet werden. Bitte versuchen Sie es in einigen Minuten erneut.',
        )
    }
    return c.json({ message: subscribedMessage }, 202)
  })

  addDescribedRoute(routes, confirmRoute, async (c) => {
    const { token } = await readBody(c, confirmRoute)
    const tokenHash = await sha256Hex(token)
    const result = await deps.store.transaction(async (tx) => {
      const found = await tx.getSubscriberByConfirmation(tokenHash)
      if (!found)
        throw new ProblemError(
          404,
          problemTypes.notFound,
          'Link ungültig',
          'Dieser Bestätigungslink ist ungültig oder wurde schon verwendet. Wenn Sie schon bestätigt haben, ist alles erledigt.',
        )
      if (new Date(found.expiresAt) <= deps.now())
        throw new ProblemError(
          410,
          problemTypes.linkExpired,
          'Link abgelaufen',
          'Dieser Bestätigungslink ist abgelaufen. Bitte melden Sie sich noch einmal an; Sie erhalten dann einen neuen Link.',
        )
      await tx.confirmSubscriber(found.subscriber.id, deps.now().toISOString())
      // signed up on their own: an earlier erasure no longer holds
      await tx.unsuppress(await emailHash(found.subscriber.email))
      return { email: found.subscriber.email }
    })
    return c.json(result)
  })

  async function subscriberOfLink(c: AppContext) {
    const mail = deps.mail
    if (!mail) throw mailUnavailable()
    const subscriberId = await readUnsubscribeToken(mail.secret, c.req.param('token') ?? '')
    if (subscriberId === null)
      throw new ProblemError(
        404,
        problemTypes.notFound,
        'Link ungültig',
        'Dieser Abmeldelink ist ungültig. Bitte verwenden Sie den Link aus der letzten Ausgabe. (Ein Link aus einem Testversand führt absichtlich hierher.)',
      )
    return subscriberId
  }

  const infoOf = (subscriber: { email: string; status: string } | null): UnsubscribeInfo => ({
    email: subscriber?.email ?? '',
    status:
      subscriber?.status === 'confirmed' || subscriber?.status === 'pending'
        ? 'subscribed'
        : 'unsubscribed',
  })

  addDescribedRoute(routes, unsubscribeInfoRoute, async (c) => {
    const subscriberId = await subscriberOfLink(c)
    const subscriber = await deps.store.transaction((tx) => tx.getSubscriber(subscriberId))
    return c.json(infoOf(subscriber))
  })

  addDescribedRoute(routes, unsubscribeRoute, async (c) => {
    const subscriberId = await subscriberOfLink(c)
    const subscriber = await deps.store.transaction(async (tx) => {
      const found = await tx.getSubscriber(subscriberId)
      if (found && found.status !== 'unsubscribed')
        await tx.unsubscribe(subscriberId, deps.now().toISOString())
      return found ? { ...found, status: 'unsubscribed' as const } : null
    })
    return c.json(infoOf(subscriber))
  })

  return routes
}
