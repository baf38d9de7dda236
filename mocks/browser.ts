import { setupWorker } from 'msw/browser'
import { createApp } from '../src/server/app'
import { canvasImagePort } from './canvas-image-port'
import { parseFaults, type Faults } from './faults'
import { demoMailSettings, startDemoNotifications, startDemoSendWorker } from './demo-mail'
import { apiHandlers, type FaultStats } from './handlers'
import { idbGet, idbGetMany, idbPutAll, idbReplaceAll } from './indexed-db'
import type { MediaBytes, MemoryState } from './memory-store'
import type { OutboxMessage } from '../src/domain/sending'
import { createOutbox, type OutboxStorage } from './outbox-mail'
import { createSeedMedia, createSeedState, type VariantsMadeBefore } from './seed/august-2018'
import {
  SharedDemoState,
  type ChangeChannel,
  type CrossTabLock,
  type SharedStateStorage,
} from './shared-demo-state'

const stateKey = 'state'
const stampKey = 'stamp'
/** The Postausgang: beside the state, so that a reset of the demo empties it too. */
const outboxKey = 'outbox'
const mediaKey = (id: string) => `media:${id}`
const faultsKey = 'rundbrief.stoerungen'
/** Name of the Web Lock and the BroadcastChannel that all tabs of the demo share. */
const sharedName = 'rundbrief-demo'

/** What the app may do with the demo backend. */
export interface DemoControls {
  /** Restores the August 2018 seed in every tab; signed-in sessions stay valid. */
  resetData(): Promise<void>
  /** Calls `listener` when another tab changed the demo data; returns the unsubscribe function. */
  onChangeInOtherTab(listener: () => void): () => void
}

const mediaEntries = (bytes: MediaBytes) =>
  [...bytes.entries()].map(([id, data]) => [mediaKey(id), data] as const)

/** The demo data in IndexedDB: the whole state under one key, each photo and variant under its own. */
const indexedDbStorage: SharedStateStorage = {
  readStamp: async () => (await idbGet<string>(stampKey)) ?? null,
  async readState() {
    const [state, stamp] = await idbGetMany([stateKey, stampKey])
    return state
      ? { state: state as MemoryState, stamp: (stamp as string | undefined) ?? null }
      : null
  },
  async readMediaBytes(ids) {
    const found = await idbGetMany(ids.map(mediaKey))
    const bytes: MediaBytes = new Map()
    ids.forEach((id, index) => {
      const data = found[index]
      if (data instanceof Uint8Array) bytes.set(id, data)
    })
    return bytes
  },
  commit: (stamp, state, newBytes) =>
    idbPutAll([[stateKey, state], [stampKey, stamp], ...mediaEntries(newBytes)]),
  replaceAll: (stamp, state, bytes) =>
    idbReplaceAll([[stateKey, state], [stampKey, stamp], ...mediaEntries(bytes)]),
}

function webLock(name = sharedName): CrossTabLock {
  const locks = navigator.locks as LockManager | undefined
  if (!locks) throw new Error('Dieser Browser kann die Demo nicht über mehrere Tabs abstimmen.')
  return (work) => locks.request(name, () => work())
}

/** The Postausgang of all tabs in IndexedDB; each new message is added under its own lock. */
function indexedDbOutbox(): OutboxStorage {
  const lock = webLock(`${sharedName}-postausgang`)
  return {
    read: async () => (await idbGet<OutboxMessage[]>(outboxKey)) ?? [],
    update: (change) =>
      lock(async () => {
        const messages = (await idbGet<OutboxMessage[]>(outboxKey)) ?? []
        await idbPutAll([[outboxKey, change(messages)]])
      }),
  }
}

function broadcastChannel(): ChangeChannel {
  const channel = new BroadcastChannel(sharedName)
  return {
    post: (stamp) => channel.postMessage({ stamp }),
    subscribe(listener) {
      const onMessage = (event: MessageEvent<{ stamp: string }>) => listener(event.data.stamp)
      channel.addEventListener('message', onMessage)
      return () => channel.removeEventListener('message', onMessage)
    },
  }
}

/** The demo people's addresses: their notification e-mails land in the Postausgang. */
const demoAddresses: Record<string, string> = {
  'frank-ruehling': 'frank.ruehling@gera.de',
  'sandra-wanzar': 'sandra.wanzar@gera.de',
  'jana-krause': 'jana.krause@gera.de',
}

async function seed(
  madeBefore?: VariantsMadeBefore,
): Promise<{ state: MemoryState; bytes: MediaBytes }> {
  const state = createSeedState()
  state.notificationSettings = state.users.map((user) => ({
    userId: user.id,
    email: demoAddresses[user.id] ?? null,
    emailEnabled: true,
    remindersEnabled: true,
  }))
  const bytes = await createSeedMedia(state, canvasImagePort, madeBefore)
  return { state, bytes }
}

/**
 * Starts the demo backend in the browser: the contract handler over one demo state that all tabs
 * share (persisted in IndexedDB, every transaction under a Web Lock; see
 * docs/decisions/0006-demo-state-across-tabs.md), served by the MSW service worker. Fault knobs
 * come from `?stoerungen=latency=300,failure=0.2` (remembered in localStorage).
 */
export async function startDemoBackend(): Promise<DemoControls> {
  const fromUrl = new URLSearchParams(window.location.search).get('stoerungen')
  if (fromUrl !== null) localStorage.setItem(faultsKey, fromUrl)
  let faults: Faults = parseFaults(localStorage.getItem(faultsKey))

  const shared = await SharedDemoState.start({
    lock: webLock(),
    storage: indexedDbStorage,
    channel: broadcastChannel(),
    seed,
  })
  // The demo's mail lands in the Postausgang; its links lead back to this page's address.
  const outbox = createOutbox({ storage: indexedDbOutbox() })
  const publicUrl = new URL(import.meta.env.BASE_URL, window.location.origin).href
  const mail = demoMailSettings(outbox, publicUrl, () => sendWorker.wake())
  const app = createApp({
    store: shared.store,
    images: canvasImagePort,
    mail,
    publicUrl: mail.list.publicUrl,
  })
  const sendWorker = startDemoSendWorker({ store: shared.store, mail })
  startDemoNotifications({ store: shared.store, mail })
  const faultStats: FaultStats = { requests: 0, failed: 0, delayed: 0 }
  const worker = setupWorker(...apiHandlers(app, () => faults, '', faultStats))
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })

  Object.assign(window, {
    rundbriefDemo: {
      faultStats: () => ({ ...faultStats }),
      setFaults: (text: string) => {
        localStorage.setItem(faultsKey, text)
        faults = parseFaults(text)
      },
    },
  })

  return {
    resetData: () => shared.reset(),
    onChangeInOtherTab: (listener) => shared.onChangeInOtherTab(listener),
  }
}
