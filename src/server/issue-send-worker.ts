import { publishToArchive } from './archive'
import type { HandlerDeps, MailSettings } from './context'
import { bumpIssue } from './issue-operations'
import { composeIssueMessage } from './mail/compose-issue-message'
import { createUnsubscribeToken } from './mail/unsubscribe-token'
import { createSendWorker, type SendWorkerDeps } from './send-worker'

export interface IssueSendWorkerOptions extends Pick<HandlerDeps, 'store' | 'now' | 'newId'> {
  mail: MailSettings
  workerId: string
  batchSize?: number
  parallel?: number
  leaseMs?: number
}

/**
 * The send worker of the product: each message is the send's approved rendering with the
 * recipient's own unsubscribe link; when a send's last message is through, the issue becomes
 * versendet (when it is still approved), its archive page is stored, and the Verlauf says so.
 */
export function createIssueSendWorker(options: IssueSendWorkerOptions) {
  const { store, mail } = options
  const deps: SendWorkerDeps = {
    store,
    mail: mail.port,
    now: options.now,
    workerId: options.workerId,
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    compose: async (send, recipient) =>
      composeIssueMessage(
        send,
        recipient,
        await createUnsubscribeToken(mail.secret, recipient.id),
        mail.list,
      ),
    onSendFinished: async (tx, send) => {
      const issue = await tx.lockIssue(send.issueId)
      if (!issue) return
      const counts = await tx.deliveryCounts(send.id)
      const at = options.now().toISOString()
      if (issue.status === 'approved') {
        await tx.updateIssue(bumpIssue(issue, { status: 'published' }, at), issue.version)
        await publishToArchive(tx, issue, mail.list.publicUrl, at)
      }
      await tx.appendAudit({
        id: options.newId(),
        at,
        actorId: send.createdBy,
        action: 'issue.sent',
        resourceType: 'issue',
        resourceId: issue.id,
        detail: `${counts.sent} gesendet, ${counts.failed} fehlgeschlagen, ${counts.skipped} nicht gesendet (abgemeldet)`,
      })
    },
  }
  return createSendWorker(deps)
}
