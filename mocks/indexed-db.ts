const databaseName = 'rundbrief-demo'
const storeName = 'kv'

let opening: Promise<IDBDatabase> | null = null

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(storeName)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB nicht verfügbar'))
  })
  return opening
}

function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | undefined,
) {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const transaction = db.transaction(storeName, mode)
        const request = work(transaction.objectStore(storeName))
        transaction.oncomplete = () => resolve(request ? request.result : undefined)
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB-Fehler'))
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB abgebrochen'))
      }),
  )
}

/** Reads one value of the demo database. */
export function idbGet<T>(key: string): Promise<T | undefined> {
  return run<T>('readonly', (store) => store.get(key) as IDBRequest<T>)
}

/** Reads several values in one IndexedDB transaction (undefined where a key is missing). */
export async function idbGetMany(keys: readonly string[]): Promise<unknown[]> {
  if (keys.length === 0) return []
  const requests: IDBRequest[] = []
  await run('readonly', (store) => {
    for (const key of keys) requests.push(store.get(key))
    return undefined
  })
  return requests.map((request) => request.result as unknown)
}

/** Writes several values in one IndexedDB transaction. */
export async function idbPutAll(entries: ReadonlyArray<readonly [string, unknown]>): Promise<void> {
  await run('readwrite', (store) => {
    for (const [key, value] of entries) store.put(value, key)
    return undefined
  })
}

/** Empties the demo database and writes these values, in one IndexedDB transaction. */
export async function idbReplaceAll(
  entries: ReadonlyArray<readonly [string, unknown]>,
): Promise<void> {
  await run('readwrite', (store) => {
    store.clear()
    for (const [key, value] of entries) store.put(value, key)
    return undefined
  })
}
