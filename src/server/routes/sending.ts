import { contentFingerprint, publicationOfIssue } from '../../domain/fingerprint'
import type { Issue } from '../../domain/issue'
import {
  maxListedFailures,
  outboxSchema,
  sendPreviewSchema,
  sendProgressSchema,
  sendsSchema,
  startSendInputSchema,
  testSendInputSchema,
  testSendResultSchema,
  testSendUnsubscribeToken,
  type SendPreview,
  type SendProgress,
  type SendSummary,
} from '../../domain/sending'
import { archiveUrl, messageArchiveSlug, reserveArchiveEntry } from '../archive'
import { audit, requirePermission, type HandlerDeps, type MailSettings } from '../context'
import {
  addDescribedRoute,
  conflictAnswer,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  issueComponent,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  notFoundAnswer,
  problemAnswer,
  readBody,
  unauthenticatedAnswer,
} from '../contract'
import { articlesOf, assertVersion, loadIssue, lockIssue } from '../issue-operations'
import { deliveryFailureReason } from '../../domain/delivery'
import { unsubscribeUrlPlaceholder } from '../mail/compose-issue-message'
import { issueSubject } from '../../domain/issue-subject'
import { approvedArticles, renderIssueMail } from '../mail/issue-mail'
import {
  mailUnavailable,
  noMailServerMessage,
  notFound,
  ProblemError,
  problemTypes,
} from '../problem'
import type { SendJob, StoreTx } from '../store'

const sendConflict = (detail: string) =>
  new ProblemError(409, problemTypes.wrongState, 'Versand nicht möglich', detail)

const sendProgressComponent = sendProgressSchema.meta({ id: 'SendProgress' })
const sendIdParams = idParams

const testSendRoute = describeRoute({
  method: 'post',
  path: '/issues/{id}/test-send',
  summary:
    'Testversand: the issue as it is now to up to five addresses, subject "[Test] …" (every role, also before approval)',
  request: { params: idParams, body: jsonBody(testSendInputSchema) },
  responses: {
    200: jsonAnswer(
      testSendResultSchema,
      'To whom it went, and the German reason for each refusal',
    ),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
    ...jsonBodyAnswers(),
    503: problemAnswer('No mail server configured (`/probleme/kein-mailserver`).'),
  },
})

const sendPreviewRoute = describeRoute({
  method: 'get',
  path: '/issues/{id}/send-preview',
  summary:
    'Subject, sender, number of recipients and what prevents sending (Redaktion, Dezernentin)',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(sendPreviewSchema, 'What the confirmation of a send shows'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
  },
})

