import type { ArticleAutosaver } from './article-autosaver'

/** A saver handed out by the registry; `serial` tells one opening of an article from the next. */
export interface OpenAutosaver {
  readonly saver: ArticleAutosaver
  readonly serial: number
}

interface Entry extends OpenAutosaver {
  editors: number
}

/**
 * One saver per article and person, shared by every editor of the article that is open: React's
 * StrictMode mounts the editor twice, and an author may leave and come back while a save is on its
 * way. A second saver would start from the mirror, save with a stale version (a false 409) and
 * clear the first one's mirror. The last editor to leave flushes the saver; once that has settled
 * and no editor came back, the saver is disposed. What is still unsaved then (offline, conflict)
 * stays in the local mirror, and the next editor starts from it.
 */
export class AutosaverRegistry {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<() => void>()
  private serial = 0

  /** For `useSyncExternalStore`: called when a saver is opened or disposed. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The open saver of the article for this person, if there is one. */
  saverOf(userId: string, articleId: string): OpenAutosaver | null {
    return this.entries.get(key(userId, articleId)) ?? null
  }

  /** Whether an editor of the article is open for this person. */
  isOpen(userId: string, articleId: string): boolean {
    return (this.entries.get(key(userId, articleId))?.editors ?? 0) > 0
  }

  /**
   * Called by an editor when it opens the article: the open saver, or a new one from `open`.
   * Returns the function to call when the editor closes.
   */
  acquire(userId: string, articleId: string, open: () => ArticleAutosaver): () => void {
    const id = key(userId, articleId)
    let entry = this.entries.get(id)
    if (!entry) {
      entry = { saver: open(), serial: ++this.serial, editors: 0 }
      this.entries.set(id, entry)
      this.notify()
    }
    entry.editors++
    const acquired = entry
    let released = false
    return () => {
      if (released) return
      released = true
      this.release(id, acquired)
    }
  }

  private release(id: string, entry: Entry) {
    entry.editors--
    if (entry.editors > 0) return
    const disposeIfLeft = () => {
      if (entry.editors > 0 || this.entries.get(id) !== entry) return
      entry.saver.dispose()
      this.entries.delete(id)
      this.notify()
    }
    void entry.saver.flush().then(disposeIfLeft, disposeIfLeft)
  }

  private notify() {
    for (const listener of this.listeners) listener()
  }
}

const key = (userId: string, articleId: string) => JSON.stringify([userId, articleId])

const registries = new WeakMap<object, AutosaverRegistry>()

/** The registry of one running app (`scope`: its query client), created on first use. */
export function autosaverRegistryOf(scope: object): AutosaverRegistry {
  let registry = registries.get(scope)
  if (!registry) {
    registry = new AutosaverRegistry()
    registries.set(scope, registry)
  }
  return registry
}
