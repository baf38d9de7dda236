import type { Kysely } from 'kysely'
import { afterAll } from 'vitest'
import { MemoryStore, type MemoryState } from '../../mocks/memory-store'
import { createSeedState } from '../../mocks/seed/august-2018'
import { openDatabase, type DatabaseConfig } from '../../src/server/node/database'
import type { Database } from '../../src/server/node/database-schema'
import { DatabaseStore } from '../../src/server/node/database-store'
import { prepareDatabase } from '../../src/server/node/prepare-database'
import type { Store } from '../../src/server/store'
import { postgresForTests } from './postgres-available'
import { createDatabase } from './postgres-cluster'
import { seedDatabase } from './seed-database'

/** Makes a store holding `state` (the seed when left out). */
export type StoreMaker = (state?: MemoryState) => Promise<Store>

/**
 * The stores a test file runs its cases on: memory (the demo's), PGlite and, when a PostgreSQL
 * is there, PostgreSQL, each seeded; every database opened is closed after the file. PostgreSQL
 * databases are named `<databasePrefix>_<n>`, so that files sharing a cluster do not collide.
 */
export function storesForTests(databasePrefix: string) {
  const databases: Kysely<Database>[] = []
  afterAll(async () => {
    for (const db of databases) await db.destroy()
  })
  const postgresUrl = postgresForTests()
  let postgresDatabases = 0

  /** A connection pool of its own (a second server process) on a database. */
  async function open(config: DatabaseConfig) {
    const db = await openDatabase(config)
    databases.push(db)
    return db
  }
  async function seededDatabase(config: DatabaseConfig, state = createSeedState()) {
    const db = await open(config)
    await prepareDatabase(db)
    await seedDatabase(db, state, new Map(), [])
    return db
  }
  /** A new, empty PostgreSQL database. */
  const postgresConfig = async (): Promise<DatabaseConfig> => ({
    kind: 'postgres',
    url: await createDatabase(postgresUrl ?? '', `${databasePrefix}_${++postgresDatabases}`),
  })
  const postgresStore: StoreMaker = async (state) =>
    new DatabaseStore(await seededDatabase(await postgresConfig(), state))

  const stores: [string, StoreMaker][] = [
    ['Arbeitsspeicher', async (state) => new MemoryStore(state ?? createSeedState())],
    [
      'PGlite',
      async (state) =>
        new DatabaseStore(await seededDatabase({ kind: 'pglite', dataDir: null }, state)),
    ],
    ...(postgresUrl ? [['PostgreSQL', postgresStore] as [string, StoreMaker]] : []),
  ]
  return { stores, postgresUrl, postgresConfig, postgresStore, seededDatabase, open }
}
