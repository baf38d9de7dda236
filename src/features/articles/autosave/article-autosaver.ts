import { ApiError, NetworkError, errorMessage } from '../../../backend/api-error'
import { conflictCurrent } from '../../../backend/conflict'
import {
  articleSchema,
  type Article,
  type ArticleStatus,
  type UpdateArticleInput,
} from '../../../domain/article'
import { canonicalJson } from '../../../domain/fingerprint'
import type { ArticleDraft, DraftMirror } from './draft-mirror'

/** Runs work when the browser is idle (after the next paint), so saving never delays a keystroke. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => work(), { timeout: 1000 })
  else work()
}

/** Whether a draft says exactly what a stored article says (then a 409 is no real conflict). */
export function sameContent(draft: ArticleDraft, article: Article): boolean {
  return (
    canonicalJson(draft) ===
    canonicalJson({ headline: article.headline, body: article.body, photos: article.photos })
  )
}

/** What the save indicator shows. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'conflict'; mine: ArticleDraft; theirs: Article }
  | { kind: 'error'; message: string }

export interface ArticleAutosaverOptions {
  articleId: string
  /** The server version the editor's content is based on. */
  baseVersion: number
  /** Reads the current draft from the editor (called only when saving or mirroring). */
  readDraft: () => ArticleDraft
  save: (input: UpdateArticleInput) => Promise<Article>
  mirror: DraftMirror
  onState: (state: SaveState) => void
  onSaved: (article: Article) => void
  /** Called when the backend refuses a requested status change; the content is still saved. */
  onStatusRejected?: (message: string) => void
  /** Pause after the last change before saving. */
  debounceMs?: number
  /** Longest time typing may go on without a save. */
  maxWaitMs?: number
  /** Longest time a change stays only in memory before it is mirrored locally. */
  mirrorDelayMs?: number
  /** First retry delay after a network failure; doubles up to 30 s. */
  retryMs?: number
  now?: () => Date
}

/**
 * Saves one article: debounced, one request in flight at a time, always with the version the
 * content is based on. Unsaved content is mirrored locally until the server has it. A stale save
 * (409) stops and reports both versions; network failures are retried; nothing is overwritten
 * without the author's choice.
 */
export class ArticleAutosaver {
  private baseVersion: number
  private changeSeq = 0
  private savedSeq = 0
  private pendingStatus: ArticleStatus | undefined
  private inFlight: Promise<void> | null = null
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private mirrorTimer: ReturnType<typeof setTimeout> | undefined
  private firstUnsavedChangeAt: number | undefined
  private retryDelay: number
  private blocked: 'conflict' | 'error' | null = null
  private disposed = false
  private state: SaveState = { kind: 'saved' }
  private readonly options: Required<ArticleAutosaverOptions>

  constructor(options: ArticleAutosaverOptions) {
    this.options = {
      debounceMs: 1000,
      maxWaitMs: 5000,
      mirrorDelayMs: 500,
      retryMs: 2000,
      now: () => new Date(),
      onStatusRejected: () => undefined,
      ...options,
    }
    this.baseVersion = options.baseVersion
    this.retryDelay = this.options.retryMs
  }

  /** The current state of saving. */
  get current(): SaveState {
    return this.state
  }

  /** Whether something typed has not reached the server yet. */
  get hasUnsavedChanges(): boolean {
    return this.changeSeq !== this.savedSeq
  }

  /** Call after every change in the editor; cheap, as it runs on every keystroke. */
  markChanged(): void {
    this.changeSeq++
    if (this.blocked === 'error') this.blocked = null
    if (!this.blocked && this.state.kind !== 'offline' && this.state.kind !== 'pending') {
      this.setState({ kind: 'pending' })
    }
    // mirror at most every mirrorDelayMs while typing goes on (throttled, not debounced)
    this.mirrorTimer ??= setTimeout(
      () => whenIdle(() => this.mirrorNow()),
      this.options.mirrorDelayMs,
    )
    this.firstUnsavedChangeAt ??= Date.now()
    const waited = Date.now() - this.firstUnsavedChangeAt
    this.schedule(Math.max(0, Math.min(this.options.debounceMs, this.options.maxWaitMs - waited)))
  }

