import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from './database-schema'

const secretName = 'unsubscribe-links'

/**
 * The key that signs unsubscribe links when MAIL_SECRET is not set: the first process to ask
 * generates it, every later one (and every other process on the same database) reads the same.
 * A link must keep working after a restart and whichever process answers it.
 */
export async function sharedMailSecret(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('server_secrets')
    .values({ name: secretName, value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', secretName)
    .executeTakeFirstOrThrow()
  return row.value
}
