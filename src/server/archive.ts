import {
  archiveFeedPaths,
  archiveOverviewPath,
  archivePagePath,
  archiveSlug,
  type ArchiveListItem,
  type IssueArchive,
} from '../domain/archive'
import type { Issue } from '../domain/issue'
import { renderArchivePage, type ArchiveLinks } from '../render/render-archive'
import type { AppContext, HandlerDeps } from './context'
import { articlesOf } from './issue-operations'
import { approvedArticles } from './mail/issue-mail'
import { publicRenderModel } from './public-render-model'
import { ConcurrentChange, type ArchiveEntry, type StoreTx } from './store'

/** The public address of the server: PUBLIC_URL, or the origin the request came to. */
export function publicUrlOf(deps: Pick<HandlerDeps, 'publicUrl'>, c: AppContext): string {
  return deps.publicUrl ?? new URL(c.req.url).origin
}

/** Absolute addresses of the Übersicht and the feeds below `publicUrl`. */
export function archiveLinks(publicUrl: string): ArchiveLinks {
  return {
    overviewUrl: `${publicUrl}${archiveOverviewPath}`,
    rssUrl: `${publicUrl}${archiveFeedPaths.rss}`,
    atomUrl: `${publicUrl}${archiveFeedPaths.atom}`,
  }
}

export const archiveUrl = (publicUrl: string, slug: string) =>
  `${publicUrl}${archivePagePath(slug)}`

/** A strong ETag of a stored page: the SHA-256 of its bytes. */
export async function archiveEtag(html: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(html))
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'))
  return `"${hex.join('')}"`
}

const monthOf = (issue: Pick<Issue, 'plannedSendDate'>) => issue.plannedSendDate.slice(0, 7)

/**
 * The address the issue has in the archive, or the one it would get now (for a test send
 * before the address is reserved; a simultaneous send of another issue may still take it).
 */
async function prospectiveArchiveSlug(tx: StoreTx, issue: Issue): Promise<string> {
  const entry = await tx.getArchiveEntry(issue.id)
  if (entry) return entry.slug
  return archiveSlug(issue.plannedSendDate, new Set(await tx.archiveSlugsOfMonth(monthOf(issue))))
}

/**
 * The archive address a message of the issue names ("Im Browser ansehen" of a test send or of the
 * Outlook draft). An approved issue's text is what goes out, through a send or by hand after the
 * Outlook download and "Als versendet markieren": its address is reserved now, so that the link
 * in a message sent by hand leads to this issue, also when another issue of the same month is
 * sent first. Before the approval the message names the address the issue would get now.
 */
export async function messageArchiveSlug(tx: StoreTx, issue: Issue): Promise<string> {
  if (issue.status !== 'approved') return prospectiveArchiveSlug(tx, issue)
  const locked = await tx.lockIssue(issue.id)
  if (locked?.status !== 'approved') return prospectiveArchiveSlug(tx, locked ?? issue)
  return (await reserveArchiveEntry(tx, locked)).slug
}

/** Most addresses tried for one reservation before giving up (each refusal is a taken slug). */
const maxSlugAttempts = 50

/**
 * Reserves the issue's archive address (once; later calls return the entry). The caller holds
 * the issue's lock. When another process takes the same month's next slug at the same moment,
 * the database's unique key refuses one of them, and that one tries the next counter.
 */
export async function reserveArchiveEntry(tx: StoreTx, issue: Issue): Promise<ArchiveEntry> {
  const taken = new Set(await tx.archiveSlugsOfMonth(monthOf(issue)))
  for (let attempt = 0; attempt < maxSlugAttempts; attempt++) {
    const existing = await tx.getArchiveEntry(issue.id)
    if (existing) return existing
    const slug = archiveSlug(issue.plannedSendDate, taken)
    const reservation = {
      issueId: issue.id,
      slug,
      label: issue.label,
      plannedSendDate: issue.plannedSendDate,
    }
    if (await tx.reserveArchiveSlug(reservation)) {
      const entry = await tx.getArchiveEntry(issue.id)
      if (entry) return entry
    }
    taken.add(slug)
  }
  throw new ConcurrentChange('Keine freie Archivadresse gefunden.')
}

/**
 * Stores the archive page of an issue that becomes versendet, in the transaction that makes it
 * versendet: rendered from the approved copy of its articles, photos in their web size by
 * absolute address. A page once stored is never rendered again (it stays byte-stable).
 */
export async function publishToArchive(
  tx: StoreTx,
  issue: Issue,
  publicUrl: string,
  publishedAt: string,
): Promise<ArchiveEntry> {
  const entry = await reserveArchiveEntry(tx, issue)
  if (entry.etag !== null) return entry
  const articles = approvedArticles(issue, await articlesOf(tx, issue))
  const model = await publicRenderModel(tx, issue, articles, publicUrl, 'web')
  const html = renderArchivePage(model, archiveLinks(publicUrl))
  // label and date as they are when the issue becomes versendet (the address stays as reserved)
  const page = {
    label: issue.label,
    plannedSendDate: issue.plannedSendDate,
    headlines: model.articles.map((article) => article.headline),
    html,
    etag: await archiveEtag(html),
    publishedAt,
  }
  await tx.publishArchivePage(issue.id, page)
  return { ...entry, ...page }
}

export function archiveListItem(entry: ArchiveEntry, publicUrl: string): ArchiveListItem {
  return {
    slug: entry.slug,
    label: entry.label,
    plannedSendDate: entry.plannedSendDate,
    publishedAt: entry.publishedAt ?? '',
    headlines: entry.headlines,
    url: archiveUrl(publicUrl, entry.slug),
  }
}

export function issueArchiveOf(entry: ArchiveEntry, publicUrl: string): IssueArchive {
  return {
    issueId: entry.issueId,
    slug: entry.slug,
    url: archiveUrl(publicUrl, entry.slug),
    publishedAt: entry.publishedAt,
    withdrawnAt: entry.withdrawnAt,
    withdrawnBy: entry.withdrawnBy,
    withdrawReason: entry.withdrawReason,
  }
}

/** The Verlauf steps that make an issue versendet: the end of a send, or "Als versendet markieren". */
const publishingActions = new Set(['issue.sent', 'issue.published'])

/**
 * Issues that became versendet before the archive existed (0012) have no page: the first look at
 * the archive stores theirs, as becoming versendet does now, dated by the Verlauf step that made
 * them versendet. Issues are locked one by one in the order of their ids; a simultaneous look
 * waits for the lock and finds the page stored.
 */
export async function publishMissingArchivePages(
  tx: StoreTx,
  publicUrl: string,
  now: Date,
): Promise<void> {
  for (const id of await tx.publishedIssuesWithoutArchivePage()) {
    const issue = await tx.lockIssue(id)
    if (issue?.status !== 'published') continue
    const publishedAt = (await tx.listAudit(id))
      .filter((event) => publishingActions.has(event.action))
      .map((event) => event.at)
      .sort()
      .at(-1)
    await publishToArchive(tx, issue, publicUrl, publishedAt ?? now.toISOString())
  }
}
