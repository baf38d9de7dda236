import type { Subscriber } from '../../domain/subscriber'
import { escapeHtml } from '../../render/escape-html'
import type { SendJob } from '../store'
import type { OutgoingMessage } from './mail-port'

/**
 * Stands for the recipient's unsubscribe address in a send's stored rendering (rendered with
 * `unsubscribeUrl: unsubscribeUrlPlaceholder`); nothing else in a rendering looks like it.
 */
export const unsubscribeUrlPlaceholder = 'https://abmelden.rundbrief.invalid/persoenlicher-link'

export interface ListSettings {
  /** The server's public address, e.g. `https://rundbrief.gera.de` (no trailing slash). */
  publicUrl: string
  /** The list's identity (RFC 2919), e.g. `soziales.rundbrief.gera.de`. */
  listId: string
  /** Human name of the list, shown by mail programs beside List-Id. */
  listName: string
  /** Where a mail program's unsubscribe by e-mail goes. */
  unsubscribeMailbox: string
  /** Domain for Message-IDs, the sender's. */
  messageDomain: string
}

/**
 * One recipient's message: exactly the send's approved rendering with their own unsubscribe link,
 * and the headers that let mail programs offer unsubscribing (RFC 2369, RFC 8058 one-click).
 * The Message-ID is the same for every attempt of one delivery, so a repeat after a crash is
 * recognisable as the same message.
 */
export function composeIssueMessage(
  send: SendJob,
  recipient: Pick<Subscriber, 'id' | 'email'>,
  unsubscribeToken: string,
  list: ListSettings,
): OutgoingMessage {
  const unsubscribeUrl = `${list.publicUrl}/abmelden/${encodeURIComponent(unsubscribeToken)}`
  // mail programs POST to this address (RFC 8058); the link in the text opens a page with a button
  const oneClickUrl = `${list.publicUrl}/api/subscription/unsubscribe/${encodeURIComponent(unsubscribeToken)}`
  const mailto = `mailto:${list.unsubscribeMailbox}?subject=${encodeURIComponent('Abmelden')}`
  return {
    from: send.message.from,
    to: recipient.email,
    subject: send.message.subject,
    html: send.message.html.replaceAll(
      escapeHtml(unsubscribeUrlPlaceholder),
      escapeHtml(unsubscribeUrl),
    ),
    text: send.message.text.replaceAll(unsubscribeUrlPlaceholder, unsubscribeUrl),
    messageId: `<${encodeURIComponent(send.id)}.${encodeURIComponent(recipient.id)}@${list.messageDomain}>`,
    headers: {
      'List-Unsubscribe': `<${oneClickUrl}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${list.listName} <${list.listId}>`,
    },
  }
}
