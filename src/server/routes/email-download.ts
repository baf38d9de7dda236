import { z } from 'zod'
import { renderEml } from '../../render/render-eml'
import { archiveUrl, messageArchiveSlug, publicUrlOf } from '../archive'
import { requirePermission, type HandlerDeps } from '../context'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  forbiddenAnswer,
  idParams,
  notFoundAnswer,
  unauthenticatedAnswer,
} from '../contract'
import { articlesOf, loadIssue } from '../issue-operations'
import { renderIssueMail } from '../mail/issue-mail'

const emailDownloadRoute = describeRoute({
  method: 'get',
  path: '/issues/{id}/email.eml',
  summary:
    '"E-Mail für Outlook herunterladen": the issue as it is now as an unsent draft (every role)',
  request: { params: idParams },
  responses: {
    200: {
      description:
        'multipart/alternative (text and HTML), photos by their absolute address, `X-Unsent: 1`, as an attachment',
      content: { 'message/rfc822': { schema: z.string() } },
    },
    ...unauthenticatedAnswer,
    ...forbiddenAnswer(),
    ...notFoundAnswer('No such issue (`/probleme/nicht-gefunden`).'),
  },
})

/** The file name of an issue's draft, e.g. `rundbrief-maerz-2019.eml`: ASCII, no quotes. */
export function emlFileName(label: string): string {
  const ascii = label
    .toLocaleLowerCase('de-DE')
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `rundbrief-${ascii || 'ausgabe'}.eml`
}

/**
 * The e-mail as a draft for teams that send through a distribution list: rendered by the server
 * as a test send renders it, so Outlook and Thunderbird get the same message the readers would.
 * It carries no personal unsubscribe link: a distribution list has no per-reader address. Its
 * "Im Browser ansehen" names the issue's archive address (`messageArchiveSlug`: an approved
 * issue's address is reserved, since the draft is then sent by hand).
 */
export function emailDownloadRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()

  addDescribedRoute(routes, emailDownloadRoute, async (c) => {
    requirePermission(c.get('user'), 'preview.export')
    const publicUrl = publicUrlOf(deps, c)
    const { label, rendered } = await deps.store.transaction(async (tx) => {
      const issue = await loadIssue(tx, c.req.param('id'))
      return {
        label: issue.label,
        rendered: await renderIssueMail(tx, issue, await articlesOf(tx, issue), {
          publicUrl,
          archiveUrl: archiveUrl(publicUrl, await messageArchiveSlug(tx, issue)),
        }),
      }
    })
    const eml = renderEml({
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      date: deps.now(),
      uniqueId: deps.newId(),
    })
    return c.body(eml, 200, {
      'Content-Type': 'message/rfc822',
      'Content-Disposition': `attachment; filename="${emlFileName(label)}"`,
      'Cache-Control': 'no-store',
    })
  })

  return routes
}
