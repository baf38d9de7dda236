import type { Kysely } from 'kysely'
import { initialPublication } from '../initial-publication'
import type { Database } from './database-schema'
import { migrateToLatest } from './migrations'

/** Runs the migrations and gives a new database its publication (title, Impressum, layout). */
export async function prepareDatabase(db: Kysely<Database>, now = new Date()): Promise<void> {
  await migrateToLatest(db as unknown as Kysely<unknown>)
  const publication = initialPublication(now.toISOString())
  await db
    .insertInto('publication')
    .values({ id: 1, version: publication.version, data: JSON.stringify(publication) })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute()
}
