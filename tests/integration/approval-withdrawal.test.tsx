import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { contentFingerprint } from '../../src/domain/fingerprint'
import { issueChecks } from '../../src/render/issue-checks'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'
const articleId = 'beitrag-02-sozialplan'

/** The seed issue, submitted and approved, with its Redaktionsschluss ahead. */
async function approvedIssue() {
  const head = await backendAs('head')
  const editor = await backendAs('editor')
  let issue = await head.getIssue(issueId)
  issue = await head.updateIssue(issueId, {
    version: issue.version,
    deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    plannedSendDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
  })
  for (const id of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
    const article = await editor.getArticle(id)
    await editor.updateArticle(id, {
      version: article.version,
      photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
    })
  }
  issue = await editor.submitIssue(issueId, { version: issue.version })
  const articles = await head.listArticles({ issueId })
  const publication = await head.getPublication()
  const acknowledgedWarnings = issueChecks(issue, articles, publication)
    .filter((result) => result.severity === 'warning')
    .map((result) => result.id)
  return head.approveIssue(issueId, {
    version: issue.version,
    acknowledgedWarnings,
    fingerprint: await contentFingerprint(issue, articles, publication),
  })
}

describe('Änderung an einer freigegebenen Ausgabe', () => {
  it('sagt im Editor, dass die Freigabe zurückgenommen ist, und speichert weiter', async () => {
    const approved = await approvedIssue()
    expect(approved.status).toBe('approved')
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    expect(await screen.findByText(/ist freigegeben\. Jede Änderung/)).toBeInTheDocument()

    const headline = await screen.findByLabelText('Überschrift')
    await user.clear(headline)
    await user.type(headline, 'Sozialplan beschlossen')
    expect(
      await screen.findByText(
        /Die Freigabe der Ausgabe „August 2018“ ist zurückgenommen/,
        {},
        {
          timeout: 10_000,
        },
      ),
    ).toHaveTextContent('wieder in Bearbeitung')
    expect(screen.queryByText(/ist freigegeben\. Jede Änderung/)).not.toBeInTheDocument()

    // the rest of the sentence is saved too: the issue is not locked for the Redaktion
    await user.type(headline, ': die nächsten Schritte')
    await waitFor(
      () =>
        expect(
          testServer.store.snapshot().articles.find((article) => article.id === articleId)
            ?.headline,
        ).toBe('Sozialplan beschlossen: die nächsten Schritte'),
      { timeout: 10_000 },
    )
    expect(screen.getByLabelText('Überschrift')).toBeEnabled()
  })
})
