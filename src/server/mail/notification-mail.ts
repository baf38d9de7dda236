import { escapeHtml } from '../../render/escape-html'

/** The content of a notification e-mail, fixed when it is queued. */
export interface NotificationMailContent {
  subject: string
  text: string
  html: string
}

/**
 * A notification as a short German e-mail: the bell's sentence as subject and first line, the
 * link to its place in the app, and where to switch these e-mails off. Plain text and a simple
 * HTML version of the same.
 */
export function composeNotificationMail(input: {
  recipientName: string
  text: string
  link: string
  settingsLink: string
}): NotificationMailContent {
  const greeting = input.recipientName ? `Guten Tag ${input.recipientName},` : 'Guten Tag,'
  const footer =
    'Sie erhalten diese E-Mail, weil Sie in Rundbrief „Benachrichtigungen auch per E-Mail“ eingeschaltet haben.'
  const text = [
    greeting,
    '',
    `${input.text}.`,
    '',
    `Öffnen: ${input.link}`,
    '',
    '-- ',
    footer,
    `Abschalten: ${input.settingsLink}`,
    '',
  ].join('\n')
  const html = `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>${escapeHtml(input.text)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(input.text)}.</p>
<p><a href="${escapeHtml(input.link)}" style="color: #0b4f8a;">In Rundbrief öffnen</a></p>
<p style="font-size: 14px; color: #444;">${escapeHtml(footer)}<br><a href="${escapeHtml(input.settingsLink)}" style="color: #0b4f8a;">Benachrichtigungen einstellen</a></p>
</body>
</html>
`
  return { subject: input.text, text, html }
}
