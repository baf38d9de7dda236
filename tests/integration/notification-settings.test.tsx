import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { renderApp, setupTestServer } from '../render-app'

const server = createTestServer({ mail: true })
setupTestServer(server)

/** Gives the Redaktion (Frank Rühling) an e-mail address, as `user:email` does on the server. */
function giveEditorAnAddress() {
  const state = server.store.snapshot()
  state.notificationSettings = [
    {
      userId: 'frank-ruehling',
      email: 'frank.ruehling@gera.de',
      emailEnabled: true,
      remindersEnabled: true,
    },
  ]
  server.store.replace(state, new Map())
}

describe('Benachrichtigungen einstellen', () => {
  it('ist von der Glocke aus erreichbar, schaltet E-Mail und Erinnerungen ab und speichert', async () => {
    giveEditorAnAddress()
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Benachrichtigungen' }))
    await user.click(screen.getByRole('link', { name: 'Einstellungen' }))

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Benachrichtigungen einstellen' }),
    ).toBeInTheDocument()
    const email = await screen.findByRole('checkbox', {
      name: 'Benachrichtigungen auch per E-Mail',
    })
    const reminders = screen.getByRole('checkbox', {
      name: 'Erinnerungen vor dem Redaktionsschluss',
    })
    expect(email).toBeChecked()
    expect(email).toBeEnabled()
    expect(email).toHaveAccessibleDescription(/frank\.ruehling@gera\.de/)
    expect(reminders).toBeChecked()

    await user.click(email)
    await user.click(reminders)
    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    expect(await screen.findByText('Gespeichert.')).toHaveAttribute('role', 'status')
    expect(screen.getByText('Gespeichert.')).toHaveFocus()

    const stored = await server.store.transaction((tx) =>
      tx.getNotificationSettings('frank-ruehling'),
    )
    expect(stored).toMatchObject({ emailEnabled: false, remindersEnabled: false })
  })

  it('erklärt, warum ohne Adresse keine E-Mail kommen kann, und lässt den Schalter dann aus', async () => {
    await renderApp({ route: '/benachrichtigungen/einstellungen', as: 'head' })
    const email = await screen.findByRole('checkbox', {
      name: 'Benachrichtigungen auch per E-Mail',
    })
    expect(email).toBeDisabled()
    expect(email).not.toBeChecked()
    expect(email).toHaveAccessibleDescription(
      'Für Sie ist keine E-Mail-Adresse hinterlegt. Die Verwaltung kann sie eintragen.',
    )
  })

  it('behält die Auswahl, wenn das Speichern scheitert, und sagt es auf Deutsch', async () => {
    giveEditorAnAddress()
    const { user } = await renderApp({
      route: '/benachrichtigungen/einstellungen',
      as: 'editor',
    })
    const reminders = await screen.findByRole('checkbox', {
      name: 'Erinnerungen vor dem Redaktionsschluss',
    })
    await user.click(reminders)
    server.setFaults({ failureRate: 1, failureMode: 'server' })
    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText(/Nicht gespeichert\./)).toBeInTheDocument()
    expect(reminders).not.toBeChecked()
  })
})
