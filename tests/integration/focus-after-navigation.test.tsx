import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { tinyPng } from '../fixtures/images'
import { renderApp, setupTestServer } from '../render-app'

setupTestServer()

describe('Fokus nach Navigation und Formularen', () => {
  it('setzt den Fokus nach einem Seitenwechsel auf die Überschrift der neuen Seite', async () => {
    const { user } = await renderApp({ route: '/ausgaben', as: 'editor' })
    await screen.findByRole('link', { name: 'August 2018' })
    await user.click(screen.getByRole('link', { name: 'Beiträge' }))
    const heading = await screen.findByRole('heading', { level: 1, name: 'Beiträge' })
    await waitFor(() => expect(heading).toHaveFocus())

    await user.click(screen.getByRole('link', { name: 'Ausgaben' }))
    await user.click(await screen.findByRole('link', { name: 'August 2018' }))
    // the issue's heading appears only once the issue has loaded
    const issueHeading = await screen.findByRole('heading', {
      level: 1,
      name: 'Ausgabe August 2018',
    })
    await waitFor(() => expect(issueHeading).toHaveFocus())
  })

  it('gibt den Fokus nach „Abbrechen“ in „Neue Ausgabe“ an den Knopf zurück', async () => {
    const { user } = await renderApp({ route: '/ausgaben', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Neue Ausgabe' }))
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }))
    expect(screen.getByRole('button', { name: 'Neue Ausgabe' })).toHaveFocus()
  })

  it('gibt den Fokus nach „Abbrechen“ in „Ausgabe bearbeiten“ an den Knopf zurück', async () => {
    const { user } = await renderApp({ route: '/ausgaben/ausgabe-2018-08', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Ausgabe bearbeiten' }))
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }))
    expect(screen.getByRole('button', { name: 'Ausgabe bearbeiten' })).toHaveFocus()
  })

  it('gibt den Fokus nach „Abbrechen“ in „Änderungen anfordern“ an den Knopf zurück', async () => {
    const { user } = await renderApp({ route: '/ausgaben/ausgabe-2018-08', as: 'head' })
    const submit = await screen.findByRole('button', { name: 'Zur Freigabe einreichen …' })
    await waitFor(() => expect(submit).toBeEnabled())
    await user.click(submit)
    await user.click(await screen.findByRole('button', { name: 'Trotzdem einreichen' }))
    await user.click(await screen.findByRole('button', { name: 'Änderungen anfordern …' }))
    const form = screen.getByRole('form', { name: 'Änderungen anfordern' })
    await user.click(within(form).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.getByRole('button', { name: 'Änderungen anfordern …' })).toHaveFocus()
  })

  it('setzt den Fokus nach dem Hochladen auf die Bildunterschrift des neuen Fotos', async () => {
    const { user } = await renderApp({ route: '/beitraege/beitrag-02-sozialplan', as: 'editor' })
    const input = await screen.findByTestId('photo-file-input')
    await user.upload(input, new File([tinyPng()], 'sitzung.png', { type: 'image/png' }))
    const photo = await screen.findByRole('group', { name: 'Foto 1' })
    await waitFor(() => expect(photo.querySelector('textarea')).toBe(document.activeElement))
    expect(document.activeElement).toHaveAccessibleName('Bildunterschrift')
  })
})
