import { sql, type Kysely } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { docFromParagraphs } from '../../domain/rich-text'
import type { StoredArticle } from '../store'
import { openDatabase } from './database'
import type { Database } from './database-schema'
import { DatabaseStore } from './database-store'
import { migrateTo, migrateToLatest, migrations } from './migrations'
import { prepareDatabase } from './prepare-database'
import { addUser } from './users'
import { createApp } from '../app'
import { mediaFilePath } from '../../domain/media'
import { portraitPhonePhoto } from '../../../tests/fixtures/phone-photos'
import { sharpImagePort } from './sharp-image-port'
import sharp from 'sharp'

let db: Kysely<Database> | null = null
afterEach(async () => {
  await db?.destroy()
  db = null
})

const open = async () => (db = await openDatabase({ kind: 'pglite', dataDir: null }))
const tables = async (database: Kysely<Database>) =>
  (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(
      database,
    )
  ).rows.map((row) => row.table_name)

const article: StoredArticle = {
  id: 'alt-1',
  headline: 'Aus dem alten Schema',
  body: docFromParagraphs(['Steht schon vor dem Update in der Datenbank.']),
  photos: [],
  authorId: 'frank',
  updatedBy: 'frank',
  status: 'draft',
  version: 3,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-02T08:00:00.000Z',
}

