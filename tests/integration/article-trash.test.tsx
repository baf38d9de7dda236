import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { docFromParagraphs } from '../../src/domain/rich-text'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const seedArticleCount = 10
const articles = () => testServer.store.snapshot().articles
const trash = () => testServer.store.snapshot().trash ?? []
const mainNavigation = () => screen.getByRole('navigation', { name: 'Hauptnavigation' })

describe('Neuer Beitrag', () => {
  it('legt bei einem Doppelklick nur einen Beitrag an', async () => {
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.dblClick(await screen.findByRole('button', { name: 'Neuer Beitrag' }))
    await screen.findByLabelText('Überschrift')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(articles()).toHaveLength(seedArticleCount + 1)
  })

  it('hinterlässt keinen leeren Beitrag, wenn der Editor ohne Eingabe verlassen wird', async () => {
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Neuer Beitrag' }))
    await screen.findByLabelText('Überschrift')
    expect(articles()).toHaveLength(seedArticleCount + 1)

    await user.click(within(mainNavigation()).getByRole('link', { name: 'Beiträge' }))
    await screen.findByRole('heading', { level: 1, name: 'Beiträge' })
    await waitFor(() => expect(articles()).toHaveLength(seedArticleCount))
    expect(trash()).toEqual([])
    await waitFor(() => expect(screen.queryByText('Ohne Überschrift')).not.toBeInTheDocument())
  })

  it('behält den Beitrag, sobald etwas darin steht', async () => {
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Neuer Beitrag' }))
    await user.type(await screen.findByLabelText('Überschrift'), 'Sprechstunde im Rathaus')
    await user.click(within(mainNavigation()).getByRole('link', { name: 'Beiträge' }))
    await screen.findByRole('link', { name: 'Sprechstunde im Rathaus' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(articles().map((article) => article.headline)).toContain('Sprechstunde im Rathaus')
  })
})

describe('Beiträge löschen und wiederherstellen', () => {
  it('fragt nach, legt in den Papierkorb und stellt von dort wieder her', async () => {
    await (
      await backendAs('editor')
    ).createArticle({ headline: 'Alte Notiz', body: docFromParagraphs(['Überholt.']) })
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await screen.findByRole('link', { name: 'Alte Notiz' })
    // Articles in an issue cannot be deleted: they offer no button.
    expect(screen.getAllByRole('button', { name: /löschen$/ })).toHaveLength(1)

    const remove = screen.getByRole('button', { name: '„Alte Notiz“ löschen' })
    await user.click(remove)
    let dialog = screen.getByRole('dialog', { name: '„Alte Notiz“ löschen?' })
    expect(dialog).toHaveTextContent('30 Tage lang wiederherstellen')
    // focus starts on Abbrechen: an Enter pressed once too often deletes nothing
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(remove).toHaveFocus()
    expect(trash()).toEqual([])

    await user.click(remove)
    dialog = screen.getByRole('dialog', { name: '„Alte Notiz“ löschen?' })
    await user.click(within(dialog).getByRole('button', { name: 'In den Papierkorb legen' }))
    const notice = await screen.findByText('„Alte Notiz“ liegt jetzt im Papierkorb.')
    await waitFor(() => expect(notice).toHaveFocus())
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Alte Notiz' })).not.toBeInTheDocument(),
    )
    expect(trash().map((entry) => entry.article.headline)).toEqual(['Alte Notiz'])

    await user.click(screen.getByRole('link', { name: 'Papierkorb' }))
    await screen.findByRole('heading', { level: 1, name: 'Papierkorb' })
    const list = await screen.findByRole('list', { name: 'Gelöschte Beiträge' })
    const [item] = within(list).getAllByRole('listitem')
    expect(item).toHaveTextContent('Alte Notiz')
    await waitFor(() => expect(item).toHaveTextContent(/von Dr\. Frank Rühling/))
    expect(item).toHaveTextContent(/endgültig gelöscht \(noch 30 Tage\)/)

    await user.click(within(item!).getByRole('button', { name: '„Alte Notiz“ wiederherstellen' }))
    const restored = await screen.findByText(/„Alte Notiz“ ist wieder im Themenspeicher/)
    await waitFor(() => expect(restored).toHaveFocus())
    expect(await screen.findByText('Der Papierkorb ist leer.')).toBeInTheDocument()
    expect(articles().map((article) => article.headline)).toContain('Alte Notiz')
  })

  it('macht das Löschen mit „Rückgängig“ gleich wieder rückgängig', async () => {
    await (await backendAs('editor')).createArticle({ headline: 'Versehentlich gelöscht' })
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.click(
      await screen.findByRole('button', { name: '„Versehentlich gelöscht“ löschen' }),
    )
    await user.click(screen.getByRole('button', { name: 'In den Papierkorb legen' }))
    await user.click(await screen.findByRole('button', { name: 'Rückgängig' }))
    expect(
      await screen.findByText('„Versehentlich gelöscht“ ist wiederhergestellt.'),
    ).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Versehentlich gelöscht' })).toBeInTheDocument()
    expect(trash()).toEqual([])
  })

  it('sagt bei einem leeren Beitrag, dass er endgültig entfernt wird, nicht in den Papierkorb', async () => {
    const empty = await (await backendAs('editor')).createArticle({ headline: '' })
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: '„Ohne Überschrift“ löschen' }))
    const dialog = screen.getByRole('dialog', { name: '„Ohne Überschrift“ löschen?' })
    expect(dialog).toHaveTextContent(
      'Der Beitrag ist leer: keine Überschrift, kein Text, kein Foto. Er wird endgültig entfernt und nicht in den Papierkorb gelegt – es gibt nichts wiederherzustellen.',
    )
    expect(dialog).not.toHaveTextContent('wiederherstellen;')
    await user.click(within(dialog).getByRole('button', { name: 'Leeren Beitrag entfernen' }))
    const notice = await screen.findByText('Der leere Beitrag ist endgültig entfernt.')
    await waitFor(() => expect(notice).toHaveFocus())
    expect(screen.queryByText(/im Papierkorb/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Rückgängig' })).not.toBeInTheDocument()
    expect(articles().map((article) => article.id)).not.toContain(empty.id)
    expect(trash()).toEqual([])
  })

  it('zeigt der Gestaltung weder Löschen noch Papierkorb', async () => {
    await (await backendAs('editor')).createArticle({ headline: 'Nur lesen' })
    await renderApp({ route: '/beitraege', as: 'designer' })
    await screen.findByRole('link', { name: 'Nur lesen' })
    expect(screen.queryByRole('button', { name: /löschen/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Papierkorb' })).not.toBeInTheDocument()
  })
})
