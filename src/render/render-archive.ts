import type { ArchiveList } from '../domain/archive'
import { formatBerlinDate } from '../domain/deadline'
import { issueTitle } from '../domain/issue'
import type { Publication } from '../domain/publication'
import { escapeHtml } from './escape-html'
import { htmlDocument } from './html-document'
import { subtitleLine } from './impressum'
import { defaultLayout, type LayoutSettings } from './layout'
import { photoWidth } from './photo-html'
import type { RenderModel } from './render-model'
import { articlesHtml, baseCss, frameHtml } from './render-web'

/** Absolute addresses a page of the archive links to. */
export interface ArchiveLinks {
  overviewUrl: string
  rssUrl: string
  atomUrl: string
}

const pageCss = `.page { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 2rem; }
.archive-nav { margin: 0 0 1rem; font-size: 0.95rem; }
.archive-nav a, .feeds a { font-weight: bold; }
@media (max-width: 32rem) { figure { float: none; width: auto; margin: 0 0 1rem; } }`

function documentHtml(
  title: string,
  layout: LayoutSettings,
  links: ArchiveLinks,
  extraCss: string,
  body: string,
): string {
  return htmlDocument({
    title,
    head: [
      `<link rel="alternate" type="application/rss+xml" title="RSS" href="${escapeHtml(links.rssUrl)}">`,
      `<link rel="alternate" type="application/atom+xml" title="Atom" href="${escapeHtml(links.atomUrl)}">`,
    ],
    css: `${baseCss(layout)}
${pageCss}${extraCss ? `\n${extraCss}` : ''}`,
    body: `<div class="page">
${body}
</div>`,
  })
}

/**
 * The archive page of a sent issue: the approved articles with photos (by absolute address),
 * captions and credits, the Impressum, and a link to the Übersicht. No script; the styles are
 * one `<style>` element, so that the server's Content-Security-Policy holds for it as it is.
 */
export function renderArchivePage(
  model: RenderModel,
  links: ArchiveLinks,
  layout: LayoutSettings = model.publication.layout ?? defaultLayout,
): string {
  const { masthead, impressum } = frameHtml(model, layout)
  const nav = `<nav class="archive-nav" aria-label="Archiv"><a href="${escapeHtml(links.overviewUrl)}">Alle Ausgaben im Archiv</a></nav>`
  return documentHtml(
    `${model.publication.title} – ${issueTitle(model.issue.label)}`,
    layout,
    links,
    '',
    `${nav}
${masthead}
<main>
${articlesHtml(model, photoWidth('web', layout), layout)}
</main>
${impressum}`,
  )
}

/** The Übersicht of the archive: every published issue, newest first, with its headlines. */
export function renderArchiveOverview(
  list: ArchiveList,
  publication: Publication,
  links: ArchiveLinks,
  layout: LayoutSettings = publication.layout ?? defaultLayout,
): string {
  const items = list.items
    .map((item) => {
      const headlines = item.headlines
        .map((headline) => `<li>${escapeHtml(headline)}</li>`)
        .join('')
      return `<li class="issue">
<h3><a href="${escapeHtml(item.url)}">${escapeHtml(issueTitle(item.label))}</a></h3>
<p class="date">erschienen am ${escapeHtml(formatBerlinDate(item.plannedSendDate))}</p>
${headlines ? `<ul class="headlines">${headlines}</ul>` : ''}
</li>`
    })
    .join('\n')
  const content = items
    ? `<ol class="issues">\n${items}\n</ol>`
    : '<p>Es ist noch keine Ausgabe im Archiv.</p>'
  return documentHtml(
    `Archiv – ${publication.title}`,
    layout,
    links,
    `.issues { list-style: none; margin: 0; padding: 0; }
.issue { border-bottom: 1px solid #c9ced6; padding: 0.5rem 0 1rem; }
.issue h3 { margin: 0.5rem 0 0.25rem; font-size: 1.2rem; }
.date { margin: 0 0 0.5rem; color: #4f5766; }
.headlines { margin: 0; padding-left: 1.25rem; list-style: disc; }`,
    `<header class="masthead"><h1>${escapeHtml(publication.title)}</h1><p class="subtitle">${escapeHtml(subtitleLine(publication.subtitle))}</p></header>
<main>
<h2>Archiv aller Ausgaben</h2>
<p class="feeds">Neue Ausgaben als Feed: <a href="${escapeHtml(links.rssUrl)}">RSS</a> · <a href="${escapeHtml(links.atomUrl)}">Atom</a></p>
${content}
</main>`,
  )
}
