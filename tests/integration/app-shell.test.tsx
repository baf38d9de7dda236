import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ResponseFormatError } from '../../src/backend/api-error'
import { renderApp, setupTestServer } from '../render-app'
import { seedHeadlines } from '../fixtures/seed-headlines'

setupTestServer()

describe('Anmelden und Ausgaben', () => {
  it('führt von der Anmeldung zur Ausgabe August 2018 mit ihren zehn Beiträgen', async () => {
    const { user } = await renderApp({ route: '/' })
    expect(await screen.findByRole('heading', { name: 'Anmelden' })).toBeInTheDocument()
    const choices = await screen.findByRole('group', { name: 'Anmelden als …' })
    await user.click(within(choices).getByLabelText('Dr. Frank Rühling (Redaktion)'))
    await user.click(screen.getByRole('button', { name: 'Anmelden' }))

    expect(await screen.findByRole('heading', { name: 'Ausgaben' })).toBeInTheDocument()
    const row = (await screen.findByRole('link', { name: 'August 2018' })).closest('tr')!
    expect(within(row).getByText('In Bearbeitung')).toBeInTheDocument()
    expect(within(row).getByText('13. August 2018, 12:00 Uhr')).toBeInTheDocument()
    expect(within(row).getByText(/überfällig/)).toBeInTheDocument()
    expect(within(row).getByText('10')).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'August 2018' }))
    expect(await screen.findByRole('heading', { name: 'Ausgabe August 2018' })).toBeInTheDocument()
    const list = await screen.findByRole('list', { name: 'Inhalt der Ausgabe' })
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(10))
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(seedHeadlines)
  })

  it('nennt auf der Anmeldung den Newsletter mit Titel und Untertitel der Publikation', async () => {
    await renderApp({ route: '/anmelden' })
    expect(
      await screen.findByText(
        'Redaktion des Newsletters „Kommunale Sozialplanung und Integrationsmanagement – Nachrichten aus dem Dezernat Soziales“',
      ),
    ).toBeInTheDocument()
  })

  it('verlangt eine Auswahl, bevor angemeldet wird', async () => {
    const { user } = await renderApp({ route: '/anmelden' })
    await user.click(await screen.findByRole('button', { name: 'Anmelden' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Bitte wählen Sie aus, als wer Sie sich anmelden.',
    )
  })

  it('schickt nicht Angemeldete zur Anmeldung und danach zurück zur gewünschten Seite', async () => {
    const { user } = await renderApp({ route: '/beitraege' })
    await user.click(await screen.findByLabelText('Sandra Wanzar (Dezernentin)'))
    await user.click(screen.getByRole('button', { name: 'Anmelden' }))
    expect(await screen.findByRole('heading', { name: 'Beiträge' })).toBeInTheDocument()
  })

  it('meldet ab und beendet die Sitzung auch auf dem Server', async () => {
    const { user, tokens, backend } = await renderApp({ route: '/ausgaben', as: 'editor' })
    const token = tokens.get()
    await user.click(await screen.findByRole('button', { name: 'Abmelden' }))
    expect(await screen.findByRole('heading', { name: 'Anmelden' })).toBeInTheDocument()
    await waitFor(() => expect(tokens.get()).toBeNull())
    tokens.set(token)
    await expect(backend.getSession()).rejects.toMatchObject({ status: 401 })
  })

  it('führt nach dem Abmelden die nächste Person zu den Ausgaben, nicht auf die alte Seite', async () => {
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Abmelden' }))
    await user.click(await screen.findByLabelText('Sandra Wanzar (Dezernentin)'))
    await user.click(screen.getByRole('button', { name: 'Anmelden' }))
    expect(await screen.findByRole('heading', { name: 'Ausgaben', level: 1 })).toBeInTheDocument()
  })

  it('kehrt zur Anmeldung zurück, wenn die Sitzung abgelaufen ist', async () => {
    await renderApp({ route: '/beitraege', token: 'abgelaufen' })
    expect(await screen.findByRole('heading', { name: 'Anmelden' })).toBeInTheDocument()
  })
})

describe('Fehlerzustände', () => {
  it('zeigt eine deutsche Meldung statt einer weißen Seite bei fehlerhafter Antwort', async () => {
    await renderApp({
      route: '/ausgaben',
      as: 'editor',
      backend: (backend) => ({
        ...backend,
        listIssues: () => Promise.reject(new ResponseFormatError('/issues')),
      }),
    })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Die Antwort des Servers hat ein unerwartetes Format.',
    )
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument()
  })

  it('meldet Netzwerkfehler verständlich, nachdem die Sitzungsprüfung wiederholt wurde', async () => {
    await renderApp({ route: '/beitraege', as: 'editor', faults: { failureRate: 1 } })
    expect(await screen.findByRole('alert', {}, { timeout: 8000 })).toHaveTextContent(
      'Keine Verbindung zum Server.',
    )
  })

  it('meldet Serverstörungen verständlich', async () => {
    await renderApp({
      route: '/ausgaben',
      as: 'editor',
      faults: { failureRate: 1, failureMode: 'server' },
    })
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'Der Server ist gerade nicht erreichbar',
    )
  })

  it('fängt Darstellungsfehler ab', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await renderApp({
      route: '/ausgaben/ausgabe-2018-08',
      as: 'editor',
      backend: (backend) => ({
        ...backend,
        getIssue: async (id) => {
          const issue = await backend.getIssue(id)
          return { ...issue, deadline: 'kein Datum' }
        },
      }),
    })
    expect(
      await screen.findByRole('heading', { name: 'Etwas ist schiefgegangen' }),
    ).toBeInTheDocument()
    spy.mockRestore()
  })

  it('zeigt eine Seite für unbekannte Adressen', async () => {
    await renderApp({ route: '/gibt-es-nicht', as: 'designer' })
    expect(await screen.findByRole('heading', { name: 'Seite nicht gefunden' })).toBeInTheDocument()
  })
})
