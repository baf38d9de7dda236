import { setupServer } from 'msw/node'
import type { SmtpOutcome } from '../src/domain/delivery'
import { createApp, type AppOptions } from '../src/server/app'
import { createIssueSendWorker } from '../src/server/issue-send-worker'
import type { OutgoingMessage } from '../src/server/mail/mail-port'
import type { Credential, Store } from '../src/server/store'
import { demoMailSettings } from './demo-mail'
import { noFaults, type Faults } from './faults'
import { apiHandlers } from './handlers'
import { MemoryStore } from './memory-store'
import { createOutbox, memoryOutboxStorage } from './outbox-mail'
import { createSeedMedia, createSeedState } from './seed/august-2018'

/** Origin under which tests reach the demo backend through MSW in Node. */
export const testApiOrigin = 'http://rundbrief.test'

interface TestServerOptions extends Omit<AppOptions, 'store'> {
  /** Accounts for password sign-in (with `signIn: { method: 'password', … }`). */
  credentials?: () => Promise<Credential[]>
  /** Mail goes to the demo's Postausgang (emptied by `reset()`); sends run on `runSendWorker()`. */
  outbox?: boolean
}

/** A demo backend for tests: fresh seed data per `reset()`, fault knobs, MSW in Node. */
export function createTestServer({ credentials, outbox, ...options }: TestServerOptions = {}) {
  let faults: Faults = noFaults
  let store = new MemoryStore(createSeedState())
  const currentStore: Store = { transaction: (work) => store.transaction(work) }
  let outboxStorage = memoryOutboxStorage()
  let refuse: (message: OutgoingMessage) => SmtpOutcome | null = () => null
  const postausgang = createOutbox({
    refuse: (message) => refuse(message),
    storage: {
      read: () => outboxStorage.read(),
      update: (change) => outboxStorage.update(change),
    },
  })
  const mail = outbox ? demoMailSettings(postausgang, testApiOrigin) : (options.mail ?? null)
  const app = createApp({ ...options, store: currentStore, mail })
  const sendWorker =
    mail &&
    createIssueSendWorker({
      store: currentStore,
      mail,
      now: options.now ?? (() => new Date()),
      newId: options.newId ?? (() => crypto.randomUUID()),
      workerId: 'test-worker',
    })
  const server = setupServer(...apiHandlers(app, () => faults, testApiOrigin))
  return {
    server,
    apiBaseUrl: `${testApiOrigin}/api`,
    /** The store behind the handler, for assertions on what was saved. */
    get store() {
      return store
    },
    /** Restores the August 2018 seed (placeholder photos included) and clears the fault knobs. */
    async reset() {
      const state = createSeedState()
      const bytes = await createSeedMedia(state)
      if (credentials) state.credentials = await credentials()
      store = new MemoryStore(state, bytes)
      faults = noFaults
      outboxStorage = memoryOutboxStorage()
      refuse = () => null
    },
    /** What the Postausgang received, newest first (with `outbox: true`). */
    outbox: () => postausgang.list(),
    /** Lets the Postausgang answer like a mail server that refuses some messages. */
    refuseMail(answer: (message: OutgoingMessage) => SmtpOutcome | null) {
      refuse = answer
    },
    /** One round of the send worker; returns how many deliveries it took. */
    runSendWorker(): Promise<number> {
      if (!sendWorker) throw new Error('Der Testserver hat keinen Mailversand.')
      return sendWorker.runOnce()
    },
    setFaults(next: Partial<Faults>) {
      faults = { ...noFaults, ...next }
    },
  }
}
