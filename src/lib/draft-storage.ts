const prefix = 'rundbrief.entwurf.'
/** People who signed out on this page: an editor still closing down must not write their draft back. */
const signedOut = new Set<string>()

/** Where an unsaved draft of `articleId` by `userId` is kept in this browser. */
export const draftStorageKey = (userId: string, articleId: string) =>
  `${prefix}${encodeURIComponent(userId)}.${encodeURIComponent(articleId)}`

/** Whether drafts of this person may be kept (not after "Abmelden", until they sign in again). */
export const mayKeepDrafts = (userId: string) => !signedOut.has(userId)

/** After signing in: this person's drafts are kept again. */
export function keepDraftsOf(userId: string): void {
  signedOut.delete(userId)
}

/**
 * Removes this person's unsaved drafts from the browser ("Abmelden" on a shared PC), and the
 * drafts saved before drafts were kept per person, whose owner is unknown.
 */
export function forgetDraftsOf(userId: string, storage: Storage = localStorage): void {
  signedOut.add(userId)
  const own = `${prefix}${encodeURIComponent(userId)}.`
  const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index))
  for (const key of keys) {
    if (!key?.startsWith(prefix)) continue
    const unowned = !key.slice(prefix.length).includes('.')
    if (key.startsWith(own) || unowned) storage.removeItem(key)
  }
}
