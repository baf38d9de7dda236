import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { demoMailSettings } from '../../mocks/demo-mail'
import { createTestServer, testApiOrigin } from '../../mocks/node'
import { createOutbox } from '../../mocks/outbox-mail'
import { consent } from '../../src/domain/sending'
import { createUnsubscribeToken } from '../../src/server/mail/unsubscribe-token'
import { backendAs, renderApp, setupTestServer } from '../render-app'

/** A demo backend with a Postausgang: sign-ups send their confirmation e-mail there. */
const server = createTestServer({ mail: true })
const { secret } = demoMailSettings(createOutbox(), testApiOrigin)
setupTestServer(server)

/** The path of the confirmation link in the newest message to `email`. */
async function confirmationPath(email: string) {
  const message = (await server.outbox()).find((candidate) => candidate.to.includes(email))
  const link = /^http:\/\/rundbrief\.test(\/abonnieren\/bestaetigen\/\S+)$/m.exec(
    message?.text ?? '',
  )
  if (!link?.[1]) throw new Error(`Keine Bestätigungs-E-Mail an ${email}`)
  return link[1]
}

async function statusOf(email: string) {
  const editor = await backendAs('editor', server)
  return (await editor.listRecipients({ q: email }))[0]?.status
}

describe('/abonnieren', () => {
  it('zeigt ohne Anmeldung die Einwilligung mit Fassung, verlangt das Häkchen und bestätigt neutral', async () => {
    const { user } = await renderApp({ route: '/abonnieren', server })
    expect(
      await screen.findByRole('heading', { name: 'Newsletter abonnieren', level: 1 }),
    ).toBeInTheDocument()
    // named as the publication settings name the newsletter: title, and title with subtitle
    await waitFor(() =>
      expect(document.title).toBe(
        'Newsletter abonnieren – Kommunale Sozialplanung und Integrationsmanagement',
      ),
    )
    expect(
      screen.getByText(
        'Newsletter „Kommunale Sozialplanung und Integrationsmanagement – Nachrichten aus dem Dezernat Soziales“',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Hauptnavigation' })).not.toBeInTheDocument()
    const checkbox = await screen.findByRole('checkbox', { name: consent.text })
    expect(checkbox).toHaveAccessibleDescription(
      `Einwilligungserklärung, Fassung ${consent.version}`,
    )

    await user.type(screen.getByLabelText('E-Mail-Adresse'), 'ines.koehler@diakonie-gera.de')
    await user.type(screen.getByLabelText('Name (freiwillig)'), 'Ines Köhler')
    await user.click(screen.getByRole('button', { name: 'Newsletter abonnieren' }))
    expect(checkbox).toHaveAccessibleDescription(
      'Bitte stimmen Sie zu, damit wir Ihnen den Newsletter senden dürfen.',
    )
    expect(screen.getByLabelText('E-Mail-Adresse')).toHaveValue('ines.koehler@diakonie-gera.de')

    await user.click(checkbox)
    await user.click(screen.getByRole('button', { name: 'Newsletter abonnieren' }))
    const done = await screen.findByRole('heading', {
      name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
    })
    expect(done.parentElement).toHaveFocus()
    expect(done.parentElement).toHaveTextContent('Fast geschafft')
    expect(await statusOf('ines.koehler@diakonie-gera.de')).toBe('pending')
    expect(await confirmationPath('ines.koehler@diakonie-gera.de')).toMatch(
      /^\/abonnieren\/bestaetigen\//,
    )
  })

  it('eine ungültige Adresse wird am Feld auf Deutsch gemeldet', async () => {
    const { user } = await renderApp({ route: '/abonnieren', server })
    await user.type(await screen.findByLabelText('E-Mail-Adresse'), 'ines(at)gera.de')
    await user.click(screen.getByRole('checkbox'))
    await user.click(screen.getByRole('button', { name: 'Newsletter abonnieren' }))
    expect(screen.getByLabelText('E-Mail-Adresse')).toHaveAccessibleDescription(
      'Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de).',
    )
    expect(await server.outbox()).not.toContainEqual(
      expect.objectContaining({ to: expect.stringContaining('ines(at)') }),
    )
  })
})

describe('/abonnieren/bestaetigen/:token', () => {
  it('das Öffnen des Links bestätigt nicht, erst der Knopf', async () => {
    const subscriber = await backendAs('editor', server)
    await subscriber.subscribe({
      email: 'anna@awo-gera.de',
      consent: true,
      consentVersion: consent.version,
    })
    const path = await confirmationPath('anna@awo-gera.de')
    const { user } = await renderApp({ route: path, server })
    const button = await screen.findByRole('button', { name: 'Anmeldung bestätigen' })
    // a link scanner that opens the page leaves the sign-up unconfirmed
    expect(await statusOf('anna@awo-gera.de')).toBe('pending')
    expect(screen.getByRole('button', { name: 'Anmeldung bestätigen' })).toBeEnabled()
    expect(screen.queryByRole('heading', { name: 'Vielen Dank!' })).not.toBeInTheDocument()
    expect(await statusOf('anna@awo-gera.de')).toBe('pending')

    await user.click(button)
    const thanks = await screen.findByRole('heading', { name: 'Vielen Dank!' })
    expect(thanks.parentElement).toHaveFocus()
    expect(thanks.parentElement).toHaveTextContent('anna@awo-gera.de ist angemeldet.')
    expect(await statusOf('anna@awo-gera.de')).toBe('confirmed')
  })

  it('ein unbekannter oder verbrauchter Link bekommt eine klare deutsche Meldung', async () => {
    const { user } = await renderApp({ route: '/abonnieren/bestaetigen/gibt-es-nicht', server })
    await user.click(await screen.findByRole('button', { name: 'Anmeldung bestätigen' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Dieser Bestätigungslink ist ungültig oder wurde schon verwendet.',
    )
    expect(within(alert).getByRole('link', { name: 'Zur Anmeldung' })).toHaveAttribute(
      'href',
      '/abonnieren',
    )
  })
})

describe('/abmelden/:token', () => {
  it('zeigt die Adresse, meldet erst auf den Knopf ab und sagt, dass nichts mehr kommt', async () => {
    const editor = await backendAs('editor', server)
    const recipient = await editor.addRecipient({ email: 'thomas.weiss@caritas-gera.de' })
    const token = await createUnsubscribeToken(secret, recipient.id)
    const { user } = await renderApp({ route: `/abmelden/${token}`, server })

    expect(
      await screen.findByRole('heading', { name: 'Vom Newsletter abmelden', level: 1 }),
    ).toBeInTheDocument()
    expect(await screen.findByText('thomas.weiss@caritas-gera.de')).toBeInTheDocument()
    expect(await statusOf('thomas.weiss@caritas-gera.de')).toBe('confirmed')

    await user.click(screen.getByRole('button', { name: 'Abmelden' }))
    const done = await screen.findByRole('heading', { name: 'Sie sind abgemeldet' })
    expect(done.parentElement).toHaveFocus()
    expect(done.parentElement).toHaveTextContent('Sie erhalten keine weiteren Ausgaben.')
    expect(await statusOf('thomas.weiss@caritas-gera.de')).toBe('unsubscribed')
  })

  it('ein schon abgemeldeter Empfänger sieht das ohne Knopf', async () => {
    const editor = await backendAs('editor', server)
    const recipient = await editor.addRecipient({ email: 'weg@beispiel.de' })
    const token = await createUnsubscribeToken(secret, recipient.id)
    await editor.unsubscribe(token)
    await renderApp({ route: `/abmelden/${token}`, server })
    expect(await screen.findByRole('heading', { name: 'Bereits abgemeldet' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Abmelden' })).not.toBeInTheDocument()
  })

  it('der Abmeldelink eines Testversands erklärt, dass er niemanden abmeldet', async () => {
    await renderApp({ route: '/abmelden/testversand', server })
    const note = await screen.findByRole('heading', { name: 'Das war ein Testversand' })
    expect(note.parentElement).toHaveTextContent('meldet niemanden ab')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Abmelden' })).not.toBeInTheDocument()
  })

  it('ein gefälschter Link bekommt eine klare deutsche Meldung', async () => {
    await renderApp({ route: '/abmelden/ausgedacht.ungueltig', server })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Dieser Abmeldelink funktioniert nicht')
    expect(screen.queryByRole('button', { name: 'Abmelden' })).not.toBeInTheDocument()
  })

  it('ein angemeldeter Redakteur sieht die öffentliche Seite, nicht das Dashboard', async () => {
    const editor = await backendAs('editor', server)
    const recipient = await editor.addRecipient({ email: 'redaktion@gera.de' })
    const token = await createUnsubscribeToken(secret, recipient.id)
    await renderApp({ route: `/abmelden/${token}`, as: 'editor', server })
    expect(await screen.findByRole('button', { name: 'Abmelden' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.queryByRole('navigation', { name: 'Hauptnavigation' })).not.toBeInTheDocument(),
    )
  })
})
