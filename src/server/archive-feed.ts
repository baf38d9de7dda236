import type { Feed } from 'feed'
import type { ArchiveList } from '../domain/archive'
import { issueTitle } from '../domain/issue'
import type { Publication } from '../domain/publication'
import type { ArchiveLinks } from '../render/render-archive'

/**
 * The archive as a feed (RSS 2.0 and Atom from the same entries, written by the `feed` library):
 * one item per published issue, newest first, its headlines as the description. The library (and
 * its XML writer) is loaded when a feed is asked for, so that the demo's handler chunk, which the
 * browser loads at start, does not carry it.
 */
export async function archiveFeed(
  list: ArchiveList,
  publication: Publication,
  links: ArchiveLinks,
  now: Date,
): Promise<Feed> {
  const { Feed } = await import('feed')
  const newest = list.items.reduce<string | null>(
    (latest, item) => (latest === null || item.publishedAt > latest ? item.publishedAt : latest),
    null,
  )
  const feed = new Feed({
    id: links.overviewUrl,
    title: publication.title,
    description: `Archiv: ${publication.subtitle}`,
    link: links.overviewUrl,
    language: 'de',
    updated: newest ? new Date(newest) : now,
    generator: false,
    copyright: publication.impressum.publisher,
    // Atom (RFC 4287) wants an author for the feed when its entries name none
    author: { name: publication.impressum.publisher, link: links.overviewUrl },
    feedLinks: { rss: links.rssUrl, atom: links.atomUrl },
  })
  for (const item of list.items) {
    feed.addItem({
      title: `${issueTitle(item.label)} – ${publication.title}`,
      id: item.url,
      link: item.url,
      date: new Date(item.publishedAt),
      published: new Date(item.publishedAt),
      description: item.headlines.join(' · '),
    })
  }
  return feed
}
