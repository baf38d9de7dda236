import { z } from 'zod'
import {
  archiveListSchema,
  archiveSlugSchema,
  issueArchiveSchema,
  withdrawFromArchiveInputSchema,
  type ArchiveList,
} from '../../domain/archive'
import { escapeHtml } from '../../render/escape-html'
import { htmlDocument } from '../../render/html-document'
import { renderArchiveOverview } from '../../render/render-archive'
import { archiveFeed } from '../archive-feed'
import {
  archiveEtag,
  archiveLinks,
  archiveListItem,
  issueArchiveOf,
  publicUrlOf,
  publishMissingArchivePages,
} from '../archive'
import { audit, requirePermission, type AppContext, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  notFoundAnswer,
  problemAnswer,
  publicRoute,
  readBody,
  unauthenticatedAnswer,
} from '../contract'
import { loadIssue } from '../issue-operations'
import { ProblemError, problemTypes } from '../problem'
import type { ArchiveEntry, StoreTx } from '../store'

const issueArchiveComponent = issueArchiveSchema.meta({ id: 'IssueArchive' })
const archiveListComponent = archiveListSchema.meta({ id: 'ArchiveList' })

const textAnswer = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string() } },
})
const notModifiedAnswer = { 304: { description: 'Unchanged since the ETag in `If-None-Match`' } }

const listRoute = describeRoute({
  method: 'get',
  path: '/archive',
  summary: 'Public: the issues in the archive (versendet, not taken down), newest first',
  ...publicRoute,
  responses: { 200: jsonAnswer(archiveListComponent, 'The issues with headlines and addresses') },
})

const overviewRoute = describeRoute({
  method: 'get',
  path: '/archive/overview.html',
  summary: 'Public: the Übersicht of the archive as an HTML page (served at `/archiv`)',
  ...publicRoute,
  responses: {
    200: textAnswer('text/html', 'The Übersicht, with ETag'),
    ...notModifiedAnswer,
  },
})

const rssRoute = describeRoute({
  method: 'get',
  path: '/archive/rss.xml',
  summary: 'Public: the archive as an RSS 2.0 feed (served at `/archiv/rss.xml`)',
  ...publicRoute,
  responses: {
    200: textAnswer('application/rss+xml', 'The feed, with ETag'),
    ...notModifiedAnswer,
  },
})

const atomRoute = describeRoute({
  method: 'get',
  path: '/archive/atom.xml',
  summary: 'Public: the archive as an Atom feed (served at `/archiv/atom.xml`)',
  ...publicRoute,
  responses: {
    200: textAnswer('application/atom+xml', 'The feed, with ETag'),
    ...notModifiedAnswer,
  },
})

const pageRoute = describeRoute({
  method: 'get',
  path: '/archive/{slug}',
  summary:
    'Public: the archive page of a sent issue, exactly as it was stored when it was sent (served at `/archiv/{slug}`)',
  ...publicRoute,
  request: { params: z.object({ slug: z.string() }) },
  responses: {
    200: textAnswer('text/html', 'The stored page, with a strong ETag'),
    ...notModifiedAnswer,
    404: textAnswer('text/html', 'No issue under this address (or not yet sent): a German page'),
    410: textAnswer('text/html', 'Taken out of the archive by the Dezernentin: a German page'),
  },
})

const issueArchiveRoute = describeRoute({
  method: 'get',
  path: '/issues/{id}/archive',
  summary: "The issue's place in the archive: address, published, taken down (every role)",
  request: { params: idParams },
  responses: {
    200: jsonAnswer(
      issueArchiveComponent.nullable(),
      'The archive state of the issue; null while it has no address (an approved issue gets one with a test send, the Outlook draft or its send)',
    ),
    ...unauthenticatedAnswer,
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
  },
})

const withdrawnConflict = {
  409: problemAnswer(
    'The issue is not in the archive (not sent), or already taken out / already back (`/probleme/falscher-status`).',
  ),
}

