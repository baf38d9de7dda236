import { sql, type Selectable, type Transaction } from 'kysely'
import { skippedReasons } from '../../domain/delivery'
import type { Subscriber } from '../../domain/subscriber'
import type { DeliveryCounts, SendJob, StoreTx } from '../store'
import type { Database, SendsTable, SubscribersTable } from './database-schema'

const iso = (date: Date | null) => (date ? date.toISOString() : null)

const subscriberOf = (row: Selectable<SubscribersTable>): Subscriber => ({
  id: row.id,
  email: row.email,
  name: row.name,
  organisation: row.organisation,
  status: row.status,
  consentVersion: row.consent_version,
  requestedAt: row.requested_at.toISOString(),
  confirmedAt: iso(row.confirmed_at),
  unsubscribedAt: iso(row.unsubscribed_at),
})

const sendOf = (row: Selectable<SendsTable>): SendJob => ({
  id: row.id,
  issueId: row.issue_id,
  status: row.status,
  scheduledAt: row.scheduled_at.toISOString(),
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  finishedAt: iso(row.finished_at),
  message: row.message,
})

type SendQueueTx = Pick<
  StoreTx,
  | 'deliveryStates'
  | 'releaseDeliveries'
  | 'listSubscribers'
  | 'getSubscriber'
  | 'countConfirmedSubscribers'
  | 'existingEmails'
  | 'insertSubscribers'
  | 'eraseSubscriber'
  | 'suppressedHashes'
  | 'unsuppress'
  | 'setConfirmationRequest'
  | 'getSubscriberByConfirmation'
  | 'confirmSubscriber'
  | 'purgeUnconfirmedSubscribers'
  | 'listSends'
  | 'listDeliveryProblems'
  | 'cancelScheduledSends'
  | 'insertSubscriber'
  | 'getSubscriberByEmail'
  | 'unsubscribe'
  | 'insertSend'
  | 'getSend'
  | 'setSendStatus'
  | 'startDueSends'
  | 'claimDeliveries'
  | 'completeDelivery'
  | 'finishCompletedSends'
  | 'deliveryCounts'
>

