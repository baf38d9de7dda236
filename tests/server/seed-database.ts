import { sql, type Kysely } from 'kysely'
import { variantsWithBytes, type MediaBytes, type MemoryState } from '../../mocks/memory-store'
import type { Database } from '../../src/server/node/database-schema'
import { DatabaseStore } from '../../src/server/node/database-store'
import type { Credential } from '../../src/server/store'

const tables = [
  'archive_entries',
  'deliveries',
  'sends',
  'subscribers',
  'suppressed_addresses',
  'sessions',
  'login_failures',
  'audit_events',
  'media_variants',
  'media',
  'article_trash',
  'articles',
  'issues',
  'users',
] as const

/** Empties the database and writes the demo data (with passwords) through the store. */
export async function seedDatabase(
  db: Kysely<Database>,
  state: MemoryState,
  bytes: MediaBytes,
  credentials: Credential[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`truncate ${sql.join(tables.map((table) => sql.table(table)))} cascade`.execute(trx)
    for (const user of state.users) {
      const credential = credentials.find((entry) => entry.userId === user.id)
      const settings = state.notificationSettings?.find((entry) => entry.userId === user.id)
      await trx
        .insertInto('users')
        .values({
          ...user,
          login: credential?.login ?? null,
          password_hash: credential?.passwordHash ?? null,
          ...(settings
            ? {
                email: settings.email,
                notify_by_email: settings.emailEnabled,
                reminders_enabled: settings.remindersEnabled,
              }
            : {}),
        })
        .execute()
    }
    await trx
      .updateTable('publication')
      .set({ version: state.publication.version, data: JSON.stringify(state.publication) })
      .execute()
  })
  await new DatabaseStore(db).transaction(async (tx) => {
    for (const article of state.articles) await tx.insertArticle(article)
    for (const issue of state.issues) await tx.insertIssue(issue)
    for (const media of state.media) {
      const data = bytes.get(media.id)
      if (data) await tx.insertMedia(media, [data], variantsWithBytes(state, bytes, media.id))
    }
    for (const event of state.auditEvents) await tx.appendAudit(event)
  })
}
