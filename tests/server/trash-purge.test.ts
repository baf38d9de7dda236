import type { Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { MemoryStore } from '../../mocks/memory-store'
import { createSeedState } from '../../mocks/seed/august-2018'
import { ApiError } from '../../src/backend/api-error'
import { createHttpBackend } from '../../src/backend/http-backend'
import { createApp } from '../../src/server/app'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'
import { openDatabase } from '../../src/server/node/database'
import type { Database } from '../../src/server/node/database-schema'
import { DatabaseStore } from '../../src/server/node/database-store'
import { prepareDatabase } from '../../src/server/node/prepare-database'
import type { Store } from '../../src/server/store'
import { seedDatabase } from './seed-database'

const dayMs = 24 * 60 * 60 * 1000
const databases: Kysely<Database>[] = []
afterAll(async () => {
  for (const db of databases) await db.destroy()
})

async function databaseStore(): Promise<Store> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null })
  databases.push(db)
  await prepareDatabase(db)
  await seedDatabase(db, createSeedState(), new Map(), [])
  return new DatabaseStore(db)
}

const stores: [string, () => Promise<Store>][] = [
  ['Speicher im Arbeitsspeicher', async () => new MemoryStore(createSeedState())],
  ['Datenbank (PGlite)', databaseStore],
]

describe.each(stores)('Papierkorb nach 30 Tagen: %s', (_name, openStore) => {
  it('hält gelöschte Beiträge 30 Tage zum Wiederherstellen bereit und entfernt sie danach', async () => {
    let now = new Date('2026-03-01T09:00:00.000Z')
    const app = createApp({ store: await openStore(), images: sharpImagePort, now: () => now })
    let token: string | null = null
    const backend = createHttpBackend({
      baseUrl: 'http://rundbrief.test/api',
      fetch: async (input, init) => app.fetch(new Request(input, init)),
      getToken: () => token,
    })
    const signIn = async () => {
      token = (await backend.login('frank-ruehling')).token
    }
    await signIn()

    const kept = await backend.createArticle({ headline: 'Wird wiederhergestellt' })
    const forgotten = await backend.createArticle({ headline: 'Bleibt im Papierkorb' })
    await backend.deleteArticle(kept.id, 1)
    await backend.deleteArticle(forgotten.id, 1)
    expect((await backend.listTrash()).map((entry) => entry.purgeAt)).toEqual([
      '2026-03-31T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
    ])

    now = new Date(now.getTime() + 30 * dayMs - 1)
    await signIn()
    expect(await backend.listTrash()).toHaveLength(2)
    expect((await backend.restoreArticle(kept.id)).headline).toBe('Wird wiederhergestellt')

    now = new Date(now.getTime() + 2)
    await signIn()
    expect(await backend.listTrash()).toEqual([])
    const purged = await backend.restoreArticle(forgotten.id).catch((error: unknown) => error)
    expect(purged).toBeInstanceOf(ApiError)
    expect((purged as ApiError).status).toBe(404)
    expect((purged as ApiError).message).toMatch(/nach 30 Tagen endgültig gelöscht/)
    const article = await backend.getArticle(forgotten.id).catch((error: unknown) => error)
    expect((article as ApiError).message).not.toMatch(/Papierkorb/)
    expect((await backend.getArticle(kept.id)).version).toBe(2)
  })
})