  /** Requests a status change ("Als fertig markieren") with the next save, right away. */
  requestStatus(status: ArticleStatus): Promise<void> {
    this.pendingStatus = status
    this.changeSeq++
    if (this.blocked === 'error') this.blocked = null
    return this.flush()
  }

  /** Mirrors now and saves now (e.g. when the page is hidden or left). */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer)
    if (this.hasUnsavedChanges) this.mirrorNow()
    await this.run()
  }

  /** Retries at once, e.g. when the browser reports it is online again. */
  retryNow(): void {
    if (this.state.kind === 'offline') void this.flush()
  }

  /**
   * Resolves a conflict. 'mine' saves the author's version over the newer one, 'theirs' adopts
   * the newer one (the caller puts it into the editor).
   */
  resolveConflict(choice: 'mine' | 'theirs', theirs: Article): Promise<void> {
    this.blocked = null
    this.baseVersion = theirs.version
    if (choice === 'theirs') {
      this.savedSeq = this.changeSeq
      this.pendingStatus = undefined
      this.options.mirror.clear(this.options.articleId)
      this.setState({ kind: 'saved' })
      return Promise.resolve()
    }
    this.changeSeq++
    return this.flush()
  }

  /** Starts from a locally mirrored draft that the server does not have yet. */
  restore(baseVersion: number, theirs: Article | null, mine: ArticleDraft): void {
    this.baseVersion = baseVersion
    this.changeSeq++
    if (theirs && theirs.version !== baseVersion) {
      this.blocked = 'conflict'
      this.setState({ kind: 'conflict', mine, theirs })
      return
    }
    this.schedule(0)
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.saveTimer)
    clearTimeout(this.mirrorTimer)
  }

  private schedule(delay: number) {
    clearTimeout(this.saveTimer)
    if (this.disposed) return
    this.saveTimer = setTimeout(() => whenIdle(() => void this.run()), delay)
  }

  private mirrorNow() {
    clearTimeout(this.mirrorTimer)
    this.mirrorTimer = undefined
    if (!this.hasUnsavedChanges) return
    this.options.mirror.write(this.options.articleId, {
      draft: this.options.readDraft(),
      ...(this.pendingStatus && { status: this.pendingStatus }),
      baseVersion: this.baseVersion,
      changedAt: this.options.now().toISOString(),
    })
  }

  private setState(state: SaveState) {
    this.state = state
    this.options.onState(state)
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.run())
    if (this.blocked || !this.hasUnsavedChanges) return Promise.resolve()
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = null
    })
    return this.inFlight
  }

  private async saveOnce(): Promise<void> {
    this.firstUnsavedChangeAt = undefined
    const seq = this.changeSeq
    const status = this.pendingStatus
    const draft = this.options.readDraft()
    this.setState({ kind: 'saving' })
    try {
      const article = await this.options
        .save({ version: this.baseVersion, ...draft, ...(status && { status }) })
        .catch((error: unknown) => {
          // someone saved exactly this content already: adopt their version, nothing to decide
          const current = conflictCurrent(error, articleSchema)
          if (current && !status && sameContent(draft, current)) return current
          throw error
        })
      this.baseVersion = article.version
      this.savedSeq = seq
      this.retryDelay = this.options.retryMs
      if (this.pendingStatus === status) this.pendingStatus = undefined
      this.options.onSaved(article)
      if (this.changeSeq === seq) {
        this.options.mirror.clear(this.options.articleId)
        this.setState({ kind: 'saved' })
      } else {
        this.setState({ kind: 'pending' })
        this.schedule(this.options.debounceMs)
      }
    } catch (error) {
      this.mirrorNow()
      const theirs = conflictCurrent(error, articleSchema)
      if (theirs) {
        this.blocked = 'conflict'
        this.setState({ kind: 'conflict', mine: draft, theirs })
      } else if (
        error instanceof NetworkError ||
        (error instanceof ApiError && error.status >= 500)
      ) {
        this.setState({ kind: 'offline' })
        this.schedule(this.retryDelay)
        this.retryDelay = Math.min(this.retryDelay * 2, 30_000)
      } else if (status && error instanceof ApiError && error.status === 422) {
        if (this.pendingStatus === status) this.pendingStatus = undefined
        this.options.onStatusRejected(errorMessage(error))
        this.schedule(0)
      } else {
        this.blocked = 'error'
        this.setState({ kind: 'error', message: errorMessage(error) })
      }
    }
  }
}
