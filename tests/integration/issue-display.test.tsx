import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { issueTitle } from '../../src/domain/issue'
import { createSeedMedia, createSeedState } from '../../mocks/seed/august-2018'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

async function createIssue(label: string) {
  const backend = await backendAs('editor')
  const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  return backend.createIssue({
    label,
    deadline: inDays(7).toISOString(),
    plannedSendDate: inDays(9).toISOString().slice(0, 10),
  })
}

describe('Name einer Ausgabe', () => {
  it('setzt „Ausgabe“ nur vor Titel, die es nicht schon sagen', () => {
    expect(issueTitle('August 2018')).toBe('Ausgabe August 2018')
    expect(issueTitle('Ausgabe Dezember 2026')).toBe('Ausgabe Dezember 2026')
    expect(issueTitle('ausgabe 3/2027')).toBe('ausgabe 3/2027')
    expect(issueTitle('Ausgaben-Rückblick')).toBe('Ausgabe Ausgaben-Rückblick')
  })

  it('zeigt „Ausgabe Dezember 2026“ nicht als „Ausgabe Ausgabe Dezember 2026“', async () => {
    const issue = await createIssue('Ausgabe Dezember 2026')
    await renderApp({ route: `/ausgaben/${issue.id}`, as: 'editor' })
    expect(
      await screen.findByRole('heading', { name: 'Ausgabe Dezember 2026', level: 1 }),
    ).toBeInTheDocument()
    expect(screen.queryByText(/Ausgabe Ausgabe/)).not.toBeInTheDocument()
  })

  it('nennt sie auch in der Vorschau nur einmal', async () => {
    const issue = await createIssue('Ausgabe Dezember 2026')
    await renderApp({ route: `/ausgaben/${issue.id}/vorschau`, as: 'designer' })
    expect(
      await screen.findByRole('heading', { name: 'Vorschau der Ausgabe Dezember 2026', level: 1 }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Ausgabe Dezember 2026' })).toBeInTheDocument()
  })
})

describe('Redaktionsschluss einer erledigten Ausgabe', () => {
  it('zählt bei versendeten und freigegebenen Ausgaben keine Tage mehr', async () => {
    const state = createSeedState()
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000)
    const seed = state.issues[0]!
    state.issues = [
      { ...seed, deadline: inDays(3).toISOString(), status: 'published' },
      {
        ...seed,
        id: 'ausgabe-offen',
        label: 'September 2018',
        articleIds: [],
        deadline: inDays(3).toISOString(),
        status: 'draft',
      },
      {
        ...seed,
        id: 'ausgabe-freigegeben',
        label: 'Oktober 2018',
        articleIds: [],
        deadline: inDays(3).toISOString(),
        status: 'approved',
      },
    ]
    testServer.store.replace(state, await createSeedMedia(state, sharpImagePort))
    await renderApp({ route: '/ausgaben', as: 'editor' })
    const row = async (label: string) =>
      (await screen.findByRole('link', { name: label })).closest('tr')!
    expect(await row('August 2018')).toHaveTextContent('(versendet)')
    expect(await row('August 2018')).not.toHaveTextContent(/noch \d+ Tage/)
    expect(await row('Oktober 2018')).toHaveTextContent('(freigegeben)')
    expect(await row('September 2018')).toHaveTextContent('(noch 3 Tage)')
  })
})
