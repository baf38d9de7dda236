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
import type { Database } from './database-schema'

/** Where the data lives: an embedded PostgreSQL (PGlite) in a folder, or a PostgreSQL server. */
export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize?: number }

/** PGlite has one connection: requests take turns, each transaction holds it to the end. */
class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | null = null
  private readonly connection: DatabaseConnection

  constructor(private readonly pglite: PGlite) {
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
    await this.pglite.close()
  }
}

function pgliteDialect(pglite: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(pglite),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  }
}

/** Opens the database; PGlite creates its folder on first use. Close with `db.destroy()`. */
export async function openDatabase(config: DatabaseConfig): Promise<Kysely<Database>> {
  if (config.kind === 'pglite') {
    const pglite = await PGlite.create(config.dataDir ?? undefined)
    return new Kysely<Database>({ dialect: pgliteDialect(pglite) })
  }
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
