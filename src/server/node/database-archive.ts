import type { Selectable, Transaction } from 'kysely'
import type { ArchiveEntry, ArchiveTx } from '../store'
import type { ArchiveEntriesTable, Database } from './database-schema'

const iso = (date: Date | null) => (date ? date.toISOString() : null)

const entryColumns = [
  'issue_id',
  'slug',
  'label',
  'planned_send_date',
  'headlines',
  'etag',
  'published_at',
  'withdrawn_at',
  'withdrawn_by',
  'withdraw_reason',
] as const

const entryOf = (row: Omit<Selectable<ArchiveEntriesTable>, 'html'>): ArchiveEntry => ({
  issueId: row.issue_id,
  slug: row.slug,
  label: row.label,
  plannedSendDate: row.planned_send_date,
  headlines: row.headlines,
  etag: row.etag,
  publishedAt: iso(row.published_at),
  withdrawnAt: iso(row.withdrawn_at),
  withdrawnBy: row.withdrawn_by,
  withdrawReason: row.withdraw_reason,
})

/** The public archive over PostgreSQL: the unique slug decides between simultaneous reservations. */
export function archiveTx(db: Transaction<Database>): ArchiveTx {
  const updated = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows === 1n
  return {
    getArchiveEntry: async (issueId) => {
      const row = await db
        .selectFrom('archive_entries')
        .select(entryColumns)
        .where('issue_id', '=', issueId)
        .executeTakeFirst()
      return row ? entryOf(row) : null
    },
    getArchivePage: async (slug) => {
      const row = await db
        .selectFrom('archive_entries')
        .select([...entryColumns, 'html'])
        .where('slug', '=', slug)
        .executeTakeFirst()
      return row ? { entry: entryOf(row), html: row.html } : null
    },
    archiveSlugsOfMonth: async (month) =>
      (
        await db
          .selectFrom('archive_entries')
          .select('slug')
          .where((eb) =>
            eb.or([
              eb('slug', '=', month),
              eb('slug', 'like', `${month.replace(/[\\%_]/g, (char) => `\\${char}`)}-%`),
            ]),
          )
          .execute()
      ).map((row) => row.slug),
    reserveArchiveSlug: async (reservation) => {
      // ON CONFLICT DO NOTHING waits for a simultaneous reservation of the same slug to commit
      // and then inserts nothing, without aborting this transaction: the caller tries the next.
      const inserted = await db
        .insertInto('archive_entries')
        .values({
          issue_id: reservation.issueId,
          slug: reservation.slug,
          label: reservation.label,
          planned_send_date: reservation.plannedSendDate,
          html: null,
          etag: null,
          withdrawn_by: null,
          withdraw_reason: null,
        })
        .onConflict((conflict) => conflict.doNothing())
        .returning('issue_id')
        .executeTakeFirst()
      return inserted !== undefined
    },
    publishArchivePage: async (issueId, page) =>
      updated(
        await db
          .updateTable('archive_entries')
          .set({
            label: page.label,
            planned_send_date: page.plannedSendDate,
            headlines: JSON.stringify(page.headlines),
            html: page.html,
            etag: page.etag,
            published_at: page.publishedAt,
          })
          .where('issue_id', '=', issueId)
          .where('html', 'is', null)
          .executeTakeFirst(),
      ),
    removeArchivePage: async (issueId) => {
      await db
        .updateTable('archive_entries')
        .set({ html: null, etag: null, published_at: null, headlines: '[]' })
        .where('issue_id', '=', issueId)
        .execute()
    },
    setArchiveWithdrawal: async (issueId, withdrawal) =>
      updated(
        await db
          .updateTable('archive_entries')
          .set({
            withdrawn_at: withdrawal?.at ?? null,
            withdrawn_by: withdrawal?.by ?? null,
            withdraw_reason: withdrawal?.reason ?? null,
          })
          .where('issue_id', '=', issueId)
          .where('published_at', 'is not', null)
          .where('withdrawn_at', withdrawal ? 'is' : 'is not', null)
          .executeTakeFirst(),
      ),
    listArchive: async () =>
      (
        await db
          .selectFrom('archive_entries')
          .select(entryColumns)
          .where('published_at', 'is not', null)
          .where('withdrawn_at', 'is', null)
          .orderBy('planned_send_date', 'desc')
          .orderBy('published_at', 'desc')
          .execute()
      ).map(entryOf),
    publishedIssuesWithoutArchivePage: async () =>
      (
        await db
          .selectFrom('issues')
          .select('id')
          .where('status', '=', 'published')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('archive_entries')
                  .select('issue_id')
                  .whereRef('archive_entries.issue_id', '=', 'issues.id')
                  .where('archive_entries.etag', 'is not', null),
              ),
            ),
          )
          .orderBy('id')
          .execute()
      ).map((row) => row.id),
  }
}
