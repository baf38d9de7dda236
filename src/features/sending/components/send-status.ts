import { formatBerlinDateTime } from '../../../domain/deadline'
import type { SendSummary } from '../../../domain/sending'

/** The counts the send page shows, in its words: waiting includes messages being handed over. */
export function sendCounts(send: Pick<SendSummary, 'counts' | 'total'>) {
  const count = (status: keyof SendSummary['counts']) => send.counts[status] ?? 0
  const waiting = count('pending') + count('sending')
  return {
    waiting,
    sent: count('sent'),
    failed: count('failed'),
    skipped: count('skipped'),
    done: send.total - waiting,
    total: send.total,
  }
}

/** One line about a send: planned, under way, held, or through. */
export function sendStatusText(send: SendSummary): string {
  const { sent, failed, skipped, total } = sendCounts(send)
  switch (send.status) {
    case 'scheduled':
      return `Geplant für ${formatBerlinDateTime(send.scheduledAt)} an ${total} Empfänger.`
    case 'running':
      return `Der Versand läuft: ${sent} von ${total} gesendet.`
    case 'paused':
      return `Der Versand ist angehalten: ${sent} von ${total} gesendet.`
    case 'done':
      return (
        `Versendet${send.finishedAt ? ` am ${formatBerlinDateTime(send.finishedAt)}` : ''}: ` +
        `${sent} gesendet, ${failed} fehlgeschlagen` +
        (skipped > 0 ? `, ${skipped} nicht gesendet (abgemeldet).` : '.')
      )
  }
}
