import { createTransport } from 'nodemailer'
import type { SmtpOutcome } from '../../domain/delivery'
import type { MailPort, OutgoingMessage } from '../mail/mail-port'

export interface SmtpSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465`. */
  url: string
  /** Messages per minute at most (the city's relay sets a limit for bulk mail). */
  perMinute: number
  /** Parallel connections of the pool. */
  connections: number
  /** DKIM signing, when the city's domain key is configured. */
  dkim?: { domainName: string; keySelector: string; privateKey: string }
}

interface SmtpError {
  code?: string
  responseCode?: number
  response?: string
  message?: string
}

/** Reads nodemailer's error: an SMTP reply code means the server answered, anything else not. */
export function outcomeOfError(error: unknown): SmtpOutcome {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpError
  if (typeof failure.responseCode === 'number')
    return {
      kind: 'rejected',
      code: failure.responseCode,
      response: failure.response ?? failure.message ?? '',
    }
  return { kind: 'unreachable', detail: failure.code ?? failure.message ?? String(error) }
}

/**
 * The List-Id goes through nodemailer's `list` option: given as a plain header, a name with
 * umlauts or a dash would be encoded together with `<list-id>` into one encoded word, and mail
 * programs and filters would no longer find the list's identity (RFC 2919, RFC 2047 5.3).
 */
function withListId(headers: Record<string, string>) {
  const { 'List-Id': listId, ...others } = headers
  const parsed = listId === undefined ? null : /^(.*?)\s*<([^<>]+)>$/.exec(listId)
  if (!parsed) return { headers }
  const [, comment = '', id = ''] = parsed
  return { headers: others, list: { id: { url: id, comment } } }
}

/** SMTP through a pooled nodemailer transport, throttled to `perMinute`. */
export function smtpMail(settings: SmtpSettings): MailPort {
  const transport = createTransport({
    url: settings.url,
    pool: true,
    maxConnections: settings.connections,
    maxMessages: 500,
    rateDelta: 60_000,
    rateLimit: settings.perMinute,
    ...(settings.dkim ? { dkim: settings.dkim } : {}),
  })
  return {
    async send(message: OutgoingMessage) {
      try {
        const info = await transport.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: message.messageId,
          ...withListId(message.headers),
        })
        if (info.rejected.length > 0)
          return outcomeOfError(info.rejectedErrors?.[0] ?? { message: String(info.response) })
        return { kind: 'accepted' }
      } catch (error) {
        return outcomeOfError(error)
      }
    },
    async close() {
      transport.close()
    },
  }
}