const startSendRoute = describeRoute({
  method: 'post',
  path: '/issues/{id}/sends',
  summary:
    'Sends the approved issue to every confirmed recipient, now or at `scheduledAt` (Redaktion, Dezernentin)',
  request: { params: idParams, body: jsonBody(startSendInputSchema) },
  responses: {
    201: jsonAnswer(sendProgressComponent, 'The send, `running` or `scheduled`'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
    ...conflictAnswer(
      issueComponent,
      "The `version` is not the stored one, or the `fingerprint` is not the approval's (`/probleme/versionskonflikt`, `current` is the issue); or the issue is not approved, is sent or being sent, or has no confirmed recipient (`/probleme/falscher-status`).",
    ),
    ...jsonBodyAnswers(),
    503: problemAnswer('No mail server configured (`/probleme/kein-mailserver`).'),
  },
})

const listSendsRoute = describeRoute({
  method: 'get',
  path: '/issues/{id}/sends',
  summary: 'The sends of an issue, newest first (Redaktion, Dezernentin)',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(sendsSchema, 'The sends with their counts'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
  },
})

const getSendRoute = describeRoute({
  method: 'get',
  path: '/sends/{id}',
  summary: 'Progress of a send: counts and the addresses that failed or are retried, with reasons',
  request: { params: sendIdParams },
  responses: {
    200: jsonAnswer(sendProgressComponent, 'The send'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such send (`/probleme/nicht-gefunden`).'),
  },
})

const sendStepRoute = (verb: 'pause' | 'resume', summary: string) =>
  describeRoute({
    method: 'post',
    path: `/sends/{id}/${verb}`,
    summary,
    request: { params: sendIdParams },
    responses: {
      200: jsonAnswer(sendProgressComponent, 'The send'),
      ...unauthenticatedAnswer,
      ...forbiddenAnswer(),
      ...notFoundAnswer('No such send (`/probleme/nicht-gefunden`).'),
      409: problemAnswer("Not possible in the send's status (`/probleme/falscher-status`)."),
    },
  })
const pauseSendRoute = sendStepRoute('pause', '"Anhalten": holds a running or planned send')
const resumeSendRoute = sendStepRoute('resume', '"Fortsetzen": continues a held send')

const outboxRoute = describeRoute({
  method: 'get',
  path: '/outbox',
  summary:
    'Demo: the Postausgang, what would have been sent, newest first (404 on the real server)',
  responses: {
    200: jsonAnswer(outboxSchema, 'The messages'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('Not the demo: there is no Postausgang (`/probleme/nicht-gefunden`).'),
  },
})

/** The fingerprint of the issue's content now, or null when it has lost an article meanwhile. */
async function currentFingerprint(tx: StoreTx, issue: Issue): Promise<string | null> {
  try {
    return await contentFingerprint(
      issue,
      await articlesOf(tx, issue),
      issue.approval?.content.publication,
    )
  } catch {
    return null
  }
}

/** Why the issue cannot be sent now (German), or null. */
async function sendBlocker(
  tx: StoreTx,
  issue: Issue,
  mail: MailSettings | null,
  recipients: number,
): Promise<string | null> {
  if (!mail) return noMailServerMessage
  if (issue.status === 'published') return 'Diese Ausgabe ist bereits versendet.'
  const sends = await tx.listSends(issue.id)
  const done = sends.find((send) => send.status === 'done')
  if (done)
    return 'Diese Ausgabe wurde bereits über Rundbrief versendet; ein zweiter Versand ginge an dieselben Empfänger.'
  const open = sends.find((send) => send.status !== 'done')
  if (open?.status === 'scheduled')
    return 'Für diese Ausgabe ist bereits ein Versand geplant. Halten Sie ihn auf der Versandseite an, um ihn zu ändern.'
  if (open) return 'Diese Ausgabe wird gerade versendet.'
  if (issue.status !== 'approved' || !issue.approval)
    return 'Nur eine freigegebene Ausgabe kann versendet werden.'
  if ((await currentFingerprint(tx, issue)) !== issue.approval.fingerprint)
    return 'Der Inhalt hat sich seit der Freigabe geändert. Die Ausgabe muss erneut freigegeben werden.'
  if (recipients === 0) return 'Es gibt noch keine bestätigten Empfänger.'
  return null
}

async function summaryOf(tx: StoreTx, send: SendJob): Promise<SendSummary> {
  const counts = await tx.deliveryCounts(send.id)
  return {
    id: send.id,
    issueId: send.issueId,
    status: send.status,
    scheduledAt: send.scheduledAt,
    createdAt: send.createdAt,
    createdBy: send.createdBy,
    finishedAt: send.finishedAt,
    subject: send.message.subject,
    from: send.message.from,
    counts,
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
  }
}

/** The summary and the addresses that failed or wait for a retry, for the send page. */
async function progressOf(tx: StoreTx, send: SendJob): Promise<SendProgress> {
  return {
    ...(await summaryOf(tx, send)),
    failures: await tx.listDeliveryProblems(send.id, maxListedFailures),
  }
}

/** Testversand, sending an approved issue, its progress, pause and resume, and the demo's Postausgang. */
export function sendingRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()

  addDescribedRoute(routes, testSendRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.testSend')
    const input = await readBody(c, testSendRoute)
    const mail = deps.mail
    const issueId = c.req.param('id')
    const rendered = await deps.store.transaction(async (tx) => {
      const issue = await loadIssue(tx, issueId)
      if (!mail) return null
      return renderIssueMail(tx, issue, await articlesOf(tx, issue), {
        publicUrl: mail.list.publicUrl,
        unsubscribeUrl: `${mail.list.publicUrl}/abmelden/${testSendUnsubscribeToken}`,
        subjectPrefix: '[Test] ',
        archiveUrl: archiveUrl(mail.list.publicUrl, await messageArchiveSlug(tx, issue)),
      })
    })
    if (!mail || !rendered) throw mailUnavailable()
    const addresses = [...new Set(input.addresses)]
    const sentTo: string[] = []
    const failed: { email: string; reason: string }[] = []
    for (const address of addresses) {
      const outcome = await mail.port.send({
        from: mail.from,
        to: address,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId: `<test.${deps.newId()}@${mail.list.messageDomain}>`,
        headers: {},
      })
      if (outcome.kind === 'accepted') sentTo.push(address)
      else failed.push({ email: address, reason: deliveryFailureReason(outcome) })
    }
    await deps.store.transaction((tx) =>
      audit(deps, tx, {
        actorId: user.id,
        action: 'issue.test_sent',
        resourceType: 'issue',
        resourceId: issueId,
        detail: `an ${sentTo.length} Adresse${sentTo.length === 1 ? '' : 'n'}`,
      }),
    )
    return c.json({ subject: rendered.subject, sentTo, failed })
  })

  addDescribedRoute(routes, sendPreviewRoute, async (c) => {
    requirePermission(c.get('user'), 'issue.send')
    const preview = await deps.store.transaction(async (tx): Promise<SendPreview> => {
      const issue = await loadIssue(tx, c.req.param('id'))
      const recipientCount = await tx.countConfirmedSubscribers()
      const publication = publicationOfIssue(issue, await tx.getPublication())
      return {
        subject: issueSubject(publication, issue),
        from: deps.mail?.from ?? '',
        recipientCount,
        blocker: await sendBlocker(tx, issue, deps.mail, recipientCount),
        fingerprint: issue.approval?.fingerprint ?? null,
      }
    })
    return c.json(preview)
  })

  addDescribedRoute(routes, startSendRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.send')
    const input = await readBody(c, startSendRoute)
    const mail = deps.mail
    if (!mail) throw mailUnavailable()
    const now = deps.now()
    const scheduledAt =
      input.scheduledAt && new Date(input.scheduledAt) > now ? new Date(input.scheduledAt) : now
    const progress = await deps.store.transaction(async (tx) => {
      const issue = await lockIssue(tx, c.req.param('id'))
      assertVersion(issue, input.version)
      if (issue.approval && input.fingerprint !== issue.approval.fingerprint) {
        throw new ProblemError(
          409,
          problemTypes.versionConflict,
          'Freigabe geändert',
          'Die Freigabe, die Sie gesehen haben, gilt nicht mehr. Bitte prüfen Sie den aktuellen Stand.',
          { current: issue },
        )
      }
      const blocker = await sendBlocker(tx, issue, mail, await tx.countConfirmedSubscribers())
      if (blocker) throw sendConflict(blocker)
      const articles = approvedArticles(issue, await articlesOf(tx, issue))
      // the address is reserved now, so that every message can carry it
      const archive = await reserveArchiveEntry(tx, issue)
      const rendered = await renderIssueMail(tx, issue, articles, {
        publicUrl: mail.list.publicUrl,
        unsubscribeUrl: unsubscribeUrlPlaceholder,
        archiveUrl: archiveUrl(mail.list.publicUrl, archive.slug),
      })
      const send: SendJob = {
        id: deps.newId(),
        issueId: issue.id,
        status: scheduledAt > now ? 'scheduled' : 'running',
        scheduledAt: scheduledAt.toISOString(),
        createdAt: now.toISOString(),
        createdBy: user.id,
        finishedAt: null,
        message: {
          subject: rendered.subject,
          from: mail.from,
          html: rendered.html,
          text: rendered.text,
          fingerprint: issue.approval?.fingerprint ?? '',
        },
      }
      const recipients = await tx.insertSend(send)
      await audit(deps, tx, {
        actorId: user.id,
        action: send.status === 'scheduled' ? 'issue.send_scheduled' : 'issue.send_started',
        resourceType: 'issue',
        resourceId: issue.id,
        detail: `an ${recipients} Empfänger${send.status === 'scheduled' ? `, geplant für ${send.scheduledAt}` : ''}`,
      })
      return progressOf(tx, send)
    })
    if (progress.status === 'running') mail.wakeWorker?.()
    return c.json(progress, 201)
  })

  addDescribedRoute(routes, listSendsRoute, async (c) => {
    requirePermission(c.get('user'), 'issue.send')
    const sends = await deps.store.transaction(async (tx) => {
      const issue = await loadIssue(tx, c.req.param('id'))
      const summaries = []
      for (const send of await tx.listSends(issue.id)) {
        summaries.push(await summaryOf(tx, send))
      }
      return summaries
    })
    return c.json(sends)
  })

  const loadSend = async (tx: StoreTx, id: string) => {
    const send = await tx.getSend(id)
    if (!send) throw notFound('Der Versand')
    return send
  }

  addDescribedRoute(routes, getSendRoute, async (c) => {
    requirePermission(c.get('user'), 'issue.send')
    return c.json(
      await deps.store.transaction(async (tx) =>
        progressOf(tx, await loadSend(tx, c.req.param('id'))),
      ),
    )
  })

  addDescribedRoute(routes, pauseSendRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.send')
    const progress = await deps.store.transaction(async (tx) => {
      const send = await loadSend(tx, c.req.param('id'))
      if (!(await tx.setSendStatus(send.id, ['running', 'scheduled'], 'paused')))
        throw sendConflict(
          send.status === 'paused'
            ? 'Der Versand ist bereits angehalten.'
            : 'Der Versand ist abgeschlossen und kann nicht mehr angehalten werden.',
        )
      await audit(deps, tx, {
        actorId: user.id,
        action: 'issue.send_paused',
        resourceType: 'issue',
        resourceId: send.issueId,
      })
      return progressOf(tx, { ...send, status: 'paused' })
    })
    return c.json(progress)
  })

  addDescribedRoute(routes, resumeSendRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.send')
    const progress = await deps.store.transaction(async (tx) => {
      const send = await loadSend(tx, c.req.param('id'))
      const next = new Date(send.scheduledAt) > deps.now() ? 'scheduled' : 'running'
      if (!(await tx.setSendStatus(send.id, ['paused'], next)))
        throw sendConflict('Nur ein angehaltener Versand kann fortgesetzt werden.')
      await audit(deps, tx, {
        actorId: user.id,
        action: 'issue.send_resumed',
        resourceType: 'issue',
        resourceId: send.issueId,
      })
      return progressOf(tx, { ...send, status: next })
    })
    if (progress.status === 'running') deps.mail?.wakeWorker?.()
    return c.json(progress)
  })

  addDescribedRoute(routes, outboxRoute, async (c) => {
    requirePermission(c.get('user'), 'recipients.read')
    const outbox = deps.mail?.outbox
    if (!outbox)
      throw new ProblemError(
        404,
        problemTypes.notFound,
        'Nicht gefunden',
        'Einen Postausgang gibt es nur in der Demo; der Server sendet über SMTP.',
      )
    return c.json(await outbox())
  })

  return routes
}
