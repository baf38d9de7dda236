import { describe, expect, it } from 'vitest'
import type { Store, StoreTx } from '../../src/server/store'
import { storesForTests } from './test-stores'

/*
 * A notification's e-mail goes with the notification, on every store as the database's foreign
 * key (notification_mails.notification_id, on delete cascade) takes it: when the notification
 * goes with its comment thread or with its article (deleted, or moved into the Papierkorb).
 */

const { stores } = storesForTests('rundbrief_mail_kaskade')
const at = '2027-03-27T11:00:00.000Z'
const articleId = 'beitrag-aus-dem-themenspeicher'
const threadId = 'faden-kaskade'

/** An article in the Themenspeicher with a thread, a mention of the Dezernentin and its mail. */
async function articleWithMailedMention(store: Store) {
  await store.transaction(async (tx) => {
    const model = await tx.getArticle('beitrag-01-antrittsbesuch')
    if (!model) throw new Error('Der Beitrag der Seed-Daten fehlt')
    const { issueId: _issueId, ...article } = model
    await tx.insertArticle({ ...article, id: articleId, version: 1 })
    await tx.insertCommentThread(
      {
        id: threadId,
        articleId,
        quote: 'Oberbürgermeister',
        createdBy: 'frank-ruehling',
        createdAt: at,
        resolvedAt: null,
        resolvedBy: null,
      },
      {
        id: 'kommentar-kaskade',
        threadId,
        authorId: 'frank-ruehling',
        text: '@Sandra Wanzar bitte prüfen',
        createdAt: at,
        editedAt: null,
      },
    )
    await tx.insertNotifications([
      {
        id: 'hinweis-kaskade',
        recipientId: 'sandra-wanzar',
        kind: 'comment_mention',
        issueId: null,
        articleId,
        threadId,
        actorId: 'frank-ruehling',
        createdAt: at,
        readAt: null,
      },
    ])
    await tx.insertNotificationMails([
      {
        id: 'mail-kaskade',
        notificationId: 'hinweis-kaskade',
        to: 'sandra.wanzar@gera.de',
        subject: 'Sie wurden erwähnt',
        text: 'Text',
        html: '<p>Text</p>',
        createdAt: at,
      },
    ])
  })
}

/** The mails a worker would take now. */
const dueMails = (store: Store) =>
  store.transaction(async (tx) => {
    const mails = await tx.claimNotificationMails({
      workerId: 'prozess-a',
      now: at,
      limit: 20,
      leaseExpiredBefore: at,
    })
    return mails.map((mail) => mail.id)
  })

const deletions: [string, (tx: StoreTx) => Promise<boolean>][] = [
  ['mit ihrem Gespräch', (tx) => tx.deleteCommentThread(threadId)],
  ['mit ihrem Beitrag', (tx) => tx.deleteArticle(articleId, 1)],
  [
    'mit ihrem Beitrag im Papierkorb',
    (tx) => tx.moveArticleToTrash(articleId, 1, { deletedAt: at, deletedBy: 'frank-ruehling' }),
  ],
]

describe.each(stores)('E-Mail einer gelöschten Benachrichtigung (%s)', (_name, makeStore) => {
  it.each(deletions)('geht mit der Benachrichtigung %s', async (_what, remove) => {
    const store = await makeStore()
    await articleWithMailedMention(store)
    expect(
      await store.transaction((tx) => tx.listNotifications('sandra-wanzar', 50)),
    ).toContainEqual(expect.objectContaining({ id: 'hinweis-kaskade' }))

    expect(await store.transaction(remove)).toBe(true)

    expect(
      await store.transaction((tx) => tx.listNotifications('sandra-wanzar', 50)),
    ).not.toContainEqual(expect.objectContaining({ id: 'hinweis-kaskade' }))
    expect(await dueMails(store)).toEqual([])
  })
})
