import { escapeHtml } from './escape-html'
import { impressumParagraphs, mastheadIssueLine, subtitleLine } from './impressum'
import { defaultLayout, fontStack, photoSide, safeColor, type LayoutSettings } from './layout'
import { photoAlt, photoDimensions, photoWidth, safeImageUrl } from './photo-html'
import type { RenderModel } from './render-model'
import { richTextHtml, type ElementStyles } from './rich-text-html'
import { creditLine } from '../domain/photo-credit'

const contentWidth = 536

/**
 * What a sent message adds to the approved rendering: the recipient's own unsubscribe link, and
 * the address of the issue's page in the public archive ("Im Browser ansehen").
 */
export interface EmailDelivery {
  unsubscribeUrl?: string
  archiveUrl?: string
}

export const unsubscribeLinkText = 'Vom Newsletter abmelden'
export const archiveLinkText = 'Im Browser ansehen'

/** Space between the photo column and the text column when photos stand beside the text. */
const columnGap = 20
const textColor = '#222222'
const mutedColor = '#555555'

/** The preheader: the first headlines, shown by mail clients next to the subject. */
export function preheader(model: RenderModel): string {
  const text = model.articles.map((article) => article.headline).join(' · ')
  return text.length > 140 ? `${text.slice(0, 139)}…` : text
}

/**
 * The issue as an HTML e-mail: 600 px layout tables (role="presentation"), every style inline
 * (Outlook renders with Word and ignores most style sheets), width attributes on images, alt
 * texts, a hidden preheader, colours that stay readable when clients invert them for dark mode.
 * Photos beside the text stand in a two-column table (photo column, text column) whose cells
 * stack on narrow screens; clients without media queries (Outlook) keep the two columns at 600 px.
 * Hand-written instead of juice/MJML/React Email: the markup is small and fixed, so a pure function
 * without a DOM or a build step renders it the same in the browser, the tests and a server.
 */
