import { escapeHtml } from './escape-html'
import { htmlDocument } from './html-document'
import { impressumParagraphs, mastheadIssueLine, subtitleLine } from './impressum'
import { defaultLayout, fontStack, photoSide, safeColor, type LayoutSettings } from './layout'
import { photoAlt, photoDimensions, photoWidth, safeImageUrl } from './photo-html'
import type { RenderModel } from './render-model'
import { richTextHtml } from './rich-text-html'
import { creditLine } from '../domain/photo-credit'

/**
 * Shared article markup of the web page and the print version: semantic headings, figure/figcaption.
 * Photos beside the text come right after the headline so that the text flows around them; photos
 * across the full width follow the text.
 */
export function articlesHtml(
  model: RenderModel,
  photoWidth: number,
  layout: LayoutSettings = model.publication.layout ?? defaultLayout,
): string {
  const beside = photoSide(layout) !== null
  return model.articles
    .map((article) => {
      const figures = article.photos
        .map((photo) => {
          const src = safeImageUrl(model.photoUrl(photo.mediaId))
          const { width, height } = photoDimensions(model, photo, photoWidth)
          const caption = [
            photo.credit ? `<p class="credit">${escapeHtml(creditLine(photo.credit))}</p>` : '',
            photo.caption ? `<p class="caption">${escapeHtml(photo.caption)}</p>` : '',
          ].join('')
          return `<figure>${src ? `<img src="${escapeHtml(src)}" alt="${photoAlt(photo)}" width="${width}" height="${height}">` : ''}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
        })
        .join('\n')
      const headline = `<h2>${escapeHtml(article.headline)}</h2>`
      const body = richTextHtml(article.body)
      return beside && figures
        ? `<article>\n${headline}\n${figures}\n${body}\n</article>`
        : `<article>\n${headline}\n${body}\n${figures}\n</article>`
    })
    .join('\n')
}

/** Masthead and Impressum shared by web and print. */
export function frameHtml(model: RenderModel, layout: LayoutSettings) {
  const { publication } = model
  const logoUrl = layout.logoMediaId ? safeImageUrl(model.photoUrl(layout.logoMediaId)) : null
  const logo = logoUrl
    ? `<img class="logo" src="${escapeHtml(logoUrl)}" alt="${escapeHtml(publication.impressum.publisher)}" height="64">`
    : ''
  const issueLine = layout.mastheadIssueLine
    ? `<p class="issue-line">${escapeHtml(mastheadIssueLine(model.issue))}</p>`
    : ''
  const masthead = `<header class="masthead">${logo}<h1>${escapeHtml(publication.title)}</h1><p class="subtitle">${escapeHtml(subtitleLine(publication.subtitle))}</p>${issueLine}</header>`
  const impressum = `<footer class="impressum"><h2>Impressum</h2>${impressumParagraphs(model)
    .map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`)
    .join('')}<p class="unsubscribe">${escapeHtml(publication.unsubscribeText)}</p></footer>`
  return { masthead, impressum }
}

/** Base CSS of web and print, from the layout settings (only validated values reach it). */
export function baseCss(layout: LayoutSettings): string {
  const accent = safeColor(layout.accentColor)
  const side = photoSide(layout)
  const photos = side
    ? `figure { float: ${side}; clear: ${side}; width: 45%; margin: 0.35rem ${side === 'left' ? '1.25rem 0.75rem 0' : '0 0.75rem 1.25rem'}; } figure img { display: block; width: 100%; height: auto; } article::after { content: ""; display: block; clear: both; }`
    : 'figure { margin: 1rem 0; } figure img { display: block; width: 100%; height: auto; }'
  return `body { margin: 0; font-family: ${fontStack(layout.bodyFont)}; color: #1d2330; background: #ffffff; line-height: 1.5; }
h1, h2, h3, h4, h5 { font-family: ${fontStack(layout.headingFont)}; color: ${accent}; line-height: 1.25; }
.masthead { text-align: center; border-bottom: 3px solid ${accent}; margin-bottom: 1.5rem; }
.masthead h1 { margin: 0; font-size: 1.6rem; }
.logo { display: block; margin: 0 auto 0.5rem; height: 64px; width: auto; }
.subtitle { margin: 0.25rem 0 1rem; font-size: 1.1rem; }
.issue-line { margin: -0.5rem 0 1rem; font-size: 0.95rem; font-weight: bold; }
figcaption p { margin: 0.2rem 0 0; font-size: 0.9rem; }
.credit { color: #4f5766; }
.impressum { border-top: 1px solid #c9ced6; margin-top: 2rem; font-size: 0.92rem; }
.impressum h2 { font-size: 1.1rem; }
a { color: ${accent}; }
${photos}`
}

/** The issue as an accessible standalone web page. */
export function renderWeb(
  model: RenderModel,
  layout: LayoutSettings = model.publication.layout ?? defaultLayout,
): string {
  const { masthead, impressum } = frameHtml(model, layout)
  const title = `${model.publication.title} – ${model.issue.label}`
  return htmlDocument({
    title,
    css: `${baseCss(layout)}
.page { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem; }
@media (max-width: 32rem) { figure { float: none; width: auto; margin: 0 0 1rem; } }`,
    body: `<div class="page">
${masthead}
<main>
${articlesHtml(model, photoWidth('web', layout), layout)}
</main>
${impressum}
</div>`,
  })
}
