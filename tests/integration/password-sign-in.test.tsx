import { screen, waitFor } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { NetworkError } from '../../src/backend/api-error'
import { verifyPassword } from '../../src/server/node/passwords'
import { renderApp, setupTestServer } from '../render-app'
import { seedAccounts, seedCredentials } from '../server/seed-accounts'

const passwordServer = createTestServer({
  signIn: { method: 'password', verifyPassword, clientAddress: () => '192.0.2.1' },
  credentials: seedCredentials,
})

setupTestServer(passwordServer)

let requests: string[] = []
beforeEach(() => {
  requests = []
  passwordServer.server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`)
  })
})
afterEach(() => passwordServer.server.events.removeAllListeners())

const editor = seedAccounts.editor

async function renderSignIn(options: Parameters<typeof renderApp>[0] = {}) {
  const view = await renderApp({ route: '/anmelden', server: passwordServer, ...options })
  const login = await screen.findByLabelText('Benutzername')
  const password = screen.getByLabelText('Passwort')
  const submit = screen.getByRole('button', { name: 'Anmelden' })
  return { ...view, login, password, submit }
}

async function signIn(user: UserEvent, login: string, password: string) {
  await user.clear(screen.getByLabelText('Benutzername'))
  if (login) await user.type(screen.getByLabelText('Benutzername'), login)
  await user.clear(screen.getByLabelText('Passwort'))
  if (password) await user.type(screen.getByLabelText('Passwort'), password)
  await user.click(screen.getByRole('button', { name: 'Anmelden' }))
}

describe('Anmelden mit Benutzername und Passwort', () => {
  it('zeigt die Felder mit Beschriftung und passenden Autovervollständigungen', async () => {
    const { login, password } = await renderSignIn()
    expect(screen.getByRole('heading', { name: 'Anmelden' })).toBeInTheDocument()
    expect(login).toHaveAttribute('autocomplete', 'username')
    expect(login).toHaveAttribute('autocapitalize', 'none')
    expect(login).toHaveAttribute('spellcheck', 'false')
    expect(password).toHaveAttribute('type', 'password')
    expect(password).toHaveAttribute('autocomplete', 'current-password')
    expect(screen.queryByRole('group', { name: 'Anmelden als …' })).not.toBeInTheDocument()
  })

  it('meldet die Redaktion an und führt zu den Ausgaben', async () => {
    const { user, tokens } = await renderSignIn({ route: '/' })
    await signIn(user, editor.login, editor.password)

    expect(await screen.findByRole('heading', { name: 'Ausgaben' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'August 2018' })).toBeInTheDocument()
    expect(tokens.get()).toBeTruthy()
    expect(requests).toContain('POST /api/session')
  })

  it('führt nach der Anmeldung zur ursprünglich gewünschten Seite zurück', async () => {
    const { user } = await renderSignIn({ route: '/beitraege' })
    await signIn(user, editor.login, editor.password)
    expect(await screen.findByRole('heading', { name: 'Beiträge' })).toBeInTheDocument()
  })

  it('fragt die Personenliste nie ab, weil sie eine Anmeldung braucht', async () => {
    const { user } = await renderSignIn()
    await signIn(user, editor.login, 'falsch')
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    expect(requests).toContain('GET /api/session/options')
    expect(requests.filter((request) => request.includes('/api/users'))).toEqual([])
  })

  it('meldet ein falsches Passwort, behält den Benutzernamen und leert nur das Passwort', async () => {
    const { user, login, password, tokens } = await renderSignIn()
    await signIn(user, editor.login, 'falsches Passwort')

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Benutzername oder Passwort ist falsch.',
    )
    expect(login).toHaveValue(editor.login)
    expect(password).toHaveValue('')
    expect(password).toHaveFocus()
    expect(tokens.get()).toBeNull()
  })

  it('verlangt beide Felder, bevor es den Server fragt', async () => {
    const { user, login, password, submit } = await renderSignIn()
    await user.click(submit)

    expect(login).toHaveAttribute('aria-invalid', 'true')
    expect(login).toHaveAccessibleDescription('Bitte den Benutzernamen angeben.')
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(password).toHaveAccessibleDescription('Bitte das Passwort angeben.')
    expect(login).toHaveFocus()
    expect(requests).not.toContain('POST /api/session')

    await user.type(login, '   ')
    await user.click(submit)
    expect(login).toHaveAccessibleDescription('Bitte den Benutzernamen angeben.')

    await user.clear(login)
    await user.type(login, editor.login)
    await user.click(submit)
    expect(login).not.toHaveAttribute('aria-invalid')
    expect(password).toHaveAccessibleDescription('Bitte das Passwort angeben.')
    expect(password).toHaveFocus()
    expect(requests).not.toContain('POST /api/session')
  })

  it('bremst nach fünf Fehlversuchen, auch mit dem richtigen Passwort', async () => {
    const { user, login, password } = await renderSignIn()
    for (let attempt = 0; attempt < 5; attempt++) {
      await signIn(user, editor.login, `geraten-${attempt}`)
      await waitFor(() => expect(password).toHaveValue(''))
      expect(screen.getByRole('alert')).toHaveTextContent('Benutzername oder Passwort ist falsch.')
    }

    await signIn(user, editor.login, editor.password)
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        /^Zu viele fehlgeschlagene Anmeldungen\. Bitte versuchen Sie es in \d+ Sekunden? erneut\.$/,
      ),
    )
    expect(login).toHaveValue(editor.login)
    expect(screen.queryByRole('heading', { name: 'Ausgaben' })).not.toBeInTheDocument()
  })

  it('zeigt Feldfehler des Servers am Feld', async () => {
    const { user, login, password, submit } = await renderSignIn()
    await user.click(login)
    await user.paste('x'.repeat(201))
    await user.type(password, 'egal')
    await user.click(submit)

    await waitFor(() => expect(login).toHaveAttribute('aria-invalid', 'true'))
    expect(login).toHaveAccessibleDescription(/\S/)
    expect(login).toHaveFocus()
    expect(password).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('meldet, wenn der Server nicht erreichbar ist, und behält die Eingaben', async () => {
    const { user, login, password } = await renderSignIn()
    passwordServer.setFaults({ failureRate: 1 })
    await signIn(user, editor.login, editor.password)

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Keine Verbindung zum Server. Bitte prüfen Sie die Netzwerkverbindung.',
    )
    expect(login).toHaveValue(editor.login)
    expect(password).toHaveValue(editor.password)
  })

  it('zeigt „Anmelden …“ während der Anmeldung und schickt sie nur einmal ab', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const loginWithPassword = vi.fn()
    const { user, password } = await renderSignIn({
      backend: (backend) => ({
        ...backend,
        loginWithPassword: async (login, secret) => {
          loginWithPassword(login)
          await held
          return backend.loginWithPassword(login, secret)
        },
      }),
    })
    await signIn(user, editor.login, editor.password)
    const pending = await screen.findByRole('button', { name: 'Anmelden …' })
    expect(pending).toHaveAttribute('aria-busy', 'true')
    await user.click(pending)
    await user.type(password, '{Enter}')
    release()

    expect(await screen.findByRole('heading', { name: 'Ausgaben' })).toBeInTheDocument()
    expect(loginWithPassword).toHaveBeenCalledTimes(1)
  })

  it('zeigt einen Fehler mit „Erneut versuchen“, wenn die Anmeldeart nicht geladen werden kann', async () => {
    let attempts = 0
    const { user } = await renderApp({
      route: '/anmelden',
      server: passwordServer,
      backend: (backend) => ({
        ...backend,
        getSignInMethod: () =>
          ++attempts === 1 ? Promise.reject(new NetworkError()) : backend.getSignInMethod(),
      }),
    })
    expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server.')
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }))
    expect(await screen.findByLabelText('Benutzername')).toBeInTheDocument()
  })
})
