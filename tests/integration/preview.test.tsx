import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { tinyPng } from '../fixtures/images'
import { renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const route = '/ausgaben/ausgabe-2018-08/vorschau'
const frameHtml = (title: string) => screen.getByTitle(title).getAttribute('srcdoc') ?? ''

describe('Vorschau und Layout', () => {
  it('zeigt die E-Mail mit Größe und Textfassung; die Redaktion sieht keine Layout-Einstellungen', async () => {
    const { user } = await renderApp({ route, as: 'editor' })
    expect(
      await screen.findByText(
        /E-Mail-HTML: .* KB von höchstens 102 KB – Gmail zeigt die E-Mail vollständig\./,
      ),
    ).toBeInTheDocument()
    expect(frameHtml('Vorschau: E-Mail')).toContain('role="presentation"')
    expect(screen.queryByRole('form', { name: 'Layout' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('tab', { name: 'Web' }))
    expect(frameHtml('Vorschau: Web')).toContain('<figcaption>')
  })

  it('die Gestaltung ändert Farbe, Schrift, Fotoplatzierung und Logo, sieht es sofort und speichert', async () => {
    const { user } = await renderApp({ route, as: 'designer' })
    await screen.findByRole('form', { name: 'Layout' })
    fireEvent.input(screen.getByLabelText('Akzentfarbe'), { target: { value: '#8a1538' } })
    await user.selectOptions(screen.getByLabelText('Schrift der Überschriften'), 'serif')
    await user.click(screen.getByLabelText('Links neben dem Text'))
    await waitFor(() =>
      expect(frameHtml('Vorschau: E-Mail')).toContain('border-bottom:4px solid #8a1538'),
    )
    expect(frameHtml('Vorschau: E-Mail')).toContain('font-family:Georgia')
    expect(
      screen.getByText('Die Vorschau zeigt Ihre noch nicht gespeicherte Auswahl.'),
    ).toBeInTheDocument()
    expect(screen.getByText(/Kontrast zu Weiß .*:1$/)).toBeInTheDocument()

    await user.upload(
      screen.getByTestId('logo-file-input'),
      new File([tinyPng()], 'logo.png', { type: 'image/png' }),
    )
    await waitFor(() =>
      expect(frameHtml('Vorschau: E-Mail')).toMatch(
        /<img src="[^"]+" height="64" alt="Stadt Gera"/,
      ),
    )

    await user.click(screen.getByRole('button', { name: 'Layout speichern' }))
    expect(await screen.findByText('Das Layout ist gespeichert.')).toBeInTheDocument()
    expect(testServer.store.snapshot().publication.layout).toMatchObject({
      accentColor: '#8a1538',
      headingFont: 'serif',
      photoPlacement: 'left',
      logoMediaId: expect.any(String),
    })
  })

  it('warnt vor zu wenig Kontrast', async () => {
    await renderApp({ route, as: 'head' })
    await screen.findByRole('form', { name: 'Layout' })
    fireEvent.input(screen.getByLabelText('Akzentfarbe'), { target: { value: '#ffd700' } })
    expect(
      await screen.findByText(/zu gering für Überschriften \(mindestens 4,5:1\)/),
    ).toBeInTheDocument()
  })
})
