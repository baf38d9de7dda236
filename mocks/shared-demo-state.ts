import type { ImageVariant } from '../src/server/image-port'
import type { Store } from '../src/server/store'
import { mediaBytesKeys, MemoryStore, type MediaBytes, type MemoryState } from './memory-store'

/**
 * Runs `work` while holding the one lock that every tab of the browser shares (Web Locks in the
 * demo, a plain queue in tests), and releases it when `work` settles.
 */
export type CrossTabLock = <T>(work: () => Promise<T>) => Promise<T>

/** The demo data as the tabs share it: persisted state, photo bytes and the stamp of the last write. */
export interface SharedStateStorage {
  /** The stamp written with the last committed state; null when there is none. */
  readStamp(): Promise<string | null>
  /** The persisted state with its stamp (null for data saved before stamps existed). */
  readState(): Promise<{ state: MemoryState; stamp: string | null } | null>
  readMediaBytes(ids: readonly string[]): Promise<MediaBytes>
  /** Writes the state, the new photos and the stamp in one step. */
  commit(stamp: string, state: MemoryState, newBytes: MediaBytes): Promise<void>
  /** Empties the storage and writes this state, all its photos and the stamp in one step. */
  replaceAll(stamp: string, state: MemoryState, bytes: MediaBytes): Promise<void>
}

/** Tells the other tabs that the shared state changed (a hint for their screens, not for correctness). */
export interface ChangeChannel {
  post(stamp: string): void
  /** Called for changes made by other tabs only; returns the unsubscribe function. */
  subscribe(listener: (stamp: string) => void): () => void
}

export interface SharedDemoStateOptions {
  lock: CrossTabLock
  storage: SharedStateStorage
  channel: ChangeChannel
  /**
   * The August 2018 demo data, fresh; on a reset with the seed photos' variants the data has now,
   * which need not be made again (photos never change under their id).
   */
  seed: (
    madeBefore?: (mediaId: string) => readonly ImageVariant[],
  ) => Promise<{ state: MemoryState; bytes: MediaBytes }>
  newStamp?: () => string
}

/**
 * One demo state for all tabs of a browser. Every store transaction of every tab runs under the
 * cross-tab lock; inside it the tab first re-reads the persisted state if another tab wrote since
 * (the stamp in storage differs from the one it last saw), then works on the in-memory copy and
 * persists each commit, with a new stamp, before the lock is released. So a version check in one
 * tab sees every write of the others, as on the server. See docs/decisions/0006.
 */
export class SharedDemoState {
  private memory: MemoryStore | null = null
  /** The stamp of the state in memory; null when it must be read again. */
  private stamp: string | null = null
  private readonly newStamp: () => string

  private constructor(private readonly options: SharedDemoStateOptions) {
    this.newStamp = options.newStamp ?? (() => crypto.randomUUID())
  }

  /** Joins the shared state of the browser, seeding it if there is none yet. */
  static async start(options: SharedDemoStateOptions): Promise<SharedDemoState> {
    const shared = new SharedDemoState(options)
    await options.lock(() => shared.catchUp())
    return shared
  }

  /** The storage port for the contract handler: each transaction holds the cross-tab lock. */
  readonly store: Store = {
    transaction: (work) =>
      this.options.lock(async () => {
        await this.catchUp()
        const before = this.stamp
        const result = await this.memoryStore().transaction(work)
        if (this.stamp !== null && this.stamp !== before) this.options.channel.post(this.stamp)
        return result
      }),
  }

  /** Replaces everything with fresh demo data in every tab; signed-in sessions stay valid. */
  async reset(): Promise<void> {
    const fresh = await this.options.seed((mediaId) => this.memory?.variantsOf(mediaId) ?? [])
    await this.options.lock(async () => {
      await this.catchUp()
      fresh.state.sessions = this.memoryStore().snapshot().sessions
      await this.install(fresh.state, fresh.bytes)
    })
  }

  /** Calls `listener` whenever another tab changed the shared state. */
  onChangeInOtherTab(listener: () => void): () => void {
    return this.options.channel.subscribe(() => listener())
  }

  /** A copy of the state this tab holds right now (tests). */
  snapshot(): MemoryState {
    return this.memoryStore().snapshot()
  }

  private memoryStore(): MemoryStore {
    if (!this.memory) throw new Error('Das Demo-Backend ist noch nicht gestartet.')
    return this.memory
  }

  /** Brings the copy in memory up to the persisted state if another tab wrote since. */
  private async catchUp(): Promise<void> {
    const stored = await this.options.storage.readStamp()
    if (stored !== null && stored === this.stamp) return
    const persisted = await this.options.storage.readState()
    if (!persisted) {
      const fresh = await this.options.seed()
      await this.install(fresh.state, fresh.bytes)
      return
    }
    // Photos and variants never change under their key: only those this tab has not seen are read.
    const ids = mediaBytesKeys(persisted.state)
    const known = (id: string) => this.memory?.mediaBytes(id)
    const loaded = await this.options.storage.readMediaBytes(
      ids.filter((id) => known(id) === undefined),
    )
    const bytes: MediaBytes = new Map()
    for (const id of ids) {
      const data = known(id) ?? loaded.get(id)
      if (data) bytes.set(id, data)
    }
    let stamp = persisted.stamp
    if (stamp === null) {
      // Demo data saved before stamps existed: keep it and give it one.
      stamp = this.newStamp()
      await this.options.storage.commit(stamp, persisted.state, new Map())
    }
    this.adopt(persisted.state, bytes, stamp)
  }

  /** Makes `state` the shared state of all tabs: persisted, adopted here, announced. */
  private async install(state: MemoryState, bytes: MediaBytes): Promise<void> {
    const stamp = this.newStamp()
    this.stamp = null
    await this.options.storage.replaceAll(stamp, state, bytes)
    this.adopt(state, bytes, stamp)
    this.options.channel.post(stamp)
  }

  private adopt(state: MemoryState, bytes: MediaBytes, stamp: string): void {
    if (this.memory) this.memory.replace(state, bytes)
    else
      this.memory = new MemoryStore(state, bytes, (committed, changedMediaIds) =>
        this.persist(committed, changedMediaIds),
      )
    this.stamp = stamp
  }

  private async persist(state: MemoryState, changedMediaIds: string[]): Promise<void> {
    const stamp = this.newStamp()
    const newBytes: MediaBytes = new Map()
    for (const id of changedMediaIds) {
      const data = this.memory?.mediaBytes(id)
      if (data) newBytes.set(id, data)
    }
    try {
      await this.options.storage.commit(stamp, state, newBytes)
      this.stamp = stamp
    } catch (error) {
      // Memory now holds a change that was not saved: read the persisted state again next time.
      this.stamp = null
      throw error
    }
  }
}