describe('Migrationen', () => {
  it('legen eine leere Datenbank vollständig an, ein zweiter Lauf ändert nichts', async () => {
    const database = await open()
    await prepareDatabase(database)
    expect(await tables(database)).toEqual([
      'archive_entries',
      'article_trash',
      'article_versions',
      'articles',
      'audit_events',
      'comment_threads',
      'comments',
      'deadline_reminders',
      'deliveries',
      'issue_articles',
      'issues',
      'login_failures',
      'media',
      'media_chunks',
      'media_variants',
      'notification_mails',
      'notifications',
      'publication',
      'sends',
      'server_secrets',
      'sessions',
      'subscribers',
      'suppressed_addresses',
      'users',
    ])
    const again = await migrateToLatest(database as unknown as Kysely<unknown>)
    expect(again.results).toEqual([])
    await prepareDatabase(database)
    const publication = await new DatabaseStore(database).transaction((tx) => tx.getPublication())
    expect(publication.subtitle).toBe('Nachrichten aus dem Dezernat Soziales')
  })

  it('heben eine Datenbank des vorigen Schemas an, ohne Daten zu verlieren', async () => {
    const database = await open()
    const names = Object.keys(migrations)
    const previous = names[names.length - 2] ?? ''
    await migrateTo(database as unknown as Kysely<unknown>, previous)
    await sql`insert into users (id, name, role) values ('frank', 'Dr. Frank Rühling', 'editor')`.execute(
      database,
    )
    await sql`insert into articles (id, version, status, updated_at, search_text, data)
      values (${article.id}, ${article.version}, ${article.status}, ${article.updatedAt},
              'aus dem alten schema', ${JSON.stringify(article)})`.execute(database)

    await prepareDatabase(database)
    const store = new DatabaseStore(database)
    expect(await store.transaction((tx) => tx.getArticle('alt-1'))).toEqual({
      ...article,
      issueId: null,
    })
    expect(await store.transaction((tx) => tx.getUser('frank'))).toEqual({
      id: 'frank',
      name: 'Dr. Frank Rühling',
      role: 'editor',
    })
    // people from before 0016: no address, e-mail and reminders on
    expect(await store.transaction((tx) => tx.getNotificationSettings('frank'))).toEqual({
      userId: 'frank',
      email: null,
      emailEnabled: true,
      remindersEnabled: true,
    })
    const sandra = await addUser(database, {
      login: 'sandra.wanzar',
      name: 'Sandra Wanzar',
      role: 'head',
      password: 'ein langes Passwort',
    })
    const credential = await store.transaction((tx) => tx.getCredential('Sandra.Wanzar'))
    expect(credential?.userId).toBe(sandra.id)
    await expect(
      addUser(database, {
        login: 'SANDRA.WANZAR',
        name: 'Doppelt',
        role: 'editor',
        password: 'ein langes Passwort',
      }),
    ).rejects.toThrow('Den Benutzernamen „SANDRA.WANZAR“ gibt es schon.')
  })

  it('legen den Papierkorb an: kein Beitrag einer Ausgabe hinein, keiner daraus in eine Ausgabe', async () => {
    const database = await open()
    await migrateTo(database as unknown as Kysely<unknown>, '0005-media-chunks')
    for (const id of ['in-ausgabe', 'frei']) {
      await sql`insert into articles (id, version, status, updated_at, search_text, data)
        values (${id}, 1, 'draft', ${article.updatedAt}, '', ${JSON.stringify({ ...article, id, version: 1 })})`.execute(
        database,
      )
    }
    await sql`insert into issues (id, version, status, created_at, data)
      values ('ausgabe', 1, 'draft', ${article.createdAt}, '{}')`.execute(database)
    await sql`insert into issue_articles (article_id, issue_id, position)
      values ('in-ausgabe', 'ausgabe', 0)`.execute(database)

    await prepareDatabase(database)
    const store = new DatabaseStore(database)
    const deletion = { deletedAt: '2026-03-01T09:00:00.000Z', deletedBy: 'frank' }
    await expect(
      store.transaction((tx) => tx.moveArticleToTrash('in-ausgabe', 1, deletion)),
    ).rejects.toMatchObject({ name: 'ConcurrentChange', constraint: expect.any(String) })
    expect(await store.transaction((tx) => tx.moveArticleToTrash('frei', 1, deletion))).toBe(true)
    expect((await store.transaction((tx) => tx.listTrash())).map((e) => e.article.id)).toEqual([
      'frei',
    ])
    await expect(
      sql`insert into issue_articles (article_id, issue_id, position)
        values ('frei', 'ausgabe', 1)`.execute(database),
    ).rejects.toThrow(/foreign key/)
  })

  it('legen die Versionen an: je Beitrag fortlaufend, eine Nummer nur einmal, mit dem Beitrag in den Papierkorb', async () => {
    const database = await open()
    await prepareDatabase(database)
    await sql`insert into users (id, name, role) values ('frank', 'Dr. Frank Rühling', 'editor')`.execute(
      database,
    )
    const store = new DatabaseStore(database)
    await store.transaction((tx) => tx.insertArticle({ ...article, version: 1 }))
    const kept = {
      articleId: article.id,
      headline: article.headline,
      body: article.body,
      photos: [],
      createdAt: article.updatedAt,
      createdBy: 'frank',
      reason: 'pause' as const,
      restoredFrom: null,
    }
    const first = await store.transaction((tx) => tx.insertArticleVersion(kept))
    const second = await store.transaction((tx) =>
      tx.insertArticleVersion({ ...kept, reason: 'restored', restoredFrom: 1 }),
    )
    expect([first.number, second.number]).toEqual([1, 2])
    expect(await store.transaction((tx) => tx.getArticleVersion(article.id, 2))).toEqual(second)
    await expect(
      sql`insert into article_versions (article_id, number, headline, body, photos, created_at, created_by, reason)
        values (${article.id}, 2, '', '{}', '[]', now(), 'frank', 'pause')`.execute(database),
    ).rejects.toThrow(/duplicate key/)
    await expect(
      sql`insert into article_versions (article_id, number, headline, body, photos, created_at, created_by, reason)
        values (${article.id}, 3, '', '{}', '[]', now(), 'frank', 'restored')`.execute(database),
    ).rejects.toThrow(/check constraint/)

    const deletion = { deletedAt: '2026-03-01T09:00:00.000Z', deletedBy: 'frank' }
    expect(await store.transaction((tx) => tx.moveArticleToTrash(article.id, 1, deletion))).toBe(
      true,
    )
    expect(await store.transaction((tx) => tx.listArticleVersions(article.id))).toEqual([])
  })

  it('überführen die Beitragsliste jeder Ausgabe in eine Tabelle, mit Reihenfolge und Schlüsseln', async () => {
    const database = await open()
    await migrateTo(database as unknown as Kysely<unknown>, '0002-accounts')
    const articleIds = ['b-3', 'b-1', 'b-2', 'b-4']
    for (const id of articleIds) {
      await sql`insert into articles (id, version, status, updated_at, search_text, data)
        values (${id}, 1, 'draft', ${article.updatedAt}, '', ${JSON.stringify({ ...article, id })})`.execute(
        database,
      )
    }
    const issue = (id: string, createdAt: string, ids: string[]) => ({
      id,
      label: id,
      deadline: '2026-02-01T10:00:00.000Z',
      plannedSendDate: '2026-02-03',
      articleIds: ids,
      status: 'draft',
      approval: null,
      withdrawnApproval: null,
      changeRequest: null,
      version: 4,
      createdAt,
      updatedAt: createdAt,
    })
    const issues = [
      // b-2 stood in two issues (the race this table ends); the older issue keeps it.
      issue('ausgabe-alt', '2026-01-01T08:00:00.000Z', ['b-3', 'geloescht', 'b-1', 'b-2']),
      issue('ausgabe-neu', '2026-01-05T08:00:00.000Z', ['b-2', 'b-4']),
    ]
    for (const row of issues) {
      await sql`insert into issues (id, version, status, created_at, data)
        values (${row.id}, 4, 'draft', ${row.createdAt}, ${JSON.stringify(row)})`.execute(database)
    }

    await prepareDatabase(database)
    const store = new DatabaseStore(database)
    const stored = await store.transaction((tx) => tx.listIssues())
    expect(stored.map((row) => [row.id, row.articleIds, row.version])).toEqual([
      ['ausgabe-alt', ['b-3', 'b-1', 'b-2'], 4],
      ['ausgabe-neu', ['b-4'], 4],
    ])
    const raw = await sql<{ data: object }>`select data from issues`.execute(database)
    expect(raw.rows.every((row) => !('articleIds' in row.data))).toBe(true)
    expect((await store.transaction((tx) => tx.getArticle('b-1')))?.issueId).toBe('ausgabe-alt')

    const neu = stored[1]
    if (!neu) throw new Error('Ausgabe fehlt')
    await expect(
      store.transaction((tx) =>
        tx.updateIssue({ ...neu, articleIds: ['b-4', 'b-1'], version: 5 }, 4),
      ),
    ).rejects.toMatchObject({ name: 'ConcurrentChange', constraint: 'issue_articles_pkey' })
    await expect(store.transaction((tx) => tx.deleteArticle('b-4', 1))).rejects.toMatchObject({
      name: 'ConcurrentChange',
    })
    expect((await store.transaction((tx) => tx.getIssue('ausgabe-neu')))?.articleIds).toEqual([
      'b-4',
    ])
  })

  it('geben gespeicherten Ausgaben eine leere letzte Rückgabe', async () => {
    const database = await open()
    await migrateTo(database as unknown as Kysely<unknown>, '0005-media-chunks')
    const createdAt = '2026-01-01T08:00:00.000Z'
    const issue = {
      id: 'ausgabe-alt',
      label: 'Alt',
      deadline: '2026-02-01T10:00:00.000Z',
      plannedSendDate: '2026-02-03',
      status: 'changes_requested',
      approval: null,
      withdrawnApproval: null,
      changeRequest: { comment: 'Bitte kürzen.', requestedBy: 'sandra', requestedAt: createdAt },
      version: 2,
      createdAt,
      updatedAt: createdAt,
    }
    await sql`insert into issues (id, version, status, created_at, data)
      values (${issue.id}, 2, ${issue.status}, ${createdAt}, ${JSON.stringify(issue)})`.execute(
      database,
    )
    await prepareDatabase(database)
    const stored = await new DatabaseStore(database).transaction((tx) => tx.getIssue(issue.id))
    expect(stored).toEqual({
      ...issue,
      articleIds: [],
      lastChangeRequest: null,
      sentThroughRundbrief: false,
    })
  })

  it('geben gesendeten und aufgegebenen Benachrichtigungs-E-Mails von vor 0017 ein Ende', async () => {
    const database = await open()
    await migrateTo(database as unknown as Kysely<unknown>, '0016-reminders')
    await sql`insert into users (id, name, role) values ('frank', 'Dr. Frank Rühling', 'editor'),
      ('sandra', 'Sandra Wanzar', 'head')`.execute(database)
    await sql`insert into issues (id, version, status, created_at, data)
      values ('ausgabe', 1, 'in_review', '2027-03-01T08:00:00Z', '{}')`.execute(database)
    const mails = [
      ['gesendet', 'sent', '2027-03-01T08:00:00Z', '2027-03-01T08:00:05Z'],
      ['aufgegeben', 'failed', '2027-03-01T09:05:00Z', null],
      ['wartend', 'pending', '2027-03-01T08:01:00Z', null],
    ] as const
    for (const [id, status, nextAttemptAt, sentAt] of mails) {
      await sql`insert into notifications (id, recipient_id, kind, issue_id, actor_id, created_at)
        values (${id}, 'sandra', 'issue_submitted', 'ausgabe', 'frank', '2027-03-01T08:00:00Z')`.execute(
        database,
      )
      await sql`insert into notification_mails (id, notification_id, to_address, subject, text,
          html, created_at, status, next_attempt_at, sent_at)
        values (${id}, ${id}, 'sandra@gera.de', 'Betreff', 'Text', '<p>Text</p>',
          '2027-03-01T08:00:00Z', ${status}, ${nextAttemptAt}, ${sentAt})`.execute(database)
    }
    await prepareDatabase(database)
    const finished = await sql<{ id: string; finished_at: Date | null }>`
      select id, finished_at from notification_mails order by id`.execute(database)
    expect(finished.rows.map((row) => [row.id, row.finished_at?.toISOString() ?? null])).toEqual([
      ['aufgegeben', '2027-03-01T09:05:00.000Z'],
      ['gesendet', '2027-03-01T08:00:05.000Z'],
      ['wartend', null],
    ])
    await expect(
      sql`update notification_mails set finished_at = null where id = 'gesendet'`.execute(database),
    ).rejects.toThrow(/notification_mails_finished/)
  })

  it('zerlegen gespeicherte Fotos in Stücke, Byte für Byte gleich', async () => {
    const database = await open()
    await migrateTo(database as unknown as Kysely<unknown>, '0004-session-activity')
    const photo = Uint8Array.from({ length: 600_000 }, (_, index) => (index * 7) % 251)
    const media = {
      id: 'foto-alt',
      fileName: 'alt.png',
      mimeType: 'image/png',
      byteSize: photo.length,
      width: 10,
      height: 10,
      url: '/api/media/foto-alt/file',
      createdAt: '2026-01-01T08:00:00.000Z',
    }
    await sql`insert into media (id, data, bytes) values (${media.id}, ${JSON.stringify(media)}, ${Buffer.from(photo)})`.execute(
      database,
    )
    await sql`insert into media (id, data, bytes) values ('leer', ${JSON.stringify({ ...media, id: 'leer' })}, ${Buffer.alloc(0)})`.execute(
      database,
    )
    await prepareDatabase(database)
    const store = new DatabaseStore(database)
    expect(await store.transaction((tx) => tx.getMediaBytes('foto-alt'))).toEqual(photo)
    expect(await store.transaction((tx) => tx.getMediaBytes('leer'))).toEqual(new Uint8Array(0))
    expect(await store.transaction((tx) => tx.getMediaBytes('gibt-es-nicht'))).toBeNull()
    const pieces = await sql<{
      n: number
    }>`select count(*)::int as n from media_chunks where media_id = 'foto-alt'`.execute(database)
    expect(pieces.rows[0]?.n).toBe(3)
  })

  it('machen die Größen eines Fotos von vor 0011 beim ersten Abruf, auch bei gleichzeitigen Abrufen', async () => {
    const database = await open()
    await migrateTo(database as unknown as Kysely<unknown>, '0010-mail-secret')
    const photo = await portraitPhonePhoto(1600, 1200)
    // as the upload stored it before: the size of the stored (not the upright) pixels, no variants
    const { variants: _none, ...before } = {
      id: 'foto-vom-handy',
      fileName: 'handy.jpg',
      mimeType: 'image/jpeg' as const,
      byteSize: photo.byteLength,
      width: 1600,
      height: 1200,
      url: mediaFilePath('foto-vom-handy'),
      createdAt: '2026-01-01T08:00:00.000Z',
      variants: [],
    }
    await sql`insert into media (id, data) values (${before.id}, ${JSON.stringify(before)})`.execute(
      database,
    )
    await sql`insert into media_chunks (media_id, seq, bytes) values (${before.id}, 0, ${Buffer.from(photo)})`.execute(
      database,
    )
    await prepareDatabase(database)
    const store = new DatabaseStore(database)
    expect((await store.transaction((tx) => tx.getMedia(before.id)))?.variants).toEqual([])

    const app = createApp({ store, images: sharpImagePort })
    const address = `http://localhost${mediaFilePath(before.id, 'email')}`
    const answers = await Promise.all([app.request(address), app.request(address)])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    const [first, second] = await Promise.all(answers.map((answer) => answer.arrayBuffer()))
    expect(new Uint8Array(second!)).toEqual(new Uint8Array(first!))
    expect(await sharp(new Uint8Array(first!)).metadata()).toMatchObject({
      width: 450,
      height: 600,
    })

    const after = await store.transaction((tx) => tx.getMedia(before.id))
    expect(after).toMatchObject({ width: 1200, height: 1600 })
    expect(after?.variants.map(({ name, width, height }) => ({ name, width, height }))).toEqual([
      { name: 'email', width: 450, height: 600 },
      { name: 'email2x', width: 900, height: 1200 },
      { name: 'web', width: 1200, height: 1600 },
      { name: 'print', width: 1200, height: 1600 },
    ])
  })
})