/** Recipients and the send queue on PostgreSQL (see docs/decisions/0009-send-queue.md). */
export function sendQueueTx(db: Transaction<Database>): SendQueueTx {
  const subscriberRow = (subscriber: Subscriber) => ({
    id: subscriber.id,
    email: subscriber.email,
    name: subscriber.name,
    organisation: subscriber.organisation,
    status: subscriber.status,
    consent_version: subscriber.consentVersion,
    requested_at: subscriber.requestedAt,
    confirmed_at: subscriber.confirmedAt,
    unsubscribed_at: subscriber.unsubscribedAt,
  })
  return {
    listSubscribers: async ({ q, status }) => {
      let query = db.selectFrom('subscribers').selectAll().orderBy('email')
      if (status) query = query.where('status', '=', status)
      const needle = q?.trim().toLowerCase()
      if (needle) {
        const pattern = `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
        query = query.where((eb) =>
          eb.or([
            eb('email', 'like', pattern),
            eb(eb.fn('lower', ['name']), 'like', pattern),
            eb(eb.fn('lower', ['organisation']), 'like', pattern),
          ]),
        )
      }
      return (await query.execute()).map(subscriberOf)
    },
    getSubscriber: async (id) => {
      const row = await db
        .selectFrom('subscribers')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? subscriberOf(row) : null
    },
    countConfirmedSubscribers: async () => {
      const row = await db
        .selectFrom('subscribers')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('status', '=', 'confirmed')
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },
    existingEmails: async (emails) => {
      if (emails.length === 0) return []
      const rows = await db
        .selectFrom('subscribers')
        .select('email')
        .where('email', '=', sql<string>`any(${[...emails]}::text[])`)
        .execute()
      return rows.map((row) => row.email)
    },
    insertSubscribers: async (subscribers) => {
      let inserted = 0
      for (let start = 0; start < subscribers.length; start += 1000) {
        const result = await db
          .insertInto('subscribers')
          .values(subscribers.slice(start, start + 1000).map(subscriberRow))
          .onConflict((conflict) => conflict.column('email').doNothing())
          .executeTakeFirst()
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0)
      }
      return inserted
    },
    eraseSubscriber: async (id, suppression) => {
      const row = await db
        .deleteFrom('subscribers')
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
      if (!row) return null
      await db
        .insertInto('suppressed_addresses')
        .values({ email_hash: suppression.emailHash, suppressed_at: suppression.at })
        .onConflict((conflict) => conflict.column('email_hash').doNothing())
        .execute()
      return subscriberOf(row)
    },
    suppressedHashes: async (hashes) => {
      if (hashes.length === 0) return []
      const rows = await db
        .selectFrom('suppressed_addresses')
        .select('email_hash')
        .where('email_hash', '=', sql<string>`any(${[...hashes]}::text[])`)
        .execute()
      return rows.map((row) => row.email_hash)
    },
    unsuppress: async (emailHash) => {
      await db.deleteFrom('suppressed_addresses').where('email_hash', '=', emailHash).execute()
    },
    setConfirmationRequest: async (subscriberId, request) => {
      await db
        .updateTable('subscribers')
        .set((eb) => ({
          status: 'pending',
          name: request.name === '' ? eb.ref('name') : request.name,
          consent_version: request.consentVersion,
          requested_at: request.requestedAt,
          confirmed_at: null,
          confirm_token_hash: request.tokenHash,
          confirm_expires_at: request.expiresAt,
        }))
        .where('id', '=', subscriberId)
        .execute()
    },
    getSubscriberByConfirmation: async (tokenHash) => {
      const row = await db
        .selectFrom('subscribers')
        .selectAll()
        .where('confirm_token_hash', '=', tokenHash)
        .executeTakeFirst()
      return row?.confirm_expires_at
        ? { subscriber: subscriberOf(row), expiresAt: row.confirm_expires_at.toISOString() }
        : null
    },
    confirmSubscriber: async (subscriberId, at) => {
      await db
        .updateTable('subscribers')
        .set({
          status: 'confirmed',
          confirmed_at: at,
          unsubscribed_at: null,
          confirm_token_hash: null,
          confirm_expires_at: null,
        })
        .where('id', '=', subscriberId)
        .execute()
    },
    purgeUnconfirmedSubscribers: async (requestedBefore) => {
      const result = await db
        .deleteFrom('subscribers')
        .where('status', '=', 'pending')
        .where('confirmed_at', 'is', null)
        .where('requested_at', '<', new Date(requestedBefore))
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },
    listSends: async (issueId) =>
      (
        await db
          .selectFrom('sends')
          .selectAll()
          .where('issue_id', '=', issueId)
          .orderBy('created_at', 'desc')
          .execute()
      ).map(sendOf),
    listDeliveryProblems: async (sendId, limit) =>
      (
        await db
          .selectFrom('deliveries')
          .innerJoin('subscribers', 'subscribers.id', 'deliveries.subscriber_id')
          .select(['subscribers.email', 'deliveries.status', 'deliveries.last_error'])
          .where('deliveries.send_id', '=', sendId)
          .where('deliveries.status', '<>', 'sent')
          .where('deliveries.last_error', 'is not', null)
          .orderBy('subscribers.email')
          .limit(limit)
          .execute()
      ).map((row) => ({ email: row.email, status: row.status, reason: row.last_error ?? '' })),
    cancelScheduledSends: async (issueId) => {
      const result = await db
        .deleteFrom('sends')
        .where('issue_id', '=', issueId)
        .where('status', '=', 'scheduled')
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },
    insertSubscriber: async (subscriber) => {
      await db.insertInto('subscribers').values(subscriberRow(subscriber)).execute()
    },
    getSubscriberByEmail: async (email) => {
      const row = await db
        .selectFrom('subscribers')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst()
      return row ? subscriberOf(row) : null
    },
    unsubscribe: async (subscriberId, at) => {
      await db
        .updateTable('subscribers')
        .set({ status: 'unsubscribed', unsubscribed_at: at })
        .where('id', '=', subscriberId)
        .execute()
      await db
        .updateTable('deliveries')
        .set({ status: 'skipped', last_error: skippedReasons.unsubscribed })
        .where('subscriber_id', '=', subscriberId)
        .where('status', 'in', ['pending', 'sending'])
        .execute()
    },
    deliveryStates: async (keys) => {
      if (keys.length === 0) return []
      const wanted = new Set(keys.map((key) => `${key.sendId}\u0000${key.subscriberId}`))
      const rows = await db
        .selectFrom('deliveries')
        .innerJoin('sends', 'sends.id', 'deliveries.send_id')
        .innerJoin('subscribers', 'subscribers.id', 'deliveries.subscriber_id')
        .select([
          'deliveries.send_id',
          'deliveries.subscriber_id',
          'deliveries.status',
          'deliveries.claimed_by',
          'sends.status as send_status',
          'subscribers.status as subscriber_status',
        ])
        .where(
          'deliveries.send_id',
          '=',
          sql<string>`any(${[...new Set(keys.map((key) => key.sendId))]}::text[])`,
        )
        .where(
          'deliveries.subscriber_id',
          '=',
          sql<string>`any(${[...new Set(keys.map((key) => key.subscriberId))]}::text[])`,
        )
        .execute()
      return rows
        .filter((row) => wanted.has(`${row.send_id}\u0000${row.subscriber_id}`))
        .map((row) => ({
          sendId: row.send_id,
          subscriberId: row.subscriber_id,
          status: row.status,
          claimedBy: row.claimed_by,
          sendStatus: row.send_status,
          subscriberStatus: row.subscriber_status,
        }))
    },
    releaseDeliveries: async (workerId, keys) => {
      for (const key of keys)
        await db
          .updateTable('deliveries')
          .set((eb) => ({
            status: 'pending',
            claimed_by: null,
            claimed_at: null,
            attempts: eb('attempts', '-', 1),
          }))
          .where('send_id', '=', key.sendId)
          .where('subscriber_id', '=', key.subscriberId)
          .where('claimed_by', '=', workerId)
          .where('status', '=', 'sending')
          .execute()
    },

    insertSend: async (send) => {
      await db
        .insertInto('sends')
        .values({
          id: send.id,
          issue_id: send.issueId,
          status: send.status,
          scheduled_at: send.scheduledAt,
          created_at: send.createdAt,
          created_by: send.createdBy,
          finished_at: send.finishedAt,
          message: JSON.stringify(send.message),
        })
        .execute()
      const inserted = await db
        .insertInto('deliveries')
        .columns(['send_id', 'subscriber_id', 'status', 'next_attempt_at'])
        .expression((select) =>
          select
            .selectFrom('subscribers')
            .select([
              sql<string>`${send.id}`.as('send_id'),
              'id',
              sql<string>`'pending'`.as('status'),
              sql<string>`${send.scheduledAt}::timestamptz`.as('next_attempt_at'),
            ])
            .where('status', '=', 'confirmed'),
        )
        .executeTakeFirst()
      return Number(inserted.numInsertedOrUpdatedRows ?? 0)
    },
    getSend: async (id) => {
      const row = await db.selectFrom('sends').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? sendOf(row) : null
    },
    setSendStatus: async (id, from, to) => {
      const result = await db
        .updateTable('sends')
        .set({ status: to })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst()
      return result.numUpdatedRows > 0n
    },
    startDueSends: async (now) =>
      (
        await db
          .updateTable('sends')
          .set({ status: 'running' })
          .where('status', '=', 'scheduled')
          .where('scheduled_at', '<=', new Date(now))
          .returning('id')
          .execute()
      ).map((row) => row.id),

    claimDeliveries: async ({ workerId, now, limit, leaseExpiredBefore }) => {
      const claimed = await sql<{
        send_id: string
        subscriber_id: string
        attempts: number
        email: string
        name: string
      }>`
        with picked as (
          select delivery.send_id, delivery.subscriber_id
          from deliveries delivery
          join sends on sends.id = delivery.send_id and sends.status = 'running'
          where (delivery.status = 'pending' and delivery.next_attempt_at <= ${now}::timestamptz)
             or (delivery.status = 'sending' and delivery.claimed_at < ${leaseExpiredBefore}::timestamptz)
          order by delivery.next_attempt_at, delivery.subscriber_id
          limit ${limit}
          for update of delivery skip locked
        )
        update deliveries
        set status = 'sending', claimed_by = ${workerId}, claimed_at = ${now}::timestamptz,
            attempts = deliveries.attempts + 1
        from picked, subscribers
        where deliveries.send_id = picked.send_id
          and deliveries.subscriber_id = picked.subscriber_id
          and subscribers.id = picked.subscriber_id
        returning deliveries.send_id, deliveries.subscriber_id, deliveries.attempts,
          subscribers.email, subscribers.name
      `.execute(db)
      return claimed.rows.map((row) => ({
        sendId: row.send_id,
        subscriber: {
          id: row.subscriber_id,
          email: row.email,
          name: row.name,
        },
        attempts: row.attempts,
      }))
    },
    completeDelivery: async ({ sendId, subscriberId, workerId, at, step }) => {
      const result = await db
        .updateTable('deliveries')
        .set({
          status: step.status,
          claimed_by: null,
          claimed_at: null,
          last_error: step.status === 'sent' ? null : step.reason,
          sent_at: step.status === 'sent' ? at : null,
          ...(step.status === 'pending'
            ? { next_attempt_at: step.nextAttemptAt.toISOString() }
            : {}),
        })
        .where('send_id', '=', sendId)
        .where('subscriber_id', '=', subscriberId)
        .where('claimed_by', '=', workerId)
        .where('status', '=', 'sending')
        .executeTakeFirst()
      return result.numUpdatedRows > 0n
    },
    finishCompletedSends: async (at) =>
      (
        await db
          .updateTable('sends')
          .set({ status: 'done', finished_at: at })
          .where('status', '=', 'running')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('deliveries')
                  .select('deliveries.send_id')
                  .whereRef('deliveries.send_id', '=', 'sends.id')
                  .where('deliveries.status', 'in', ['pending', 'sending']),
              ),
            ),
          )
          .returningAll()
          .execute()
      ).map(sendOf),
    deliveryCounts: async (sendId) => {
      const rows = await db
        .selectFrom('deliveries')
        .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
        .where('send_id', '=', sendId)
        .groupBy('status')
        .execute()
      const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 }
      for (const row of rows) counts[row.status] = Number(row.count)
      return counts
    },
  }
}
