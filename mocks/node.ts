import { setupServer } from 'msw/node'
import { createApp, type AppOptions } from '../src/server/app'
import type { SmtpOutcome } from '../src/domain/delivery'
import type { MailSettings } from '../src/server/context'
import { createIssueSendWorker } from '../src/server/issue-send-worker'
import type { OutgoingMessage } from '../src/server/mail/mail-port'
import type { Credential, StoreTx } from '../src/server/store'
import { demoMailSettings } from './demo-mail'
import { noFaults, type Faults } from './faults'
import { apiHandlers } from './handlers'
import { MemoryStore } from './memory-store'
import { createOutbox } from './outbox-mail'
import { createSeedMedia, createSeedState } from './seed/august-2018'
import { sharpImagePort } from '../src/server/node/sharp-image-port'

/** Origin under which tests reach the demo backend through MSW in Node. */
export const testApiOrigin = 'http://rundbrief.test'

interface TestServerOptions extends Omit<AppOptions, 'store' | 'mail' | 'images'> {
  /** Accounts for password sign-in (with `signIn: { method: 'password', … }`). */
  credentials?: () => Promise<Credential[]>
  /** Sends through a Postausgang (emptied by `reset()`), as the demo does. */
  mail?: boolean
}

/** A demo backend for tests: fresh seed data per `reset()`, fault knobs, MSW in Node. */
export function createTestServer({ credentials, mail, ...options }: TestServerOptions = {}) {
  let faults: Faults = noFaults
  let store = new MemoryStore(createSeedState())
  let refuse: (message: OutgoingMessage) => SmtpOutcome | null = () => null
  const newOutbox = () => createOutbox({ refuse: (message) => refuse(message) })
  let outbox = newOutbox()
  const storePort = {
    transaction: <T>(work: (tx: StoreTx) => Promise<T>) => store.transaction(work),
  }
  const mailSettings: MailSettings | null = mail
    ? {
        ...demoMailSettings(outbox, testApiOrigin),
        port: { send: (message) => outbox.port.send(message), close: async () => {} },
        outbox: () => outbox.list(),
      }
    : null
  const app = createApp({
    publicUrl: testApiOrigin,
    images: sharpImagePort,
    ...options,
    store: storePort,
    mail: mailSettings,
  })
  const worker = mailSettings
    ? createIssueSendWorker({
        store: storePort,
        mail: mailSettings,
        now: options.now ?? (() => new Date()),
        newId: () => crypto.randomUUID(),
        workerId: 'test-worker',
      })
    : null
  const server = setupServer(...apiHandlers(app, () => faults, testApiOrigin))
  return {
    server,
    apiBaseUrl: `${testApiOrigin}/api`,
    /** The Postausgang: what was sent since the last reset, newest first. */
    outbox: () => outbox.list(),
    /** Runs the send worker until nothing is due (what the demo's page and the server do by themselves). */
    async runSendWorker() {
      if (!worker) throw new Error('createTestServer({ mail: true }) sendet nicht ohne mail.')
      while ((await worker.runOnce()) > 0);
    },
    /** Lets the Postausgang answer like a mail server that refuses some messages (until `reset()`). */
    refuseMail(answer: (message: OutgoingMessage) => SmtpOutcome | null) {
      refuse = answer
    },
    /** The store behind the handler, for assertions on what was saved. */
    get store() {
      return store
    },
    /** Restores the August 2018 seed (placeholder photos included) and clears the fault knobs. */
    async reset() {
      const state = createSeedState()
      const bytes = await createSeedMedia(state, sharpImagePort)
      if (credentials) state.credentials = await credentials()
      store = new MemoryStore(state, bytes)
      outbox = newOutbox()
      refuse = () => null
      faults = noFaults
    },
    setFaults(next: Partial<Faults>) {
      faults = { ...noFaults, ...next }
    },
  }
}
