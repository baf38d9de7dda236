import { ApiError, NetworkError, errorMessage } from '../../../backend/api-error'
import { conflictCurrent } from '../../../backend/conflict'
import {
  articleSchema,
  type Article,
  type ArticleStatus,
  type Photo,
  type UpdateArticleInput,
} from '../../../domain/article'
import { canonicalJson } from '../../../domain/canonical-json'
import { differsOnlyInCommentAnchors } from '../../../domain/comment-anchor'
import type { RichTextDoc } from '../../../domain/rich-text'
import type { ArticleDraft, DraftMirror } from './draft-mirror'

/** Runs work when the browser is idle (after the next paint), so saving never delays a keystroke. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => work(), { timeout: 1000 })
  else work()
}

/** What the author can change of an article as the server has it. */
export const draftOf = (article: Article): ArticleDraft => ({
  headline: article.headline,
  body: article.body,
  photos: article.photos,
})

/** Whether a draft says exactly what a stored article says (then a 409 is no real conflict). */
export function sameContent(draft: ArticleDraft, article: Article): boolean {
  return canonicalJson(draft) === canonicalJson(draftOf(article))
}

/**
 * The body as the editor has it after a change: read (serialised) only when it is saved or
 * mirrored, so a keystroke costs nothing. It reads an unchangeable snapshot of the document, never
 * the editor itself, so it stays valid after the editor is gone.
 */
export type BodySnapshot = () => RichTextDoc

/** A change the author made in the editor. */
export interface DraftChange {
  headline?: string
  photos?: Photo[]
  body?: BodySnapshot
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
  /** The server version the draft is based on. */
  baseVersion: number
  /** The draft the editor starts from. */
  draft: ArticleDraft
  /** Whether that draft is unsaved work restored from this device's mirror. */
  restored?: boolean
  save: (input: UpdateArticleInput) => Promise<Article>
  mirror: DraftMirror
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
 * Holds the author's draft of one article and saves it: debounced, one request in flight at a
 * time, always with the version the content is based on. Unsaved content is mirrored locally
 * until the server has it. A stale save (409) stops and reports both versions; network failures
 * are retried; nothing is overwritten without the author's choice. The editor shows the draft and
 * reports changes; React reads it (and the save state) through `subscribe`.
 */
export class ArticleAutosaver {
  /** Whether the draft this saver started from is unsaved work restored from this device. */
  readonly restoredFromDevice: boolean
  private headlineValue: string
  private photosValue: Photo[]
  private body: RichTextDoc | BodySnapshot
  private readonly listeners = new Set<() => void>()
  private readonly statusRejectedListeners = new Set<(message: string) => void>()
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
  /** What the server holds at `baseVersion`, as far as known (unknown for a restored draft). */
  private base: ArticleDraft | null
  private rebaseAnchors: ((theirs: Article, base: RichTextDoc) => RichTextDoc) | null = null
  private readonly options: Required<ArticleAutosaverOptions>

  constructor(options: ArticleAutosaverOptions) {
    this.options = {
      restored: false,
      debounceMs: 1000,
      maxWaitMs: 5000,
      mirrorDelayMs: 500,
      retryMs: 2000,
      now: () => new Date(),
      ...options,
    }
    this.base = options.restored ? null : options.draft
    this.baseVersion = options.baseVersion
    this.retryDelay = this.options.retryMs
    this.restoredFromDevice = this.options.restored
    this.headlineValue = options.draft.headline
    this.photosValue = options.draft.photos
    this.body = options.draft.body
  }

  /** Calls `listener` whenever the save state, the headline or the photos change. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Calls `listener` when the backend refuses a requested status change (the text is saved). */
  onStatusRejected(listener: (message: string) => void): () => void {
    this.statusRejectedListeners.add(listener)
    return () => this.statusRejectedListeners.delete(listener)
  }

  /** The current state of saving. */
  get current(): SaveState {
    return this.state
  }

  get headline(): string {
    return this.headlineValue
  }

  get photos(): Photo[] {
    return this.photosValue
  }

  /** The whole draft; serialises the body if it changed since it was last read. */
  get draft(): ArticleDraft {
    if (typeof this.body === 'function') this.body = this.body()
    return { headline: this.headlineValue, body: this.body, photos: this.photosValue }
  }

  /** Whether something typed has not reached the server yet. */
  get hasUnsavedChanges(): boolean {
    return this.changeSeq !== this.savedSeq
  }

  /** Takes a change from the editor; cheap, as it runs on every keystroke. */
  edit(change: DraftChange): void {
    const shown = change.headline !== undefined || change.photos !== undefined
    if (change.headline !== undefined) this.headlineValue = change.headline
    if (change.photos !== undefined) this.photosValue = change.photos
    if (change.body !== undefined) this.body = change.body
    this.markChanged()
    if (shown) this.notify()
  }

  /** Shows content the author chose while resolving a conflict; saved by `resolveConflict`. */
  replaceDraft(content: ArticleDraft): void {
    this.headlineValue = content.headline
    this.photosValue = content.photos
    this.body = content.body
    this.notify()
  }

