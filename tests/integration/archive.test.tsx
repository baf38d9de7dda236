import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, onTestFinished } from 'vitest'
import { approveSeedIssue, seedIssueId } from '../fixtures/approved-issue'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const plannedSendDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
const slug = plannedSendDate.slice(0, 7)

/** The seed issue approved and marked as versendet: its page is stored in the archive. */
async function publishSeedIssue() {
  const editor = await backendAs('editor')
  const head = await backendAs('head')
  const approved = await approveSeedIssue(editor, head, plannedSendDate)
  await head.publishIssue(seedIssueId, { version: approved.version })
  return head
}

const issuePage = `/ausgaben/${seedIssueId}`

describe('Archiv (öffentlich)', () => {
  it('die Übersicht nennt die versendete Ausgabe mit ihren Überschriften und führt zu ihrer Seite', async () => {
    await publishSeedIssue()
    const { user } = await renderApp({ route: '/archiv' })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Archiv des Newsletters' }),
    ).toBeInTheDocument()
    const link = await screen.findByRole('link', { name: 'Ausgabe August 2018' })
    expect(link).toHaveAttribute('href', `/archiv/${slug}`)
    const headlines = screen.getByRole('list', { name: 'Beiträge der Ausgabe August 2018' })
    expect(
      within(headlines).getByText('Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales'),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /\/archiv\/rss\.xml$/ })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /\/archiv\/atom\.xml$/ })).toBeInTheDocument()

    await user.click(link)
    const frame = await screen.findByTitle(/August 2018/)
    expect(frame.tagName).toBe('IFRAME')
    // nothing of the page runs: a sandbox without scripts
    expect(frame).toHaveAttribute('sandbox')
    expect(frame.getAttribute('sandbox')).not.toMatch(/allow-scripts/)
    expect(frame.getAttribute('srcdoc')).toContain(
      'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales',
    )
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/August 2018/)
  })

  it('sagt auf Deutsch, wenn es eine Ausgabe nicht (mehr) gibt', async () => {
    const head = await publishSeedIssue()
    const missing = await renderApp({ route: '/archiv/2099-01' })
    expect(
      await screen.findByRole('heading', { name: 'Diese Ausgabe gibt es im Archiv nicht' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Zur Übersicht des Archivs' })).toBeInTheDocument()
    missing.unmount()

    await head.withdrawFromArchive(seedIssueId, { reason: 'Persönlichkeitsrecht' })
    await renderApp({ route: `/archiv/${slug}` })
    expect(
      await screen.findByRole('heading', { name: 'Diese Ausgabe ist nicht mehr im Archiv' }),
    ).toBeInTheDocument()
  })

  it('zeigt eine leere Übersicht, solange nichts versendet ist', async () => {
    await renderApp({ route: '/archiv' })
    expect(await screen.findByText('Noch ist keine Ausgabe im Archiv.')).toBeInTheDocument()
  })
})

describe('Archiv auf der Ausgabenseite', () => {
  it('die Dezernentin nimmt die Ausgabe mit Grund aus dem Archiv und stellt sie wieder hinein; der Verlauf zeigt beides', async () => {
    await publishSeedIssue()
    const { user } = await renderApp({ route: issuePage, as: 'head' })
    const section = await screen.findByRole('region', { name: 'Archiv' })
    expect(await within(section).findByText('Öffentlich im Archiv')).toBeInTheDocument()
    expect(
      within(section).getByRole('link', { name: new RegExp(`/archiv/${slug}$`) }),
    ).toBeVisible()

    const opener = within(section).getByRole('button', { name: 'Aus dem Archiv nehmen …' })
    await user.click(opener)
    const dialog = screen.getByRole('dialog', { name: '„August 2018“ aus dem Archiv nehmen?' })
    const reason = within(dialog).getByRole('textbox', { name: 'Grund' })
    expect(reason).toHaveFocus()

    // an empty reason: the domain's German message, at the field, which gets the focus
    await user.type(reason, '   ')
    await user.click(within(dialog).getByRole('button', { name: 'Aus dem Archiv nehmen' }))
    expect(reason).toHaveAccessibleDescription('Bitte einen Grund angeben (er steht im Verlauf).')
    expect(reason).toBeInvalid()
    expect(reason).toHaveFocus()

    await user.clear(reason)
    await user.type(reason, 'Einstweilige Verfügung')
    await user.click(within(dialog).getByRole('button', { name: 'Aus dem Archiv nehmen' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const state = await within(section).findByText(/^Aus dem Archiv genommen am/)
    expect(state).toHaveTextContent(/von Sandra Wanzar — Grund: Einstweilige Verfügung$/)
    expect(state).toHaveFocus()
    const history = screen.getByRole('region', { name: 'Verlauf' })
    expect(await within(history).findByText('Aus dem Archiv genommen')).toBeInTheDocument()

    await user.click(within(section).getByRole('button', { name: 'Wieder ins Archiv stellen' }))
    expect(await within(section).findByText('Öffentlich im Archiv')).toHaveFocus()
    expect(await within(history).findByText('Wieder ins Archiv gestellt')).toBeInTheDocument()
  })

  it('Escape schließt den Dialog, der Fokus geht zurück auf den Knopf', async () => {
    await publishSeedIssue()
    const { user } = await renderApp({ route: issuePage, as: 'head' })
    const opener = await screen.findByRole('button', { name: 'Aus dem Archiv nehmen …' })
    await user.click(opener)
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(opener).toHaveFocus()
  })

  it.each(['editor', 'designer'] as const)('%s sieht den Stand ohne Knöpfe', async (role) => {
    const head = await publishSeedIssue()
    await head.withdrawFromArchive(seedIssueId, { reason: 'Persönlichkeitsrecht' })
    await renderApp({ route: issuePage, as: role })
    const section = await screen.findByRole('region', { name: 'Archiv' })
    expect(
      await within(section).findByText(/von Sandra Wanzar — Grund: Persönlichkeitsrecht$/),
    ).toBeInTheDocument()
    expect(within(section).queryByRole('button')).not.toBeInTheDocument()
  })

  it('eine freigegebene, noch nicht versendete Ausgabe hat keinen Archiv-Abschnitt und keinen Fehler in der Konsole', async () => {
    await approveSeedIssue(await backendAs('editor'), await backendAs('head'), plannedSendDate)
    const archiveAnswers: number[] = []
    const onResponse = ({ request, response }: { request: Request; response: Response }) => {
      if (new URL(request.url).pathname.endsWith(`/issues/${seedIssueId}/archive`)) {
        archiveAnswers.push(response.status)
      }
    }
    testServer.server.events.on('response:mocked', onResponse)
    onTestFinished(() => testServer.server.events.removeListener('response:mocked', onResponse))
    const { queryClient } = await renderApp({ route: issuePage, as: 'head' })
    expect(await screen.findByRole('region', { name: 'Versand' })).toBeInTheDocument()
    // the answer (no address yet) is in, and it was no failed request the browser would report
    await waitFor(() =>
      expect(queryClient.getQueryState(['issues', seedIssueId, 'archive'])).toMatchObject({
        status: 'success',
        data: null,
      }),
    )
    expect([...new Set(archiveAnswers)]).toEqual([200])
    expect(screen.queryByRole('region', { name: 'Archiv' })).not.toBeInTheDocument()
  })

  it('die Navigation führt zum Archiv', async () => {
    await renderApp({ route: '/ausgaben', as: 'editor' })
    const navigation = await screen.findByRole('navigation', { name: 'Hauptnavigation' })
    expect(within(navigation).getByRole('link', { name: 'Archiv' })).toHaveAttribute(
      'href',
      '/archiv',
    )
  })
})
