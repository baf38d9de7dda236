import type { SmtpOutcome } from '../src/domain/delivery'
import type { OutboxMessage } from '../src/domain/sending'
import type { MailPort, OutgoingMessage } from '../src/server/mail/mail-port'

/**
 * The demo's mail port: nothing leaves the browser; every message lands in the Postausgang,
 * newest first. `refuse` lets tests make the "server" answer like a real one for some addresses.
 */
export function createOutbox(
  options: {
    now?: () => Date
    newId?: () => string
    refuse?: (message: OutgoingMessage) => SmtpOutcome | null
    /** Messages kept (the oldest are dropped first). */
    capacity?: number
  } = {},
) {
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => crypto.randomUUID())
  const capacity = options.capacity ?? 500
  const messages: OutboxMessage[] = []
  const port: MailPort = {
    send: async (message) => {
      const refused = options.refuse?.(message)
      if (refused) return refused
      messages.unshift({
        id: newId(),
        at: now().toISOString(),
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: { 'Message-ID': message.messageId, ...message.headers },
      })
      messages.length = Math.min(messages.length, capacity)
      return { kind: 'accepted' }
    },
    close: async () => {},
  }
  return { port, list: async () => structuredClone(messages) }
}
