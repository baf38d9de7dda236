import { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely'
import pg from 'pg'
import { lockDataDir, type DataDirLock } from './data-dir-lock'
import type { Database } from './database-schema'

/** Where the data lives: an embedded PostgreSQL (PGlite) in a folder, or a PostgreSQL server. */
export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize?: number }

/** PGlite has one connection: requests take turns, each transaction holds it to the end. */
class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | null = null
  private readonly connection: DatabaseConnection

  constructor(
    private readonly pglite: PGlite,
    private readonly lock: DataDirLock | null,
  ) {
    this.connection = {
      executeQuery: async <Row>(query: CompiledQuery): Promise<QueryResult<Row>> => {
        const result = await pglite.query<Row>(query.sql, [...query.parameters])
        return {
          rows: result.rows,
          numAffectedRows:
            result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
        }
      },
      streamQuery: () => {
        throw new Error('PGlite kann keine Abfragen streamen.')
      },
    }
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = this.queue
    this.queue = previous.then(() => turn)
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    const release = this.release
    this.release = null
    release?.()
  }

  async destroy(): Promise<void> {
    try {
      await this.pglite.close()
    } finally {
      this.lock?.release()
    }
  }
}

function pgliteDialect(pglite: PGlite, lock: DataDirLock | null): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(pglite, lock),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  }
}

/** How long a new PostgreSQL connection may take before the attempt fails. */
const connectTimeoutMs = 10_000

/**
 * Opens the database. PGlite creates its folder (not the parents) on first use and locks it
 * for this process (see data-dir-lock.ts) until `db.destroy()`. `onConnectionError` hears of
 * PostgreSQL connections that broke (the pool drops them; the next query reconnects).
 */
export async function openDatabase(
  config: DatabaseConfig,
  onConnectionError: (error: Error) => void = () => {},
): Promise<Kysely<Database>> {
  if (config.kind === 'pglite') {
    const lock = config.dataDir === null ? null : lockDataDir(config.dataDir)
    let pglite: PGlite
    try {
      pglite = await PGlite.create(config.dataDir ?? undefined)
    } catch (error) {
      lock?.release()
      throw error
    }
    return new Kysely<Database>({ dialect: pgliteDialect(pglite, lock) })
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: connectTimeoutMs,
  })
  // A connection that breaks (database restarted, backend terminated) emits 'error'; without a
  // listener that ends the whole process, also while a request holds the connection between two
  // statements. The request's next statement fails instead, and the pool drops the connection.
  pool.on('connect', (client) => client.on('error', onConnectionError))
  // Idle connections report to the pool as well: already heard through the client above.
  pool.on('error', () => {})
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