const withdrawRoute = describeRoute({
  method: 'post',
  path: '/issues/{id}/archive/withdraw',
  summary:
    'Takes the issue out of the public archive (legal takedown; its page answers 410), with a reason for the Verlauf (head only)',
  request: { params: idParams, body: jsonBody(withdrawFromArchiveInputSchema) },
  responses: {
    200: jsonAnswer(issueArchiveComponent, 'The archive state, taken down'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
    ...withdrawnConflict,
    ...jsonBodyAnswers(),
  },
})

const restoreRoute = describeRoute({
  method: 'post',
  path: '/issues/{id}/archive/restore',
  summary: 'Puts a taken-down issue back into the public archive (head only)',
  request: { params: idParams },
  responses: {
    200: jsonAnswer(issueArchiveComponent, 'The archive state, public again'),
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
    ...withdrawnConflict,
  },
})

/** Public pages may be kept by browsers and proxies, but are asked for again each time. */
const publicCaching = 'public, no-cache'

/** Whether `If-None-Match` names the ETag (weak comparison, as RFC 9110 asks for it here). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}

/** A public answer with ETag: 304 when the client has it already. */
function cachedAnswer(c: AppContext, body: string, contentType: string, etag: string) {
  const headers = { ETag: etag, 'Cache-Control': publicCaching }
  if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers)
  return c.body(body, 200, { ...headers, 'Content-Type': contentType })
}

/** A small German page for addresses of the archive that show no issue. */
function messagePage(title: string, text: string, overviewUrl: string): string {
  return htmlDocument({
    title,
    css: 'body { margin: 0; font-family: system-ui, sans-serif; color: #1d2330; line-height: 1.5; } main { max-width: 36rem; margin: 0 auto; padding: 2rem 1.25rem; } a { color: #0b4f8a; font-weight: bold; }',
    body: `<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="${escapeHtml(overviewUrl)}">Zur Übersicht des Archivs</a></p>
</main>`,
  })
}

const stateConflict = (detail: string) =>
  new ProblemError(409, problemTypes.wrongState, 'Nicht möglich', detail)

/** The public archive (list, Übersicht, feeds, pages) and its takedown by the Dezernentin. */
export function publicArchiveRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()

  const listOf = async (c: AppContext) => {
    const publicUrl = publicUrlOf(deps, c)
    return deps.store.transaction(async (tx) => {
      await publishMissingArchivePages(tx, publicUrl, deps.now())
      return {
        list: {
          items: (await tx.listArchive()).map((entry) => archiveListItem(entry, publicUrl)),
        } satisfies ArchiveList,
        publication: await tx.getPublication(),
        publicUrl,
      }
    })
  }

  addDescribedRoute(routes, listRoute, async (c) => {
    const { list } = await listOf(c)
    c.header('Cache-Control', publicCaching)
    return c.json(list)
  })

  // The static names come before `{slug}`, which would take them otherwise.
  addDescribedRoute(routes, overviewRoute, async (c) => {
    const { list, publication, publicUrl } = await listOf(c)
    const html = renderArchiveOverview(list, publication, archiveLinks(publicUrl))
    return cachedAnswer(c, html, 'text/html; charset=utf-8', await archiveEtag(html))
  })

  for (const [route, format, contentType] of [
    [rssRoute, 'rss2', 'application/rss+xml; charset=utf-8'],
    [atomRoute, 'atom1', 'application/atom+xml; charset=utf-8'],
  ] as const) {
    addDescribedRoute(routes, route, async (c) => {
      const { list, publication, publicUrl } = await listOf(c)
      const feed = await archiveFeed(list, publication, archiveLinks(publicUrl), deps.now())
      const xml = feed[format]()
      return cachedAnswer(c, xml, contentType, await archiveEtag(xml))
    })
  }

  addDescribedRoute(routes, pageRoute, async (c) => {
    const overviewUrl = archiveLinks(publicUrlOf(deps, c)).overviewUrl
    const slug = archiveSlugSchema.safeParse(c.req.param('slug'))
    const found = slug.success
      ? await deps.store.transaction((tx) => tx.getArchivePage(slug.data))
      : null
    const html = 'text/html; charset=utf-8'
    if (found?.entry.withdrawnAt && found.html !== null)
      return c.body(
        messagePage(
          'Diese Ausgabe ist nicht mehr im Archiv',
          'Die Ausgabe wurde aus dem öffentlichen Archiv genommen.',
          overviewUrl,
        ),
        410,
        { 'Content-Type': html, 'Cache-Control': 'no-cache' },
      )
    if (!found || found.html === null || found.entry.etag === null)
      return c.body(
        messagePage(
          'Diese Ausgabe gibt es im Archiv nicht',
          'Unter dieser Adresse steht keine versendete Ausgabe. Vielleicht ist die Adresse falsch geschrieben.',
          overviewUrl,
        ),
        404,
        { 'Content-Type': html, 'Cache-Control': 'no-cache' },
      )
    return cachedAnswer(c, found.html, html, found.entry.etag)
  })

  return routes
}

