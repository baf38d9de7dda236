import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { Role } from '../../src/domain/user'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'
const formatMessage =
  'Das hat nicht geklappt. Die Antwort des Servers hat ein unerwartetes Format. Bitte versuchen Sie es später erneut.'

function answerGet(path: string, resolver: () => Response) {
  testServer.server.use(http.get(`${testServer.apiBaseUrl}${path}`, resolver))
}

const malformed = () => HttpResponse.json({ unerwartet: true })

function expectShell() {
  const navigation = screen.getByRole('navigation', { name: 'Hauptnavigation' })
  expect(within(navigation).getByRole('link', { name: 'Ausgaben' })).toBeInTheDocument()
  expect(within(navigation).getByRole('link', { name: 'Beiträge' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Abmelden' })).toBeInTheDocument()
}

const pages: { page: string; route: string; as: Role; endpoint: string }[] = [
  { page: 'Ausgaben', route: '/ausgaben', as: 'editor', endpoint: '/issues' },
  { page: 'eine Ausgabe', route: `/ausgaben/${issueId}`, as: 'editor', endpoint: '/issues/:id' },
  { page: 'Beiträge', route: '/beitraege', as: 'editor', endpoint: '/articles' },
  {
    page: 'ein Beitrag',
    route: '/beitraege/beitrag-01-antrittsbesuch',
    as: 'editor',
    endpoint: '/articles/:id',
  },
  {
    page: 'Vorschau (Ausgabe)',
    route: `/ausgaben/${issueId}/vorschau`,
    as: 'designer',
    endpoint: '/issues/:id',
  },
  {
    page: 'Vorschau (Beiträge)',
    route: `/ausgaben/${issueId}/vorschau`,
    as: 'designer',
    endpoint: '/articles',
  },
  {
    page: 'Vorschau (Publikation)',
    route: `/ausgaben/${issueId}/vorschau`,
    as: 'designer',
    endpoint: '/publication',
  },
  {
    page: 'Beitrag (Publikation)',
    route: '/beitraege/beitrag-01-antrittsbesuch',
    as: 'editor',
    endpoint: '/publication',
  },
]

describe('Antworten in falschem Format', () => {
  it.each(pages)(
    '$page: eine Meldung auf Deutsch mit „Erneut versuchen“, Navigation bleibt',
    async ({ route, as, endpoint }) => {
      answerGet(endpoint, malformed)
      await renderApp({ route, as })
      expect(await screen.findByRole('alert')).toHaveTextContent(formatMessage)
      expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument()
      expectShell()
    },
  )

  it('lädt eine Ausgabe nach „Erneut versuchen“, sobald die Antwort wieder stimmt', async () => {
    answerGet('/issues/:id', malformed)
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    expect(await screen.findByRole('alert')).toHaveTextContent(formatMessage)
    testServer.server.resetHandlers()
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }))
    expect(await screen.findByRole('heading', { name: 'Ausgabe August 2018' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('meldet eine unbekannte Ausgabe einmal und auf Deutsch', async () => {
    await renderApp({ route: '/ausgaben/gibt-es-nicht', as: 'editor' })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Das hat nicht geklappt. Die Ausgabe wurde nicht gefunden.',
    )
    expectShell()
  })

  it('zeigt der Dezernentin statt endloser „Prüfungen laufen …“ eine Meldung, wenn die Publikation fehlerhaft ankommt', async () => {
    const head = await backendAs('head')
    await head.submitIssue(issueId, { version: 1 })
    answerGet('/publication', malformed)
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const panel = await screen.findByRole('region', { name: 'Freigabe' })
    expect(await within(panel).findByRole('alert')).toHaveTextContent(formatMessage)
    expect(within(panel).queryByText('Prüfungen laufen …')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Ausgabe August 2018' })).toBeInTheDocument()

    testServer.server.resetHandlers()
    await user.click(within(panel).getByRole('button', { name: 'Erneut versuchen' }))
    expect(await within(panel).findByRole('region', { name: 'Prüfungen' })).toBeInTheDocument()
  })

  it('behandelt eine HTML-Seite statt JSON wie ein falsches Format', async () => {
    answerGet('/articles', () =>
      HttpResponse.html('<!doctype html><html><body><h1>Wartungsarbeiten</h1></body></html>'),
    )
    await renderApp({ route: '/beitraege', as: 'editor' })
    expect(await screen.findByRole('alert')).toHaveTextContent(formatMessage)
    expect(screen.getByRole('heading', { name: 'Beiträge' })).toBeInTheDocument()
    expectShell()
  })

  it('zeigt bei 500 den deutschen Text des Problem-Dokuments', async () => {
    answerGet('/issues', () =>
      HttpResponse.json(
        {
          type: '/probleme/interner-fehler',
          title: 'Interner Fehler',
          status: 500,
          detail: 'Ein unerwarteter Fehler ist aufgetreten (Fehler-ID 4711).',
          errorId: '4711',
        },
        { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    )
    await renderApp({ route: '/ausgaben', as: 'editor' })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Das hat nicht geklappt. Ein unerwarteter Fehler ist aufgetreten (Fehler-ID 4711).',
    )
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Neue Ausgabe' })).toBeInTheDocument()
    expectShell()
  })

  it('meldet einen Fehler ohne Problem-Dokument (502 eines Proxys) auf Deutsch', async () => {
    answerGet('/issues', () =>
      HttpResponse.html('<html><body>502 Bad Gateway</body></html>', { status: 502 }),
    )
    await renderApp({ route: '/ausgaben', as: 'editor' })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Das hat nicht geklappt. Der Server ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
    )
    expect(alert).not.toHaveTextContent('Bad Gateway')
    expectShell()
  })

  it('zeigt bei einem Darstellungsfehler keinen englischen Fehlertext', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await renderApp({
      route: `/ausgaben/${issueId}`,
      as: 'editor',
      backend: (backend) => ({
        ...backend,
        getIssue: async (id) => ({ ...(await backend.getIssue(id)), deadline: 'kein Datum' }),
      }),
    })
    const alert = await screen.findByRole('alert')
    expect(
      within(alert).getByRole('heading', { name: 'Etwas ist schiefgegangen' }),
    ).toBeInTheDocument()
    expect(alert).toHaveTextContent('Diese Seite konnte nicht angezeigt werden.')
    expect(alert).not.toHaveTextContent('Invalid time value')
    expectShell()
    spy.mockRestore()
  })
})