export function renderEmail(
  model: RenderModel,
  layout: LayoutSettings = model.publication.layout ?? defaultLayout,
  delivery: EmailDelivery = {},
): string {
  const accent = safeColor(layout.accentColor)
  const unsubscribeLink = delivery.unsubscribeUrl
    ? `<br><a href="${escapeHtml(delivery.unsubscribeUrl)}" style="color:${accent};">${unsubscribeLinkText}</a>`
    : ''
  const body = fontStack(layout.bodyFont).replace(/"/g, "'")
  const heading = fontStack(layout.headingFont).replace(/"/g, "'")
  const archiveLink = delivery.archiveUrl
    ? `<p style="margin:0 0 8px;font-family:${body};font-size:13px;line-height:19px;color:${textColor};"><a href="${escapeHtml(delivery.archiveUrl)}" style="color:${textColor};text-decoration:underline;">${archiveLinkText}</a></p>\n`
    : ''
  const text = `margin:0 0 12px;font-family:${body};font-size:16px;line-height:24px;color:${textColor};`
  const styles: ElementStyles = {
    p: text,
    h3: `margin:16px 0 8px;font-family:${heading};font-size:17px;line-height:24px;color:${accent};`,
    h4: `margin:16px 0 8px;font-family:${heading};font-size:16px;line-height:24px;color:${accent};`,
    h5: `margin:16px 0 8px;font-family:${heading};font-size:16px;line-height:24px;color:${accent};`,
    ul: `margin:0 0 12px;padding-left:24px;font-family:${body};font-size:16px;line-height:24px;color:${textColor};`,
    ol: `margin:0 0 12px;padding-left:24px;font-family:${body};font-size:16px;line-height:24px;color:${textColor};`,
    li: 'margin:0 0 4px;',
    blockquote: `margin:0 0 12px;padding-left:12px;border-left:3px solid ${accent};`,
    a: `color:${accent};text-decoration:underline;`,
  }
  const { publication } = model
  const logoUrl = layout.logoMediaId ? safeImageUrl(model.photoUrl(layout.logoMediaId)) : null
  const logo = logoUrl
    ? `<img src="${escapeHtml(logoUrl)}" height="64" alt="${escapeHtml(publication.impressum.publisher)}" style="display:block;margin:0 auto 12px;height:64px;width:auto;border:0;">`
    : ''
  const row = (content: string, padding = '0 32px 16px') =>
    `<tr><td class="section" style="padding:${padding};">${content}</td></tr>`
  const side = photoSide(layout)
  const shownWidth = photoWidth('email', layout)

  const articles = model.articles
    .map((article) => {
      const photos = article.photos
        .map((photo) => {
          const src = safeImageUrl(model.photoUrl(photo.mediaId))
          const { width, height } = photoDimensions(model, photo, shownWidth)
          const image = src
            ? `<img src="${escapeHtml(src)}" width="${width}" height="${height}" alt="${photoAlt(photo)}" style="display:block;width:100%;max-width:${width}px;height:auto;border:0;outline:none;text-decoration:none;">`
            : ''
          const credit = photo.credit
            ? `<p style="margin:6px 0 0;font-family:${body};font-size:13px;line-height:18px;color:${mutedColor};">${escapeHtml(creditLine(photo.credit))}</p>`
            : ''
          const caption = photo.caption
            ? `<p style="margin:2px 0 0;font-family:${body};font-size:14px;line-height:20px;color:${textColor};">${escapeHtml(photo.caption)}</p>`
            : ''
          return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;"><tr><td>${image}${credit}${caption}</td></tr></table>`
        })
        .join('')
      const headline = `<h2 style="margin:8px 0 12px;font-family:${heading};font-size:20px;line-height:26px;color:${accent};">${escapeHtml(article.headline)}</h2>`
      const text = richTextHtml(article.body, styles, 1)
      if (!side || photos === '') return row(`${headline}${text}${photos}`, '16px 32px 8px')
      // dir="rtl" puts the photo column (first in the source, so first when stacked) on the right
      const textWidth = contentWidth - shownWidth - columnGap
      const gap =
        side === 'left' ? `padding:0 ${columnGap}px 0 0;` : `padding:0 0 0 ${columnGap}px;`
      const columns = `<table role="presentation" width="${contentWidth}" cellpadding="0" cellspacing="0" border="0" class="columns"${side === 'right' ? ' dir="rtl"' : ''} style="width:100%;"><tr><td class="column photo-column" width="${shownWidth + columnGap}" valign="top" dir="ltr" style="width:${shownWidth + columnGap}px;${gap}">${photos}</td><td class="column text-column" width="${textWidth}" valign="top" dir="ltr" style="width:${textWidth}px;">${text}</td></tr></table>`
      return row(`${headline}${columns}`, '16px 32px 8px')
    })
    .join('\n')

  const issueLine = layout.mastheadIssueLine
    ? `<p style="margin:6px 0 0;font-family:${body};font-size:15px;line-height:22px;font-weight:bold;color:${textColor};">${escapeHtml(mastheadIssueLine(model.issue))}</p>`
    : ''
  const impressum = impressumParagraphs(model)
    .map(
      (lines) =>
        `<p style="margin:0 0 10px;font-family:${body};font-size:13px;line-height:19px;color:${mutedColor};">${lines.map(escapeHtml).join('<br>')}</p>`,
    )
    .join('')

  return `<!doctype html>
<html lang="de" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(`${publication.title} – ${model.issue.label}`)}</title>
<style>@media only screen and (max-width:620px){.container{width:100%!important}.container td.section{padding-left:16px!important;padding-right:16px!important}.columns{width:100%!important}.columns td.column{display:block!important;width:100%!important;max-width:100%!important;padding:0!important;box-sizing:border-box}.columns td.photo-column img{max-width:100%!important}}</style>
</head>
<body style="margin:0;padding:0;background-color:#eeeeee;">
<div style="display:none;max-height:0;overflow:hidden;font-size:1px;line-height:1px;color:#eeeeee;">${escapeHtml(preheader(model))}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#eeeeee;">
<tr><td align="center" style="padding:16px 8px;">
${archiveLink}<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;background-color:#ffffff;">
<tr><td align="center" class="section" style="padding:28px 32px 20px;border-bottom:4px solid ${accent};">
${logo}<h1 style="margin:0;font-family:${heading};font-size:24px;line-height:30px;color:${accent};">${escapeHtml(publication.title)}</h1>
<p style="margin:8px 0 0;font-family:${body};font-size:17px;line-height:24px;color:${textColor};">${escapeHtml(subtitleLine(publication.subtitle))}</p>${issueLine}
</td></tr>
${articles}
<tr><td class="section" style="padding:16px 32px 8px;border-top:1px solid #cccccc;">
<h2 style="margin:8px 0 10px;font-family:${heading};font-size:16px;line-height:22px;color:${textColor};">Impressum</h2>
${impressum}
</td></tr>
<tr><td class="section" style="padding:8px 32px 28px;"><p style="margin:0;font-family:${body};font-size:13px;line-height:19px;color:${mutedColor};">${escapeHtml(publication.unsubscribeText)}${unsubscribeLink}</p></td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`
}

/** Byte size of a rendered e-mail (UTF-8), to compare with Gmail's ~102 KB clip limit. */
export const byteSize = (html: string) => new TextEncoder().encode(html).length