/** The archive entry of the issue (404 for an unknown issue, null when it has none). */
async function entryOf(tx: StoreTx, issueId: string): Promise<ArchiveEntry | null> {
  await loadIssue(tx, issueId)
  return tx.getArchiveEntry(issueId)
}

/** The archive state of an issue for the team, and the takedown. */
export function archiveRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()

  addDescribedRoute(routes, issueArchiveRoute, async (c) => {
    const entry = await deps.store.transaction(async (tx) => {
      const issue = await loadIssue(tx, c.req.param('id'))
      if (issue.status === 'published')
        await publishMissingArchivePages(tx, publicUrlOf(deps, c), deps.now())
      return tx.getArchiveEntry(issue.id)
    })
    return c.json(entry ? issueArchiveOf(entry, publicUrlOf(deps, c)) : null)
  })

  const notInArchive =
    'Nur eine versendete Ausgabe steht im Archiv; diese Ausgabe ist (noch) nicht versendet.'

  addDescribedRoute(routes, withdrawRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.archiveWithdraw')
    const input = await readBody(c, withdrawRoute)
    const entry = await deps.store.transaction(async (tx) => {
      const issueId = c.req.param('id')
      const current = await entryOf(tx, issueId)
      if (!current?.publishedAt) throw stateConflict(notInArchive)
      const withdrawal = { at: deps.now().toISOString(), by: user.id, reason: input.reason }
      if (!(await tx.setArchiveWithdrawal(issueId, withdrawal)))
        throw stateConflict('Die Ausgabe ist bereits aus dem Archiv genommen.')
      await audit(deps, tx, {
        actorId: user.id,
        action: 'issue.archive_withdrawn',
        resourceType: 'issue',
        resourceId: issueId,
        detail: input.reason,
      })
      return {
        ...current,
        withdrawnAt: withdrawal.at,
        withdrawnBy: withdrawal.by,
        withdrawReason: withdrawal.reason,
      }
    })
    return c.json(issueArchiveOf(entry, publicUrlOf(deps, c)))
  })

  addDescribedRoute(routes, restoreRoute, async (c) => {
    const user = c.get('user')
    requirePermission(user, 'issue.archiveWithdraw')
    const entry = await deps.store.transaction(async (tx) => {
      const issueId = c.req.param('id')
      const current = await entryOf(tx, issueId)
      if (!current?.publishedAt) throw stateConflict(notInArchive)
      if (!(await tx.setArchiveWithdrawal(issueId, null)))
        throw stateConflict('Die Ausgabe steht bereits im Archiv.')
      await audit(deps, tx, {
        actorId: user.id,
        action: 'issue.archive_restored',
        resourceType: 'issue',
        resourceId: issueId,
        detail: current.withdrawReason ? `Grund der Sperre war: ${current.withdrawReason}` : null,
      })
      return { ...current, withdrawnAt: null, withdrawnBy: null, withdrawReason: null }
    })
    return c.json(issueArchiveOf(entry, publicUrlOf(deps, c)))
  })

  return routes
}
