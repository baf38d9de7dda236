import { screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { renderApp, setupTestServer } from '../render-app'

// the default test server has no mail server configured
setupTestServer()

it('/abonnieren ohne Mailserver sagt, warum die Anmeldung nicht geht, und zeigt kein Formular', async () => {
  await renderApp({ route: '/abonnieren' })
  expect(await screen.findByText(/weil kein Mailserver eingerichtet ist/)).toBeInTheDocument()
  expect(screen.queryByRole('textbox', { name: 'E-Mail-Adresse' })).not.toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Newsletter abonnieren' })).not.toBeInTheDocument()
})
