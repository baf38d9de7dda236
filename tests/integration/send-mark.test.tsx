import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'

const days = (count: number) => new Date(Date.now() + count * 86_400_000)

/** The August 2018 issue, approved by the Dezernentin (and sent, if asked). */
async function approvedIssue({ published = false } = {}) {
  const head = await backendAs('head')
  const editor = await backendAs('editor')
  const issue = await head.getIssue(issueId)
  const extended = await head.updateIssue(issueId, {
    version: issue.version,
    deadline: days(5).toISOString(),
    plannedSendDate: days(7).toISOString().slice(0, 10),
  })
  for (const id of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
    const article = await editor.getArticle(id)
    await editor.updateArticle(id, {
      version: article.version,
      photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
    })
  }
  const submitted = await editor.submitIssue(issueId, { version: extended.version })
  const approved = await head.approveIssue(issueId, {
    version: submitted.version,
    acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
  })
  if (published) await editor.publishIssue(issueId, { version: approved.version })
}

const panel = () => screen.getByRole('region', { name: 'Freigabe' })

describe('Als versendet markieren', () => {
  it('fragt nach, nennt die Ausgabe und die Sperre, und lässt sich abbrechen', async () => {
    await approvedIssue()
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    const open = await screen.findByRole('button', { name: 'Als versendet markieren …' })
    await view.user.click(open)

    const dialog = screen.getByRole('dialog', { name: '„August 2018“ als versendet markieren?' })
    expect(dialog).toHaveTextContent(/Danach ist die Ausgabe gesperrt/)
    await view.user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(open).toHaveFocus()
    expect((await (await backendAs('editor')).getIssue(issueId)).status).toBe('approved')

    await view.user.click(open)
    await view.user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect((await (await backendAs('editor')).getIssue(issueId)).status).toBe('approved')

    await view.user.click(open)
    await view.user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Als versendet markieren' }),
    )
    expect(
      await within(panel()).findByText(
        'Die Ausgabe ist als versendet markiert und damit gesperrt.',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Freigabe' })).toHaveFocus()
    expect((await (await backendAs('editor')).getIssue(issueId)).status).toBe('published')
    // Only the Dezernentin may take it back.
    expect(screen.queryByRole('button', { name: /Versand zurücknehmen/ })).not.toBeInTheDocument()
  })
})

describe('Versand zurücknehmen', () => {
  it('verlangt einen Grund, gibt die Ausgabe wieder frei und schreibt den Grund in den Verlauf', async () => {
    await approvedIssue({ published: true })
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Versand zurücknehmen …' }))
    const dialog = screen.getByRole('dialog', { name: 'Versand von „August 2018“ zurücknehmen?' })
    const reason = within(dialog).getByLabelText('Grund')
    expect(reason).toHaveFocus()

    await view.user.click(within(dialog).getByRole('button', { name: 'Versand zurücknehmen' }))
    expect(reason).toHaveAccessibleDescription(
      'Bitte einen Grund angeben: Warum wird der Versand zurückgenommen?',
    )
    expect((await (await backendAs('head')).getIssue(issueId)).status).toBe('published')

    await view.user.type(reason, 'Versehentlich markiert, der Versand ist erst morgen.')
    await view.user.click(within(dialog).getByRole('button', { name: 'Versand zurücknehmen' }))
    expect(
      await within(panel()).findByText(
        'Der Versand ist zurückgenommen. Die Ausgabe ist wieder freigegeben.',
      ),
    ).toBeInTheDocument()
    expect((await (await backendAs('head')).getIssue(issueId)).status).toBe('approved')
    const history = within(panel()).getByRole('region', { name: 'Verlauf' })
    await waitFor(() =>
      expect(history).toHaveTextContent(
        'Versand zurückgenommen – Versehentlich markiert, der Versand ist erst morgen.',
      ),
    )
    expect(screen.getByRole('button', { name: 'Als versendet markieren …' })).toBeInTheDocument()
  })

  it('lässt bei einer Ablehnung des Servers den Fokus im Dialog, auf der Begründung', async () => {
    await approvedIssue({ published: true })
    const refusal =
      'Diese Ausgabe wurde über Rundbrief an die Empfänger versendet; das lässt sich nicht zurücknehmen.'
    testServer.server.use(
      http.post(`${testServer.apiBaseUrl}/issues/:id/unpublish`, () =>
        HttpResponse.json(
          {
            type: '/probleme/falscher-status',
            title: 'Nicht möglich',
            status: 409,
            detail: refusal,
          },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Versand zurücknehmen …' }))
    const dialog = screen.getByRole('dialog', { name: 'Versand von „August 2018“ zurücknehmen?' })
    await view.user.type(within(dialog).getByLabelText('Grund'), 'Versehentlich markiert.')
    await view.user.click(within(dialog).getByRole('button', { name: 'Versand zurücknehmen' }))

    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent(refusal)
    expect(alert).toHaveFocus()
    expect(within(dialog).getByLabelText('Grund')).toHaveValue('Versehentlich markiert.')
  })
})
