import type { MailSettings } from '../../src/server/context'
import type { MailPort } from '../../src/server/mail/mail-port'

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
