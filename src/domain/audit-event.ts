import { z } from 'zod'
import { cleanString, idSchema } from './clean-text'

export const auditActionSchema = z.enum([
  'issue.created',
  'issue.updated',
  'issue.arranged',
  'issue.submitted',
  'issue.approved',
  'issue.changes_requested',
  'issue.published',
  'issue.unpublished',
  'issue.reopened',
  'issue.approval_withdrawn',
  'issue.deadline_changed',
  'issue.send_started',
  'issue.send_scheduled',
  'issue.send_paused',
  'issue.send_resumed',
  'issue.sent',
  'issue.test_sent',
  'issue.archive_withdrawn',
  'issue.archive_restored',
  'article.created',
  'article.updated',
  'article.deleted',
  'article.restored',
  'article.discarded',
  'publication.updated',
  'media.uploaded',
])
export type AuditAction = z.infer<typeof auditActionSchema>

export const auditActionLabels: Record<AuditAction, string> = {
  'issue.created': 'Ausgabe angelegt',
  'issue.updated': 'Ausgabe geändert',
  'issue.arranged': 'Inhalt der Ausgabe geändert',
  'issue.submitted': 'Zur Freigabe eingereicht',
  'issue.approved': 'Freigegeben',
  'issue.changes_requested': 'Änderungen angefordert',
  'issue.published': 'Als versendet markiert',
  'issue.unpublished': 'Versand zurückgenommen',
  'issue.reopened': 'Wieder geöffnet',
  'issue.approval_withdrawn': 'Freigabe zurückgenommen (Inhalt geändert)',
  'issue.deadline_changed': 'Redaktionsschluss geändert',
  'issue.send_started': 'Versand gestartet',
  'issue.send_scheduled': 'Versand geplant',
  'issue.send_paused': 'Versand angehalten',
  'issue.send_resumed': 'Versand fortgesetzt',
  'issue.sent': 'Versendet',
  'issue.test_sent': 'Testversand',
  'issue.archive_withdrawn': 'Aus dem Archiv genommen',
  'issue.archive_restored': 'Wieder ins Archiv gestellt',
  'article.created': 'Beitrag angelegt',
  'article.updated': 'Beitrag geändert',
  'article.deleted': 'Beitrag in den Papierkorb gelegt',
  'article.restored': 'Beitrag aus dem Papierkorb wiederhergestellt',
  'article.discarded': 'Leerer Beitrag verworfen',
  'publication.updated': 'Einstellungen geändert',
  'media.uploaded': 'Foto hochgeladen',
}

export const auditEventSchema = z.object({
  id: idSchema(),
  at: z.iso.datetime(),
  actorId: idSchema(),
  action: auditActionSchema,
  resourceType: z.enum(['issue', 'article', 'publication', 'media']),
  resourceId: idSchema(),
  detail: cleanString().nullable(),
})
/** One entry of the Verlauf: who did what, when, to which resource. */
export type AuditEvent = z.infer<typeof auditEventSchema>

/** Steps of the same kind by the same person in a row, shown as one line of the Verlauf. */
export interface HistoryEntry {
  /** The newest event of the run. */
  event: AuditEvent
  count: number
  /** When the oldest event of the run happened. */
  since: string
}

/** Repeats that say nothing new one by one: board moves and edits of the details. */
const groupedActions: ReadonlySet<AuditAction> = new Set(['issue.arranged', 'issue.updated'])

/**
 * The Verlauf, newest first, with runs of the same repeatable step by the same person (board
 * moves one after another) folded into one entry with their number.
 */
export function groupHistory(events: readonly AuditEvent[]): HistoryEntry[] {
  const entries: HistoryEntry[] = []
  for (const event of [...events].reverse()) {
    const last = entries.at(-1)
    if (
      last &&
      groupedActions.has(event.action) &&
      last.event.action === event.action &&
      last.event.actorId === event.actorId &&
      last.event.detail === event.detail
    ) {
      last.count += 1
      last.since = event.at
    } else {
      entries.push({ event, count: 1, since: event.at })
    }
  }
  return entries
}
