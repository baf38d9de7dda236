const storageKey = (userId: string) => `rundbrief.testversand.${userId}`

/**
 * The addresses this person sent the last test to, so that "to oneself" needs no typing the next
 * time (people have no e-mail address in Rundbrief). Empty when nothing is remembered.
 */
export function lastTestAddresses(userId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]')
    return Array.isArray(stored) ? stored.filter((item) => typeof item === 'string') : []
  } catch {
    return []
  }
}

export function rememberTestAddresses(userId: string, addresses: string[]): void {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(addresses))
  } catch {
    // private mode or full storage: the next test starts with an empty field
  }
}
