import type { SmtpOutcome } from '../src/domain/delivery'
import type { OutboxMessage } from '../src/domain/sending'
import type { MailPort, OutgoingMessage } from '../src/server/mail/mail-port'

/**
 * Where the Postausgang keeps its messages beyond one page: in the demo the IndexedDB of all
 * tabs, so that a reload or another tab shows what any tab's send worker sent. `update` must run
 * its change alone (under a lock across tabs).
 */
export interface OutboxStorage {
  read(): Promise<OutboxMessage[]>
  update(change: (messages: OutboxMessage[]) => OutboxMessage[]): Promise<void>
}

/** The Postausgang of one page only (tests, and a browser without a shared store). */
export function memoryOutboxStorage(): OutboxStorage {
  let messages: OutboxMessage[] = []
  return {
    read: async () => structuredClone(messages),
    update: async (change) => {
      messages = change(messages)
    },
  }
}

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
    storage?: OutboxStorage
  } = {},
) {
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => crypto.randomUUID())
  const capacity = options.capacity ?? 500
  const storage = options.storage ?? memoryOutboxStorage()
  const port: MailPort = {
    send: async (message) => {
      const refused = options.refuse?.(message)
      if (refused) return refused
      const kept: OutboxMessage = {
        id: newId(),
        at: now().toISOString(),
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: { 'Message-ID': message.messageId, ...message.headers },
      }
      await storage.update((messages) => [kept, ...messages].slice(0, capacity))
      return { kind: 'accepted' }
    },
    close: async () => {},
  }
  return { port, list: () => storage.read() }
}
