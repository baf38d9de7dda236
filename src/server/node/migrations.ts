import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely'

/**
 * The schema, version by version. Never edit a migration that has shipped: add a new one.
 * Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '0001-content': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('role', 'text', (column) =>
          column.notNull().check(sql`role in ('editor', 'head', 'designer')`),
        )
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .execute()
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('publication')
        .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('data', 'jsonb', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('issues')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('data', 'jsonb', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
        .addColumn('search_text', 'text', (column) => column.notNull())
        .addColumn('data', 'jsonb', (column) => column.notNull())
        .execute()
      await db.schema
        .createIndex('articles_updated_at')
        .on('articles')
        .column('updated_at')
        .execute()
      await db.schema
        .createTable('media')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('data', 'jsonb', (column) => column.notNull())
        .addColumn('bytes', 'bytea', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('audit_events')
        .addColumn('seq', 'bigserial', (column) => column.primaryKey())
        .addColumn('id', 'text', (column) => column.notNull().unique())
        .addColumn('resource_id', 'text', (column) => column.notNull())
        .addColumn('at', 'timestamptz', (column) => column.notNull())
        .addColumn('data', 'jsonb', (column) => column.notNull())
        .execute()
      await db.schema
        .createIndex('audit_events_resource')
        .on('audit_events')
        .columns(['resource_id', 'seq'])
        .execute()
    },
  },
  '0002-accounts': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('login', 'text').execute()
      await db.schema.alterTable('users').addColumn('password_hash', 'text').execute()
      await db.schema
        .createIndex('users_login')
        .on('users')
        .expression(sql`lower(login)`)
        .unique()
        .execute()
      await db.schema
        .createTable('login_failures')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('count', 'integer', (column) => column.notNull())
        .addColumn('last_failed_at', 'timestamptz', (column) => column.notNull())
        .execute()
    },
  },
  '0003-issue-articles': {
    // The membership moves out of each issue's `articleIds` into a table whose key is the
    // article: one issue per article, no issue pointing at a deleted article. Rows that broke
    // this before (an article in two issues) keep the issue created first.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('issue_articles')
        .addColumn('article_id', 'text', (column) =>
          column.primaryKey().references('articles.id').onDelete('restrict'),
        )
        .addColumn('issue_id', 'text', (column) =>
          column.notNull().references('issues.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (column) => column.notNull())
        .addUniqueConstraint('issue_articles_position', ['issue_id', 'position'], (constraint) =>
          constraint.deferrable().initiallyDeferred(),
        )
        .execute()
      await sql`
        insert into issue_articles (article_id, issue_id, position)
        select entry.article_id, entry.issue_id,
               row_number() over (partition by entry.issue_id order by entry.position) - 1
        from (
          select distinct on (listed.article_id) listed.article_id, issues.id as issue_id,
                 listed.position
          from issues
          cross join lateral jsonb_array_elements_text(issues.data -> 'articleIds')
            with ordinality as listed(article_id, position)
          join articles on articles.id = listed.article_id
          order by listed.article_id, issues.created_at, issues.id
        ) as entry
      `.execute(db)
      await sql`update issues set data = data - 'articleIds'`.execute(db)
    },
  },
  '0004-session-activity': {
    // Sessions end after a time without requests; a disabled account keeps its history but
    // can no longer sign in.
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('sessions')
        .addColumn('last_seen_at', 'timestamptz', (column) =>
          column.notNull().defaultTo(sql`now()`),
        )
        .execute()
      await db.schema.alterTable('users').addColumn('disabled_at', 'timestamptz').execute()
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()
    },
  },
  '0005-media-chunks': {
    // A photo is written and read in 256 KB pieces: an upload never has to pass the driver as one
    // 10 MB value (hex-encoded, twice its size) per request.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('media_chunks')
        .addColumn('media_id', 'text', (column) =>
          column.notNull().references('media.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (column) => column.notNull())
        .addColumn('bytes', 'bytea', (column) => column.notNull())
        .addPrimaryKeyConstraint('media_chunks_pkey', ['media_id', 'seq'])
        .execute()
      await sql`
        insert into media_chunks (media_id, seq, bytes)
        select media.id, piece.seq, substring(media.bytes from piece.seq * 262144 + 1 for 262144)
        from media
        cross join lateral generate_series(0, greatest(length(media.bytes) - 1, 0) / 262144) as piece(seq)
      `.execute(db)
      await db.schema.alterTable('media').dropColumn('bytes').execute()
    },
  },
  '0006-change-request-content': {
    // Issues keep the content a request for changes was made on (`lastChangeRequest`), to show
    // the Dezernentin what changed since; issues stored before have none.
    async up(db: Kysely<unknown>) {
      await sql`
        update issues set data = data || '{"lastChangeRequest": null}'::jsonb
        where not data ? 'lastChangeRequest'
      `.execute(db)
    },
  },
  '0007-article-trash': {
    // A deleted article moves out of `articles` into the Papierkorb for 30 days. As it is no
    // longer an article, the membership's foreign key (ON DELETE RESTRICT) refuses to delete one
    // that an issue holds and to add one from the Papierkorb to an issue.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_trash')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('deleted_at', 'timestamptz', (column) => column.notNull())
        .addColumn('deleted_by', 'text', (column) => column.notNull())
        .addColumn('data', 'jsonb', (column) => column.notNull())
        .execute()
      await db.schema
        .createIndex('article_trash_deleted_at')
        .on('article_trash')
        .column('deleted_at')
        .execute()
    },
  },
  '0008-subscribers-and-sends': {
    // Recipients, and the send queue in the same database: one row per send and recipient,
    // taken with FOR UPDATE SKIP LOCKED (docs/decisions/0009-send-queue.md). Erasing a recipient
    // removes their deliveries; only a hash of the address stays, on the suppression list.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('subscribers')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('email', 'text', (column) => column.notNull().unique())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('organisation', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) =>
          column
            .notNull()
            .check(sql`status in ('pending', 'confirmed', 'unsubscribed', 'bounced')`),
        )
        .addColumn('consent_version', 'text')
        .addColumn('requested_at', 'timestamptz', (column) => column.notNull())
        .addColumn('confirmed_at', 'timestamptz')
        .addColumn('unsubscribed_at', 'timestamptz')
        .execute()
      await db.schema
        .createTable('suppressed_addresses')
        .addColumn('email_hash', 'text', (column) => column.primaryKey())
        .addColumn('suppressed_at', 'timestamptz', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('sends')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('issue_id', 'text', (column) =>
          column.notNull().references('issues.id').onDelete('restrict'),
        )
        .addColumn('status', 'text', (column) =>
          column.notNull().check(sql`status in ('scheduled', 'running', 'paused', 'done')`),
        )
        .addColumn('scheduled_at', 'timestamptz', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('created_by', 'text', (column) => column.notNull())
        .addColumn('finished_at', 'timestamptz')
        .addColumn('message', 'jsonb', (column) => column.notNull())
        .execute()
      // an issue goes out once: at most one send that is not done
      await sql`create unique index sends_one_open_per_issue on sends (issue_id) where status <> 'done'`.execute(
        db,
      )
      await db.schema
        .createTable('deliveries')
        .addColumn('send_id', 'text', (column) =>
          column.notNull().references('sends.id').onDelete('cascade'),
        )
        .addColumn('subscriber_id', 'text', (column) =>
          column.notNull().references('subscribers.id').onDelete('cascade'),
        )
        .addColumn('status', 'text', (column) =>
          column
            .notNull()
            .check(sql`status in ('pending', 'sending', 'sent', 'failed', 'skipped')`),
        )
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'timestamptz', (column) => column.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', 'timestamptz')
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'timestamptz')
        .addPrimaryKeyConstraint('deliveries_pkey', ['send_id', 'subscriber_id'])
        .execute()
      await sql`create index deliveries_open on deliveries (next_attempt_at) where status in ('pending', 'sending')`.execute(
        db,
      )
      await db.schema
        .createIndex('deliveries_subscriber')
        .on('deliveries')
        .column('subscriber_id')
        .execute()
    },
  },
  '0009-subscription-confirmation': {
    // The double opt-in: a pending sign-up keeps only the SHA-256 of its confirmation link's
    // token, and until when the link is valid. The token is unique while it exists.
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('subscribers')
        .addColumn('confirm_token_hash', 'text', (column) => column.unique())
        .addColumn('confirm_expires_at', 'timestamptz')
        .execute()
      await db.schema.createIndex('subscribers_status').on('subscribers').column('status').execute()
      // the claim orders by both columns; every delivery of a send has the same next_attempt_at,
      // so an index of that column alone left each claim to sort all open rows of the send
      await sql`drop index deliveries_open`.execute(db)
      await sql`create index deliveries_due on deliveries (next_attempt_at, subscriber_id) where status in ('pending', 'sending')`.execute(
        db,
      )
    },
  },
  '0010-mail-secret': {
    // The key that signs unsubscribe links, when MAIL_SECRET is not set: generated once by the
    // first process and read by every other, so that a link works whichever process answers it.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('server_secrets')
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('value', 'text', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .execute()
    },
  },
  '0011-media-variants': {
    // The sizes made of each photo (docs/decisions/0011): upright, without metadata. A variant of
    // a photo stored before this migration is made on its first request.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('media_variants')
        .addColumn('media_id', 'text', (column) =>
          column.notNull().references('media.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (column) =>
          column.notNull().check(sql`name in ('email', 'email2x', 'web', 'print')`),
        )
        .addColumn('mime_type', 'text', (column) =>
          column.notNull().check(sql`mime_type in ('image/jpeg', 'image/png')`),
        )
        .addColumn('width', 'integer', (column) => column.notNull().check(sql`width > 0`))
        .addColumn('height', 'integer', (column) => column.notNull().check(sql`height > 0`))
        .addColumn('bytes', 'bytea', (column) => column.notNull())
        .addPrimaryKeyConstraint('media_variants_pkey', ['media_id', 'name'])
        .execute()
    },
  },
  '0012-archive': {
    // The public archive: an issue's address (slug) is reserved when a send starts, its page is
    // stored once when it becomes versendet and never rewritten (docs/decisions/0012-archive.md).
    // The unique slug decides between two processes that reserve the same month at once.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('archive_entries')
        .addColumn('issue_id', 'text', (column) =>
          column.primaryKey().references('issues.id').onDelete('restrict'),
        )
        .addColumn('slug', 'text', (column) =>
          column
            .notNull()
            .unique()
            .check(sql`slug ~ '^[0-9]{4}-[0-9]{2}(-[2-9]|-[1-9][0-9]+)?$'`),
        )
        .addColumn('label', 'text', (column) => column.notNull())
        .addColumn('planned_send_date', 'text', (column) =>
          column.notNull().check(sql`planned_send_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
        )
        .addColumn('headlines', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('html', 'text')
        .addColumn('etag', 'text')
        .addColumn('published_at', 'timestamptz')
        .addColumn('withdrawn_at', 'timestamptz')
        .addColumn('withdrawn_by', 'text', (column) => column.references('users.id'))
        .addColumn('withdraw_reason', 'text')
        // a page is stored with its ETag and time, or none of them
        .addCheckConstraint(
          'archive_entries_page_complete',
          sql`(html is null) = (etag is null) and (html is null) = (published_at is null)`,
        )
        .addCheckConstraint(
          'archive_entries_withdrawal_complete',
          sql`(withdrawn_at is null) = (withdrawn_by is null) and (withdrawn_at is null) = (withdraw_reason is null)`,
        )
        .execute()
      await sql`create index archive_entries_public on archive_entries (planned_send_date desc, published_at desc) where published_at is not null and withdrawn_at is null`.execute(
        db,
      )
    },
  },
  '0013-article-versions': {
    // Kept states of an article (docs/decisions/0013-article-versions.md): numbered per article
    // by the unique key; they go with their article when it leaves the articles (Papierkorb).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_versions')
        .addColumn('article_id', 'text', (column) =>
          column.notNull().references('articles.id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (column) => column.notNull().check(sql`number > 0`))
        .addColumn('headline', 'text', (column) => column.notNull())
        .addColumn('body', 'jsonb', (column) => column.notNull())
        .addColumn('photos', 'jsonb', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
        .addColumn('reason', 'text', (column) =>
          column
            .notNull()
            .check(
              sql`reason in ('pause', 'status', 'submitted', 'approved', 'before_restore', 'restored')`,
            ),
        )
        .addColumn('restored_from', 'integer')
        .addPrimaryKeyConstraint('article_versions_pkey', ['article_id', 'number'])
        .addCheckConstraint(
          'article_versions_restored_from',
          sql`(reason = 'restored') = (restored_from is not null)`,
        )
        .execute()
    },
  },
  '0014-notifications': {
    // In-app notifications (docs/decisions/0014-notifications.md): each for one person; `seq`
    // orders those made at the same moment. They go with their person or issue.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('seq', 'bigserial', (column) => column.notNull().unique())
        .addColumn('recipient_id', 'text', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (column) =>
          column
            .notNull()
            .check(sql`kind in ('issue_submitted', 'issue_approved', 'changes_requested')`),
        )
        .addColumn('issue_id', 'text', (column) =>
          column.notNull().references('issues.id').onDelete('cascade'),
        )
        .addColumn('actor_id', 'text', (column) => column.notNull().references('users.id'))
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('read_at', 'timestamptz')
        .addCheckConstraint('notifications_not_own_step', sql`recipient_id <> actor_id`)
        .execute()
      await db.schema
        .createIndex('notifications_recipient_created')
        .on('notifications')
        .columns(['recipient_id', 'created_at desc', 'seq desc'])
        .execute()
    },
  },
  '0015-comments': {
    // Comment threads on articles (docs/decisions/0015-comments.md): a thread and its comments
    // go with their article (as its versions do); `seq` orders what was made at the same moment.
    // Notifications may be about a comment: then they name the article and the thread, no issue.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('comment_threads')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('seq', 'bigserial', (column) => column.notNull().unique())
        .addColumn('article_id', 'text', (column) =>
          column.notNull().references('articles.id').onDelete('cascade'),
        )
        .addColumn('quote', 'text', (column) => column.notNull())
        .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('resolved_at', 'timestamptz')
        .addColumn('resolved_by', 'text', (column) => column.references('users.id'))
        .addCheckConstraint(
          'comment_threads_resolution',
          sql`(resolved_at is null) = (resolved_by is null)`,
        )
        .execute()
      await db.schema
        .createIndex('comment_threads_article')
        .on('comment_threads')
        .columns(['article_id', 'seq'])
        .execute()
      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('seq', 'bigserial', (column) => column.notNull().unique())
        .addColumn('thread_id', 'text', (column) =>
          column.notNull().references('comment_threads.id').onDelete('cascade'),
        )
        .addColumn('author_id', 'text', (column) => column.notNull().references('users.id'))
        .addColumn('text', 'text', (column) => column.notNull().check(sql`length(text) > 0`))
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('edited_at', 'timestamptz')
        .execute()
      await db.schema
        .createIndex('comments_thread')
        .on('comments')
        .columns(['thread_id', 'seq'])
        .execute()
      await sql`alter table notifications
        alter column issue_id drop not null,
        add column article_id text references articles (id) on delete cascade,
        add column thread_id text references comment_threads (id) on delete cascade,
        drop constraint notifications_kind_check,
        add constraint notifications_kind_check check (
          (kind in ('issue_submitted', 'issue_approved', 'changes_requested')
            and issue_id is not null)
          or (kind in ('comment_mention', 'comment_reply')
            and article_id is not null and thread_id is not null)
        )`.execute(db)
    },
  },
  '0016-reminders': {
    // Reminders before a Redaktionsschluss and notification e-mails
    // (docs/decisions/0016-reminders.md): a person's address and switches; a reminder is a
    // notification without an actor; each reminder key once; e-mails in a queue of their own.
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('users')
        .addColumn('email', 'text', (column) =>
          column.check(sql`email ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
        )
        .execute()
      await db.schema
        .alterTable('users')
        .addColumn('notify_by_email', 'boolean', (column) => column.notNull().defaultTo(true))
        .execute()
      await db.schema
        .alterTable('users')
        .addColumn('reminders_enabled', 'boolean', (column) => column.notNull().defaultTo(true))
        .execute()
      await sql`alter table notifications drop constraint notifications_kind_check`.execute(db)
      await sql`alter table notifications add constraint notifications_kind_check check (
          (kind in ('issue_submitted', 'issue_approved', 'changes_requested', 'deadline_reminder')
            and issue_id is not null)
          or (kind in ('comment_mention', 'comment_reply')
            and article_id is not null and thread_id is not null)
        )`.execute(db)
      await sql`alter table notifications alter column actor_id drop not null`.execute(db)
      await db.schema.alterTable('notifications').addColumn('reminder', 'jsonb').execute()
      await sql`alter table notifications add constraint notifications_reminder_shape check ((kind = 'deadline_reminder') = (actor_id is null) and (kind = 'deadline_reminder') = (reminder is not null))`.execute(
        db,
      )
      await db.schema
        .createTable('deadline_reminders')
        .addColumn('issue_id', 'text', (column) =>
          column.notNull().references('issues.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (column) =>
          column.notNull().check(sql`kind in ('three_days', 'one_day')`),
        )
        .addColumn('recipient_id', 'text', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('deadline', 'timestamptz', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addPrimaryKeyConstraint('deadline_reminders_pkey', [
          'issue_id',
          'kind',
          'recipient_id',
          'deadline',
        ])
        .execute()
      await db.schema
        .createTable('notification_mails')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('notification_id', 'text', (column) =>
          column.notNull().unique().references('notifications.id').onDelete('cascade'),
        )
        .addColumn('to_address', 'text', (column) => column.notNull())
        .addColumn('subject', 'text', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('html', 'text', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('status', 'text', (column) =>
          column.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
        )
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'timestamptz', (column) => column.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', 'timestamptz')
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'timestamptz')
        .execute()
      await sql`create index notification_mails_open on notification_mails (next_attempt_at) where status in ('pending', 'sending')`.execute(
        db,
      )
    },
  },
  '0017-notification-mail-finished': {
    // When a notification e-mail was sent or given up, so that it can be deleted 30 days later
    // (docs/decisions/0016-reminders.md, retention). A mail given up before this has no such
    // moment: its last planned attempt stands in (the attempt came at most a round later).
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('notification_mails')
        .addColumn('finished_at', 'timestamptz')
        .execute()
      await sql`update notification_mails
        set finished_at = case when status = 'sent' then coalesce(sent_at, next_attempt_at)
                               else next_attempt_at end
        where status in ('sent', 'failed')`.execute(db)
      await sql`alter table notification_mails add constraint notification_mails_finished check ((status in ('sent', 'failed')) = (finished_at is not null))`.execute(
        db,
      )
      await sql`create index notification_mails_finished_at on notification_mails (finished_at) where finished_at is not null`.execute(
        db,
      )
      await sql`create index deadline_reminders_deadline on deadline_reminders (deadline)`.execute(
        db,
      )
    },
  },
  '0018-notification-retention': {
    // Notifications are deleted 90 days after they were read, unread ones a year after they were
    // made (docs/decisions/0014-notifications.md, retention): the hourly purge finds each kind by
    // an index of its own instead of reading the whole table.
    async up(db: Kysely<unknown>) {
      await sql`create index notifications_read_at on notifications (read_at) where read_at is not null`.execute(
        db,
      )
      await sql`create index notifications_unread_created_at on notifications (created_at) where read_at is null`.execute(
        db,
      )
    },
  },
}

function migrator(db: Kysely<unknown>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((step) => step.status === 'Error')?.migrationName
    throw new Error(`Datenbank-Migration ${failed ?? ''} fehlgeschlagen`, { cause: result.error })
  }
  return result
}

/** Brings the schema to the newest version (run on every start; does nothing when current). */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  return check(await migrator(db).migrateToLatest())
}

/** Brings the schema to a named version, e.g. to test an upgrade from it. */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<MigrationResultSet> {
  return check(await migrator(db).migrateTo(name))
}
