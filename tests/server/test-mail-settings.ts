import type { MailSettings } from '../../src/server/context'
import type { MailPort } from '../../src/server/mail/mail-port'
import type { Store } from '../../src/server/store'

/** Mail settings of a server at https://rundbrief.gera.de that sends through `port`. */
export const testMailSettings = (port: MailPort): MailSettings => ({
  port,
  from: 'Rundbrief <rundbrief@gera.de>',
  list: {
    publicUrl: 'https://rundbrief.gera.de',
    listId: 'soziales.rundbrief.gera.de',
    listName: 'Nachrichten',
    unsubscribeMailbox: 'abmelden@gera.de',
    messageDomain: 'gera.de',
  },
  secret: 'x'.repeat(48),
  confirmationHours: 48,
})

/** An unread "eingereicht" notification of the Dezernentin, made at `at`. */
export const notificationOfTheHead = (id: string, at: Date) => ({
  id,
  recipientId: 'sandra-wanzar',
  kind: 'issue_submitted' as const,
  issueId: 'ausgabe-2018-08',
  articleId: null,
  threadId: null,
  actorId: 'frank-ruehling',
  createdAt: at.toISOString(),
  readAt: null,
})

/**
 * Queues one notification e-mail per id (with its notification) to the Dezernentin, made at
 * `at`; the mails' ids are `mail-<id>`.
 */
export async function queueNotificationMails(store: Store, ids: readonly string[], at: Date) {
  await store.transaction(async (tx) => {
    await tx.insertNotifications(ids.map((id) => notificationOfTheHead(id, at)))
    await tx.insertNotificationMails(
      ids.map((id) => ({
        id: `mail-${id}`,
        notificationId: id,
        to: 'sandra.wanzar@gera.de',
        subject: `Zur Freigabe eingereicht (${id})`,
        text: 'Text',
        html: '<p>Text</p>',
        createdAt: at.toISOString(),
      })),
    )
  })
  return ids.map((id) => `mail-${id}`)
}
