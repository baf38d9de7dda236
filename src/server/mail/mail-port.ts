import type { SmtpOutcome } from '../../domain/delivery'

/** One message as it goes out: the approved rendering, addressed to one person. */
export interface OutgoingMessage {
  from: string
  to: string
  subject: string
  html: string
  text: string
  /** Unique per message, with the sender's domain: `<…@gera.de>`. */
  messageId: string
  /** Extra headers, e.g. `List-Unsubscribe`, `List-Unsubscribe-Post`, `List-Id`. */
  headers: Record<string, string>
}

/**
 * Where messages leave the contract handler: SMTP on the real server, the Postausgang in the
 * demo. `send` never throws for a refusal: the answer is an outcome the queue acts on.
 */
export interface MailPort {
  send(message: OutgoingMessage): Promise<SmtpOutcome>
  close(): Promise<void>
}