  private markChanged(): void {
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
    this.base = draftOf(theirs)
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

  /** The server version the draft is based on (what a versioned request must send). */
  get version(): number {
    return this.baseVersion
  }

  /**
   * Takes an article the server wrote (a restored version) as the new base and content: nothing
   * is pending afterwards and the mirror is cleared, so that neither a waiting save nor a local
   * draft writes over it. Call it only when nothing is unsaved (after `flush`).
   */
  adopt(article: Article): void {
    clearTimeout(this.saveTimer)
    clearTimeout(this.mirrorTimer)
    this.mirrorTimer = undefined
    this.firstUnsavedChangeAt = undefined
    this.baseVersion = article.version
    this.base = draftOf(article)
    this.savedSeq = this.changeSeq
    this.pendingStatus = undefined
    this.blocked = null
    this.options.mirror.clear(this.options.articleId)
    this.replaceDraft(draftOf(article))
    this.setState({ kind: 'saved' })
  }

  /**
   * Sends the restored draft (see `restoredFromDevice`), or reports a conflict when the server's
   * article has changed since the draft's version.
   */
  restore(theirs: Article): void {
    this.changeSeq++
    if (theirs.version !== this.baseVersion) {
      this.blocked = 'conflict'
      this.setState({ kind: 'conflict', mine: this.draft, theirs })
      return
    }
    this.schedule(0)
  }

  /** Stops saving for good: no timer, no request; what is unsaved stays in the mirror. */
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
      draft: this.draft,
      ...(this.pendingStatus && { status: this.pendingStatus }),
      baseVersion: this.baseVersion,
      changedAt: this.options.now().toISOString(),
    })
  }

  private setState(state: SaveState) {
    this.state = state
    this.notify()
  }

  private notify() {
    for (const listener of this.listeners) listener()
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.run())
    if (this.disposed || this.blocked || !this.hasUnsavedChanges) return Promise.resolve()
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = null
    })
    return this.inFlight
  }

  /**
   * Lets the editor answer a save that meets a stored article which differs from the saver's base
   * only in comment anchors (someone commented, or deleted a thread, meanwhile): `rebase` returns
   * the author's body with the stored anchors put back where their text still is and those of
   * threads gone since `base` taken out, saved over that version without a dialog.
   */
  onAnchorsOnlyConflict(rebase: (theirs: Article, base: RichTextDoc) => RichTextDoc): () => void {
    this.rebaseAnchors = rebase
    return () => {
      if (this.rebaseAnchors === rebase) this.rebaseAnchors = null
    }
  }

  /** Whether the stored article is the saver's base with other comment anchors, nothing else. */
  private onlyAnchorsAdded(theirs: Article): boolean {
    const base = this.base
    if (!base || !this.rebaseAnchors) return false
    return (
      canonicalJson({ headline: base.headline, photos: base.photos }) ===
        canonicalJson({ headline: theirs.headline, photos: theirs.photos }) &&
      differsOnlyInCommentAnchors(base.body, theirs.body)
    )
  }

  /** Keeps the author's text, puts the stored anchors into it and saves over the stored version. */
  private takeAnchors(theirs: Article) {
    const base = this.base
    const body = base && this.rebaseAnchors?.(theirs, base.body)
    if (!body) return
    this.baseVersion = theirs.version
    this.base = draftOf(theirs)
    this.body = body
    this.markChanged()
    this.schedule(0)
  }

  private async saveOnce(): Promise<void> {
    this.firstUnsavedChangeAt = undefined
    const seq = this.changeSeq
    const status = this.pendingStatus
    const draft = this.draft
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
      this.base = draftOf(article)
      this.savedSeq = seq
      this.retryDelay = this.options.retryMs
      if (this.pendingStatus === status) this.pendingStatus = undefined
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
      if (theirs && this.onlyAnchorsAdded(theirs)) {
        this.takeAnchors(theirs)
      } else if (theirs) {
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
        const message = errorMessage(error)
        for (const listener of this.statusRejectedListeners) listener(message)
        this.schedule(0)
      } else {
        this.blocked = 'error'
        this.setState({ kind: 'error', message: errorMessage(error) })
      }
    }
  }
}

/**
 * The saver for an article as loaded from the server. It starts from the unsaved draft this device
 * mirrored, if that says something other than the server, and sends it (or reports the conflict).
 */
export function openArticleAutosaver(
  article: Article,
  options: Omit<ArticleAutosaverOptions, 'articleId' | 'baseVersion' | 'draft' | 'restored'>,
): ArticleAutosaver {
  let unsaved = options.mirror.read(article.id)
  if (unsaved && !unsaved.status && sameContent(unsaved.draft, article)) {
    options.mirror.clear(article.id)
    unsaved = null
  }
  const saver = new ArticleAutosaver({
    ...options,
    articleId: article.id,
    baseVersion: unsaved?.baseVersion ?? article.version,
    draft: unsaved?.draft ?? draftOf(article),
    restored: unsaved !== null,
  })
  if (unsaved) saver.restore(article)
  return saver
}
