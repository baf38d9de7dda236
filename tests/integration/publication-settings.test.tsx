import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const storedPublication = () => testServer.store.transaction((tx) => tx.getPublication())

describe('Kopf und Impressum', () => {
  it('ist von „Ausgaben“ aus erreichbar, ändert Untertitel, Telefon und Wortgrenze und speichert', async () => {
    const { user } = await renderApp({ route: '/ausgaben', as: 'editor' })
    await user.click(await screen.findByRole('link', { name: 'Kopf und Impressum' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kopf und Impressum' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText(/erst, wenn sie wieder geöffnet und erneut freigegeben wird/),
    ).toBeVisible()

    const subtitle = await screen.findByRole('textbox', { name: 'Untertitel' })
    expect(subtitle).toHaveValue('Nachrichten aus dem Dezernat Soziales')
    await user.clear(subtitle)
    await user.type(subtitle, 'Neues aus dem Dezernat Soziales')
    const phone = screen.getByRole('textbox', { name: 'Telefon' })
    await user.clear(phone)
    await user.type(phone, '0365/838-3011')
    const limit = screen.getByRole('spinbutton', { name: 'Wortgrenze je Beitrag' })
    await user.clear(limit)
    await user.type(limit, '450')
    await user.click(screen.getByRole('button', { name: 'Speichern' }))

    const saved = await screen.findByRole('status')
    expect(saved).toHaveTextContent(/^Gespeichert\./)
    expect(saved).toHaveFocus()
    const stored = await storedPublication()
    expect(stored).toMatchObject({
      subtitle: 'Neues aus dem Dezernat Soziales',
      impressum: { phone: '0365/838-3011', publisher: 'Stadt Gera' },
      articleWordLimit: 450,
      version: 2,
    })

    // a second save goes out with the new version
    await user.type(phone, '2')
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    expect(await screen.findByRole('status')).toHaveFocus()
    expect(await storedPublication()).toMatchObject({
      impressum: { phone: '0365/838-30112' },
      version: 3,
    })
  })

  it('prüft mit den Regeln der Domäne, nennt Fehler auf Deutsch, fokussiert das erste Feld und speichert nichts', async () => {
    const { user } = await renderApp({ route: '/einstellungen/impressum', as: 'head' })
    const title = await screen.findByRole('textbox', { name: 'Titel' })
    const email = screen.getByRole('textbox', { name: 'E-Mail' })
    await user.clear(title)
    await user.type(title, '   ')
    await user.clear(email)
    await user.type(email, 'jugend.soziales(at)gera.de')
    const limit = screen.getByRole('spinbutton', { name: 'Wortgrenze je Beitrag' })
    await user.clear(limit)
    await user.click(screen.getByRole('button', { name: 'Speichern' }))

    expect(title).toHaveFocus()
    expect(title).toBeInvalid()
    expect(title).toHaveAccessibleDescription(/Titel darf nicht leer sein\./)
    expect(email).toBeInvalid()
    expect(email).toHaveAccessibleDescription(/Bitte eine gültige E-Mail-Adresse angeben\./)
    expect(limit).toHaveAccessibleDescription(/Die Wortgrenze muss eine ganze Zahl sein\./)
    expect(screen.getByRole('alert')).toHaveTextContent('Nicht gespeichert.')
    expect(email).toHaveValue('jugend.soziales(at)gera.de')
    expect((await storedPublication()).version).toBe(1)

    await user.type(title, 'Sozialplanung in Gera')
    await user.clear(email)
    await user.type(email, 'soziales@gera.de')
    await user.type(limit, '20')
    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    expect(limit).toHaveFocus()
    expect(limit).toHaveAccessibleDescription(/mindestens 50/)
    await user.clear(limit)
    await user.type(limit, '300')
    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    expect(await screen.findByRole('status')).toHaveFocus()
    expect(await storedPublication()).toMatchObject({
      title: 'Sozialplanung in Gera',
      impressum: { email: 'soziales@gera.de' },
    })
  })

  it('behält bei einem gleichzeitigen Speichern (409) die Eingaben, zeigt den anderen Stand und speichert beim zweiten Mal', async () => {
    const { user } = await renderApp({ route: '/einstellungen/impressum', as: 'editor' })
    const phone = await screen.findByRole('textbox', { name: 'Telefon' })
    await user.clear(phone)
    await user.type(phone, '0365/838-4000')

    const other = await backendAs('head')
    const {
      version,
      updatedAt: _updatedAt,
      layout: _layout,
      ...content
    } = await other.getPublication()
    await other.updatePublication({
      ...content,
      version,
      impressum: { ...content.impressum, responsibleName: 'Dr. Erika Muster' },
    })

    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    const notice = await screen.findByRole('alert', {
      name: 'Inzwischen von jemand anderem gespeichert',
    })
    expect(notice).toHaveFocus()
    expect(within(notice).getByText('Verantwortlich')).toBeInTheDocument()
    expect(within(notice).getByText('„Dr. Erika Muster“')).toBeInTheDocument()
    expect(within(notice).getByText('„0365/838-3010“')).toBeInTheDocument()
    expect(phone).toHaveValue('0365/838-4000')
    expect(screen.getByRole('textbox', { name: 'Verantwortlich' })).toHaveValue('Sandra Wanzar')
    expect((await storedPublication()).impressum.phone).toBe('0365/838-3010')

    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    expect(await screen.findByRole('status')).toHaveFocus()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(await storedPublication()).toMatchObject({
      impressum: { phone: '0365/838-4000', responsibleName: 'Sandra Wanzar' },
      version: 3,
    })
  })

  it('übernimmt auf Wunsch den Stand der anderen Person', async () => {
    const { user } = await renderApp({ route: '/einstellungen/impressum', as: 'editor' })
    const title = await screen.findByRole('textbox', { name: 'Titel' })
    await user.type(title, ' (Entwurf)')
    const other = await backendAs('head')
    const {
      version,
      updatedAt: _updatedAt,
      layout: _layout,
      ...content
    } = await other.getPublication()
    await other.updatePublication({ ...content, version, subtitle: 'Anderer Untertitel' })

    await user.click(screen.getByRole('button', { name: 'Speichern' }))
    await user.click(await screen.findByRole('button', { name: 'Gespeicherten Stand übernehmen' }))
    expect(title).toHaveValue('Kommunale Sozialplanung und Integrationsmanagement')
    expect(screen.getByRole('textbox', { name: 'Untertitel' })).toHaveValue('Anderer Untertitel')
  })

  it('zeigt der Gestaltung die Einstellungen nur zum Lesen', async () => {
    await renderApp({ route: '/einstellungen/impressum', as: 'designer' })
    const publisher = await screen.findByRole('textbox', { name: 'Herausgeber' })
    expect(publisher).toHaveValue('Stadt Gera')
    expect(publisher).toHaveAttribute('readonly')
    expect(screen.getByRole('textbox', { name: 'Abmeldehinweis' })).toHaveAttribute('readonly')
    expect(
      screen.getByText('Nur die Redaktion und die Dezernentin dürfen das Impressum ändern.'),
    ).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Speichern' })).not.toBeInTheDocument()
  })
})
