import { z } from 'zod'

export const deliveryStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'skipped'])
/**
 * One message of a send to one recipient: waiting, handed to SMTP, accepted, given up, or not
 * sent because the person unsubscribed (or was erased) before it went out.
 */
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  pending: 'wartend',
  sending: 'wird gesendet',
  sent: 'gesendet',
  failed: 'fehlgeschlagen',
  skipped: 'nicht gesendet (abgemeldet)',
}

export const sendStatusSchema = z.enum(['scheduled', 'running', 'paused', 'done'])
/** A send of an issue: planned, under way, held by "Anhalten", or through. */
export type SendStatus = z.infer<typeof sendStatusSchema>

/** Why a delivery was `skipped`: the person unsubscribed, or was no longer confirmed when it was due. */
export const skippedReasons = {
  unsubscribed: 'Abgemeldet, bevor die Nachricht gesendet wurde.',
  notConfirmed: 'Nicht mehr angemeldet, als die Nachricht an der Reihe war.',
} as const

/** What the SMTP server (or the way to it) answered for one message. */
export type SmtpOutcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; code: number | null; response: string }
  | { kind: 'unreachable'; detail: string }

/** Attempts per message before a temporary failure counts as final. */
export const maxDeliveryAttempts = 6

/** Minutes to wait before attempt `attempt + 1`: 1, 4, 16, 60, 60 … (a 4xx greylisting passes). */
export function retryDelayMinutes(attempt: number): number {
  return Math.min(60, 4 ** Math.max(0, attempt - 1))
}

/** A reply code of 5xx is final (RFC 5321, 4.2.1); 4xx and a lost connection may pass later. */
export function isPermanent(outcome: SmtpOutcome): boolean {
  return outcome.kind === 'rejected' && outcome.code !== null && outcome.code >= 500
}

/** Why a message did not go out, in German, with the server's own words for the administrator. */
export function deliveryFailureReason(outcome: Exclude<SmtpOutcome, { kind: 'accepted' }>): string {
  if (outcome.kind === 'unreachable')
    return `Der Mailserver war nicht erreichbar (${outcome.detail}).`
  const code = outcome.code ?? 0
  const known: Record<number, string> = {
    421: 'Der Mailserver nimmt gerade nichts an',
    450: 'Das Postfach ist vorübergehend nicht erreichbar',
    451: 'Der Mailserver hat die Nachricht vorübergehend abgelehnt',
    452: 'Der Mailserver hat vorübergehend keinen Platz',
    550: 'Das Postfach existiert nicht oder nimmt nichts an',
    551: 'Das Postfach ist bei diesem Server nicht bekannt',
    552: 'Das Postfach ist voll',
    553: 'Die Adresse ist ungültig',
    554: 'Der Empfänger-Server hat die Nachricht abgelehnt',
  }
  const summary =
    known[code] ??
    (code >= 500
      ? 'Der Empfänger-Server hat die Nachricht endgültig abgelehnt'
      : 'Der Empfänger-Server hat die Nachricht vorübergehend abgelehnt')
  return `${summary} (${outcome.response.trim() || code}).`
}

/** What becomes of a delivery after an attempt (`attempts` counts this one). */
export type DeliveryStep =
  | { status: 'sent' }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string }
  | { status: 'pending'; reason: string; nextAttemptAt: Date }

export function afterAttempt(outcome: SmtpOutcome, attempts: number, now: Date): DeliveryStep {
  if (outcome.kind === 'accepted') return { status: 'sent' }
  const reason = deliveryFailureReason(outcome)
  if (isPermanent(outcome)) return { status: 'failed', reason }
  if (attempts >= maxDeliveryAttempts)
    return { status: 'failed', reason: `${reason} Nach ${attempts} Versuchen aufgegeben.` }
  return {
    status: 'pending',
    reason,
    nextAttemptAt: new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000),
  }
}
