/** Where the app keeps the session token between reloads. */
export interface TokenStorage {
  get(): string | null
  set(token: string | null): void
}

/** Token storage in localStorage (the browser app). */
export function localTokenStorage(key = 'rundbrief.sitzung'): TokenStorage {
  return {
    get: () => localStorage.getItem(key),
    set: (token) => (token ? localStorage.setItem(key, token) : localStorage.removeItem(key)),
  }
}

/** Token storage in memory (tests). */
export function memoryTokenStorage(): TokenStorage {
  let token: string | null = null
  return {
    get: () => token,
    set: (next) => {
      token = next
    },
  }
}
