import { setupWorker } from 'msw/browser'
import { createApp } from '../src/server/app'
import { parseFaults, type Faults } from './faults'
import { apiHandlers, type FaultStats } from './handlers'
import { idbClear, idbGet, idbPutAll } from './indexed-db'
import { MemoryStore, type MediaBytes, type MemoryState } from './memory-store'
import { createSeedMedia, createSeedState } from './seed/august-2018'

const stateKey = 'state'
const mediaKey = (id: string) => `media:${id}`
const faultsKey = 'rundbrief.stoerungen'

/** What the app may do with the demo backend. */
export interface DemoControls {
  /** Restores the August 2018 seed; signed-in sessions stay valid. */
  resetData(): Promise<void>
}

async function persist(state: MemoryState, changedMediaIds: string[], store: () => MemoryStore) {
  await idbPutAll([
    [stateKey, state],
    ...changedMediaIds.map((id) => [mediaKey(id), store().mediaBytes(id)] as const),
  ])
}

async function loadPersisted(): Promise<{ state: MemoryState; bytes: MediaBytes } | null> {
  const state = await idbGet<MemoryState>(stateKey)
  if (!state) return null
  const bytes: MediaBytes = new Map()
  for (const media of state.media) {
    const data = await idbGet<Uint8Array>(mediaKey(media.id))
    if (data) bytes.set(media.id, data)
  }
  return { state, bytes }
}

async function seed(): Promise<{ state: MemoryState; bytes: MediaBytes }> {
  const state = createSeedState()
  const bytes = await createSeedMedia(state)
  return { state, bytes }
}

/**
 * Starts the demo backend in the browser: the contract handler over an in-memory store that is
 * mirrored to IndexedDB, served by the MSW service worker. Fault knobs come from
 * `?stoerungen=latency=300,failure=0.2` (remembered in localStorage).
 */
export async function startDemoBackend(): Promise<DemoControls> {
  const fromUrl = new URLSearchParams(window.location.search).get('stoerungen')
  if (fromUrl !== null) localStorage.setItem(faultsKey, fromUrl)
  let faults: Faults = parseFaults(localStorage.getItem(faultsKey))

  const initial = (await loadPersisted().catch(() => null)) ?? (await seed())
  const store: MemoryStore = new MemoryStore(initial.state, initial.bytes, (state, changed) =>
    persist(state, changed, () => store),
  )
  await idbPutAll([
    [stateKey, store.snapshot()],
    ...[...initial.bytes.entries()].map(([id, data]) => [mediaKey(id), data] as const),
  ])

  const app = createApp({ store })
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
    async resetData() {
      const sessions = store.snapshot().sessions
      const fresh = await seed()
      fresh.state.sessions = sessions
      await idbClear()
      store.replace(fresh.state, fresh.bytes)
      await idbPutAll([
        [stateKey, store.snapshot()],
        ...[...fresh.bytes.entries()].map(([id, data]) => [mediaKey(id), data] as const),
      ])
    },
  }
}
