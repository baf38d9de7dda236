import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { renderApp, setupTestServer } from '../render-app'

let hoursLater = 0
const server = createTestServer({
  now: () => new Date(Date.now() + hoursLater * 60 * 60 * 1000),
})
setupTestServer(server)

describe('Sitzung ohne Aktivität', () => {
  it('sagt nach der Abmeldung wegen Inaktivität beim Anmelden, warum', async () => {
    hoursLater = 0
    const { queryClient } = await renderApp({ route: '/ausgaben', as: 'editor', server })
    expect(await screen.findByRole('heading', { name: 'Ausgaben', level: 1 })).toBeInTheDocument()
    hoursLater = 3
    // The next request after the pause (here: the refresh when the window is focused again).
    await queryClient.invalidateQueries()
    expect(
      await screen.findByRole('heading', { name: 'Anmelden' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(
      screen.getByText(
        'Sie wurden nach 120 Minuten ohne Aktivität abgemeldet. Bitte melden Sie sich neu an.',
      ),
    ).toHaveAttribute('role', 'status')
  })
})
