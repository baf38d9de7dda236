import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { backendAs, renderApp, setupTestServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'

/** The editor submits the seed issue and the Dezernentin sends it back, twice. */
async function sendBackTwice() {
  const editor = await backendAs('editor')
  const head = await backendAs('head')
  let issue = await head.getIssue(issueId)
  const deadline = new Date(Date.now() + 7 * 86_400_000)
  issue = await head.updateIssue(issueId, {
    version: issue.version,
    deadline: deadline.toISOString(),
    plannedSendDate: new Date(deadline.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
  })
  for (const comment of ['Bitte kürzen.', 'Bitte den Fotonachweis ergänzen.']) {
    issue = await editor.submitIssue(issueId, { version: issue.version })
    issue = await head.requestChanges(issueId, { version: issue.version, comment })
  }
}

describe('Benachrichtigungen', () => {
  it('zeigt die Zahl der ungelesenen, listet sie und führt zur Ausgabe', async () => {
    await sendBackTwice()
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })

    const bell = await screen.findByRole('button', { name: 'Benachrichtigungen, 2 ungelesen' })
    expect(bell).toHaveAttribute('aria-expanded', 'false')
    await user.click(bell)
    expect(bell).toHaveAttribute('aria-expanded', 'true')
    const list = screen.getByRole('list', { name: 'Benachrichtigungen' })
    const links = within(list).getAllByRole('link')
    expect(links.map((link) => link.textContent)).toEqual([
      'Ungelesen: Sandra Wanzar hat „August 2018“ zur Überarbeitung zurückgegeben',
      'Ungelesen: Sandra Wanzar hat „August 2018“ zur Überarbeitung zurückgegeben',
    ])
    expect(links[0]).toHaveAttribute('href', `/ausgaben/${issueId}`)
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(/\d{2}:\d{2}/)

    await user.click(links[0]!)
    expect(await screen.findByRole('heading', { name: 'Ausgabe August 2018' })).toBeInTheDocument()
    expect(screen.queryByRole('list', { name: 'Benachrichtigungen' })).not.toBeInTheDocument()
    expect(
      await screen.findByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }),
    ).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }))
    const [read, unread] = within(
      screen.getByRole('list', { name: 'Benachrichtigungen' }),
    ).getAllByRole('link')
    expect(read).not.toHaveTextContent('Ungelesen')
    expect(unread).toHaveTextContent('Ungelesen')
    await user.click(screen.getByRole('button', { name: 'Alle als gelesen markieren' }))
    expect(
      await screen.findByRole('button', { name: 'Benachrichtigungen', expanded: true }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Alle als gelesen markieren' })).toBeNull()
    expect(screen.getByRole('list', { name: 'Benachrichtigungen' })).not.toHaveTextContent(
      'Ungelesen',
    )
  })

  it('schließt die Liste bei einem Klick daneben; ein Klick in die Liste lässt sie offen', async () => {
    await sendBackTwice()
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    const bell = await screen.findByRole('button', { name: 'Benachrichtigungen, 2 ungelesen' })
    await user.click(bell)
    await user.click(screen.getByRole('list', { name: 'Benachrichtigungen' }))
    expect(bell).toHaveAttribute('aria-expanded', 'true')
    await user.click(screen.getByRole('heading', { level: 1 }))
    expect(bell).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('list', { name: 'Benachrichtigungen' })).not.toBeInTheDocument()
  })

  it('schließt die Liste mit Escape und gibt den Fokus der Glocke zurück', async () => {
    await sendBackTwice()
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    const bell = await screen.findByRole('button', { name: 'Benachrichtigungen, 2 ungelesen' })
    bell.focus()
    await user.keyboard('{Enter}')
    const list = screen.getByRole('list', { name: 'Benachrichtigungen' })
    await user.tab()
    expect(within(list).getAllByRole('link')[0]).toHaveFocus()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(bell).toHaveFocus())
    expect(bell).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('list', { name: 'Benachrichtigungen' })).not.toBeInTheDocument()
  })

  it('meldet der Dezernentin jedes Einreichen, ihre eigenen Rückgaben nicht', async () => {
    await sendBackTwice()
    await renderApp({ route: '/beitraege', as: 'head' })
    expect(
      await screen.findByRole('button', { name: 'Benachrichtigungen, 2 ungelesen' }),
    ).toBeInTheDocument()
  })
})
