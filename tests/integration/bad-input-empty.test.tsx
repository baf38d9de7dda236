import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { MemoryState } from '../../mocks/memory-store'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

function replaceState(change: (state: MemoryState) => MemoryState) {
  testServer.store.replace(change(testServer.store.snapshot()), new Map())
}

async function createEmptyIssue() {
  const backend = await backendAs('editor')
  const deadline = new Date(Date.now() + 7 * 86_400_000)
  return backend.createIssue({
    label: 'Dezember 2099',
    deadline: deadline.toISOString(),
    plannedSendDate: new Date(deadline.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
  })
}

describe('Leere Listen und Ausgaben', () => {
  it('zeigt ohne Ausgaben einen Hinweis und „Neue Ausgabe“', async () => {
    replaceState((state) => ({
      ...state,
      issues: [],
      articles: state.articles.map((article) => ({ ...article, issueId: null })),
    }))
    const { user } = await renderApp({ route: '/ausgaben', as: 'editor' })
    expect(await screen.findByText('Es gibt noch keine Ausgaben.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Neue Ausgabe' }))
    expect(screen.getByRole('form', { name: 'Neue Ausgabe' })).toBeInTheDocument()
  })

  it('zeigt ohne Beiträge einen Hinweis und „Neuer Beitrag“', async () => {
    replaceState((state) => ({
      ...state,
      issues: state.issues.map((issue) => ({ ...issue, articleIds: [] })),
      articles: [],
    }))
    await renderApp({ route: '/beitraege', as: 'editor' })
    expect(await screen.findByText('Keine Beiträge gefunden.')).toHaveAttribute('role', 'status')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Neuer Beitrag' })).toBeInTheDocument()
  })

  it('meldet eine Suche ohne Treffer und behält den Suchbegriff', async () => {
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await screen.findByRole('link', { name: 'Freistaat fördert Integrationsmanagement' })
    const search = screen.getByRole('searchbox', { name: 'Suche in Überschrift und Text' })
    await user.type(search, 'Quetzalcoatl')
    expect(await screen.findByText('Keine Beiträge gefunden.')).toHaveAttribute('role', 'status')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(search).toHaveValue('Quetzalcoatl')

    await user.clear(search)
    await user.type(search, '100 %_\\')
    expect(await screen.findByText('Keine Beiträge gefunden.')).toHaveAttribute('role', 'status')
    expect(search).toHaveValue('100 %_\\')
  })

  it('zeigt eine Ausgabe ohne Beiträge als leeres Board', async () => {
    const issue = await createEmptyIssue()
    await renderApp({ route: `/ausgaben/${issue.id}`, as: 'editor' })
    expect(
      await screen.findByRole('heading', { name: 'Ausgabe Dezember 2099' }),
    ).toBeInTheDocument()
    const summary = await screen.findByRole('region', { name: 'Stand der Ausgabe' })
    expect(summary).toHaveTextContent('0 von 0 Beiträgen fertig')
    await waitFor(() => expect(summary).toHaveTextContent('Prüfungen: Ein Fehler offen'))
    const content = screen.getByRole('region', { name: 'Inhalt der Ausgabe (0)' })
    expect(
      within(content).getByText(
        'Noch keine Beiträge. Ziehen Sie Beiträge hierher oder nutzen Sie „Zur Ausgabe hinzufügen“.',
      ),
    ).toBeInTheDocument()
    expect(within(content).queryByRole('list')).not.toBeInTheDocument()
  })

  it('sagt in der Vorschau einer Ausgabe ohne Beiträge, dass sie leer ist', async () => {
    const issue = await createEmptyIssue()
    await renderApp({ route: `/ausgaben/${issue.id}/vorschau`, as: 'designer' })
    expect(
      await screen.findByRole('heading', { name: 'Vorschau der Ausgabe Dezember 2099' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('note')).toHaveTextContent(
      'Diese Ausgabe enthält noch keine Beiträge. Die Vorschau zeigt nur Kopf, Impressum und Abmeldehinweis.',
    )
    expect(screen.getByRole('tab', { name: 'E-Mail' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByTitle('Vorschau: E-Mail')).toBeInTheDocument()
  })
})
