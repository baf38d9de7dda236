import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { plainText } from '../../src/domain/rich-text'
import { draftStorageKey } from '../../src/lib/draft-storage'
import { tinyPng } from '../fixtures/images'
import { backendAs, bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const articleId = 'beitrag-02-sozialplan'
/** Where the editor's (Frank Rühling's) unsaved draft of the article is mirrored. */
const draftKey = draftStorageKey('frank-ruehling', articleId)

const stored = () =>
  testServer.store.snapshot().articles.find((article) => article.id === articleId)!

describe('Beitrag bearbeiten', () => {
  it('legt einen neuen Beitrag an und speichert Überschrift und Text automatisch', async () => {
    const { user } = await renderApp({ route: '/beitraege', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Neuer Beitrag' }))
    const headline = await screen.findByLabelText('Überschrift')
    await user.type(headline, 'Neues aus dem Dezernat')
    const editor = await bodyEditor()
    editor.commands.insertContent('Erster Absatz.')
    await waitFor(
      () => {
        const created = testServer.store
          .snapshot()
          .articles.find((article) => article.headline === 'Neues aus dem Dezernat')
        expect(created && plainText(created.body)).toBe('Erster Absatz.')
      },
      { timeout: 10_000 },
    )
    expect(await screen.findByText(/^✓ Gespeichert/)).toBeInTheDocument()
    expect(localStorage.length).toBe(0)
  })

  it('zeigt Wörter und Zeichen gegen den Richtwert', async () => {
    await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    expect(
      await screen.findByText(/Wörter · .* Zeichen · Richtwert 300 Wörter/),
    ).toBeInTheDocument()
  })

  it('zeigt bei einem Versionskonflikt beide Fassungen und übernimmt auf Wunsch die neuere', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const head = await backendAs('head')
    await head.updateArticle(articleId, { version: 1, headline: 'Von der Dezernentin geändert' })

    editor.commands.insertContent('Mein Zusatz ')
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Konflikt: Der Beitrag wurde inzwischen geändert' },
      { timeout: 10_000 },
    )
    const headline = within(dialog).getByRole('group', { name: 'Überschrift' })
    expect(within(headline).getByRole('deletion')).toHaveTextContent(
      '[nur auf dem Server: Von der Dezernentin geändert]',
    )
    expect(within(headline).getByRole('insertion')).toHaveTextContent(
      '[nur in Ihrer Fassung: Beschlussvorlage zum Integrierten Sozialplan liegt vor]',
    )
    const text = within(dialog).getByRole('group', { name: 'Text: Stelle 1 von 1' })
    expect(within(text).getByRole('insertion')).toHaveTextContent('Mein Zusatz')
    expect(within(text).queryByRole('deletion')).not.toBeInTheDocument()
    expect(screen.getByText('Konflikt')).toBeInTheDocument()
    expect(stored().headline).toBe('Von der Dezernentin geändert')

    await user.click(within(dialog).getByRole('button', { name: 'Neuere Fassung übernehmen' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Überschrift')).toHaveValue('Von der Dezernentin geändert')
    expect(editor.getText()).not.toContain('Mein Zusatz')
    expect(stored().version).toBe(2)
  })

  it('setzt eine Fassung Stelle für Stelle aus beiden zusammen und speichert sie über die neuere', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const head = await backendAs('head')
    const added = {
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text: 'Ergänzt von der Dezernentin.' }],
    }
    await head.updateArticle(articleId, {
      version: 1,
      headline: 'Sozialplan: Beschlussvorlage liegt vor',
      body: { type: 'doc', content: [...stored().body.content, added] },
    })
    editor.commands.setTextSelection(1)
    editor.commands.insertContent('Vorab: ')
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 })
    const headline = within(dialog).getByRole('group', { name: 'Überschrift' })
    const firstPart = within(dialog).getByRole('group', { name: 'Text: Stelle 1 von 2' })
    const secondPart = within(dialog).getByRole('group', { name: 'Text: Stelle 2 von 2' })
    expect(within(firstPart).getByRole('insertion')).toHaveTextContent('Vorab:')
    expect(within(secondPart).getByRole('deletion')).toHaveTextContent(
      '[nur auf dem Server: Ergänzt von der Dezernentin.]',
    )
    expect(within(firstPart).getByRole('radio', { name: 'Meine Fassung' })).toBeChecked()
    await user.click(within(headline).getByRole('radio', { name: 'Fassung auf dem Server' }))
    await user.click(within(secondPart).getByRole('radio', { name: 'Fassung auf dem Server' }))
    await user.click(within(dialog).getByRole('button', { name: 'Auswahl speichern' }))

    await waitFor(() => expect(stored().version).toBe(3))
    expect(stored().headline).toBe('Sozialplan: Beschlussvorlage liegt vor')
    const saved = plainText(stored().body)
    expect(saved.startsWith('Vorab: ')).toBe(true)
    expect(saved).toContain('Ergänzt von der Dezernentin.')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Überschrift')).toHaveValue(
      'Sozialplan: Beschlussvorlage liegt vor',
    )
    expect(editor.getText()).toContain('Ergänzt von der Dezernentin.')
    expect(editor.getText().startsWith('Vorab: ')).toBe(true)
    expect(
      screen.getByText('Ihre Auswahl aus beiden Fassungen wird angezeigt und gespeichert.'),
    ).toBeInTheDocument()
  })

  it('sagt nach dem Übernehmen der neueren Fassung nicht, die eigenen Änderungen seien wiederhergestellt', async () => {
    const head = await backendAs('head')
    await head.updateArticle(articleId, { version: 1, headline: 'Von der Dezernentin geändert' })
    const original = testServer.store
      .snapshot()
      .articles.find((article) => article.id === articleId)!
    localStorage.setItem(
      draftKey,
      JSON.stringify({
        draft: { headline: 'Meine Überschrift', body: original.body, photos: original.photos },
        baseVersion: 1,
        changedAt: new Date().toISOString(),
      }),
    )
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 })
    await user.click(within(dialog).getByRole('button', { name: 'Neuere Fassung übernehmen' }))
    expect(screen.getByLabelText('Überschrift')).toHaveValue('Von der Dezernentin geändert')
    expect(
      screen.queryByText(
        'Nicht gespeicherte Änderungen von diesem Gerät wurden wiederhergestellt.',
      ),
    ).not.toBeInTheDocument()
    expect(
      screen.getByText(
        'Die neuere Fassung vom Server wird angezeigt; Ihre Änderungen wurden nicht übernommen.',
      ),
    ).toBeInTheDocument()
    expect(localStorage.getItem(draftKey)).toBeNull()
  })

  it('speichert auf Wunsch die eigene Fassung über die neuere', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const head = await backendAs('head')
    await head.updateArticle(articleId, { version: 1, headline: 'Von der Dezernentin geändert' })
    editor.commands.insertContent('Mein Zusatz ')
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 })
    await user.click(within(dialog).getByRole('button', { name: 'Meine Fassung speichern' }))
    await waitFor(() => expect(stored().version).toBe(3))
    expect(plainText(stored().body)).toContain('Mein Zusatz')
    expect(stored().headline).toBe('Beschlussvorlage zum Integrierten Sozialplan liegt vor')
  })

  it('behält bei „Beide behalten“ die eigene Fassung als neuen Beitrag', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const head = await backendAs('head')
    await head.updateArticle(articleId, { version: 1, headline: 'Neuer Titel' })
    editor.commands.insertContent('Nur in meiner Fassung ')
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 })
    await user.click(
      within(dialog).getByRole('button', { name: 'Beide behalten (meine als Kopie)' }),
    )
    const copy = await waitFor(() => {
      const found = testServer.store
        .snapshot()
        .articles.find((article) => article.headline.endsWith('(meine Fassung)'))
      expect(found).toBeDefined()
      return found!
    })
    expect(plainText(copy.body)).toContain('Nur in meiner Fassung')
    expect(await screen.findByRole('link', { name: copy.headline })).toBeInTheDocument()
    expect(stored().headline).toBe('Neuer Titel')
  })

  it('hält Änderungen offline lokal fest und sendet sie nach dem Neuladen', async () => {
    const first = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    testServer.setFaults({ failureRate: 1 })
    editor.commands.insertContent('Offline geschrieben ')
    expect(
      await screen.findByText(/Nicht gespeichert – offline/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(localStorage.getItem(draftKey)).toContain('Offline geschrieben')
    first.unmount()
    // the flush on leaving fails as well (still offline); then the connection returns
    await new Promise((resolve) => setTimeout(resolve, 50))
    testServer.setFaults({})
    const token = first.tokens.get()!
    await renderApp({ route: `/beitraege/${articleId}`, token })
    expect(
      await screen.findByText(
        'Nicht gespeicherte Änderungen von diesem Gerät wurden wiederhergestellt.',
      ),
    ).toBeInTheDocument()
    expect((await bodyEditor()).getText()).toContain('Offline geschrieben')
    await waitFor(() => expect(plainText(stored().body)).toContain('Offline geschrieben'), {
      timeout: 10_000,
    })
    await waitFor(() => expect(localStorage.getItem(draftKey)).toBeNull())
  })
})

describe('Entwürfe am geteilten PC', () => {
  it('entfernt ungespeicherten Text beim Abmelden; eine andere Person sieht ihn nie', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    testServer.setFaults({ failureRate: 1 })
    editor.commands.insertContent('Vertraulicher Entwurf ')
    expect(
      await screen.findByText(/Nicht gespeichert – offline/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(localStorage.getItem(draftKey)).toContain('Vertraulicher Entwurf')
    // The draft belongs to this person: someone else signed in here does not get it.
    expect(localStorage.getItem(draftStorageKey('sandra-wanzar', articleId))).toBeNull()
    testServer.setFaults({})
    await user.click(screen.getByRole('button', { name: 'Abmelden' }))
    await screen.findByRole('heading', { name: 'Anmelden' })
    await waitFor(() => expect(localStorage.getItem(draftKey)).toBeNull())
    const drafts = Object.keys(localStorage).filter((key) => key.startsWith('rundbrief.entwurf.'))
    expect(drafts).toEqual([])
  })
})

describe('Fotonachweis', () => {
  it('nimmt ein eingetipptes „Foto:“ heraus und sagt es', async () => {
    const { user } = await renderApp({
      route: '/beitraege/beitrag-01-antrittsbesuch',
      as: 'editor',
    })
    await bodyEditor()
    const photo = await screen.findByRole('group', { name: 'Foto 1' })
    const credit = within(photo).getByLabelText('Fotonachweis')
    await user.clear(credit)
    await user.type(credit, 'Foto: Stadt Gera')
    expect(within(photo).getByText('Erscheint als „Foto: Stadt Gera“')).toBeInTheDocument()
    await user.tab()
    expect(credit).toHaveValue('Stadt Gera')
    expect(
      within(photo).getByText(
        '„Foto:“ setzt Rundbrief selbst davor; es wurde aus dem Feld entfernt. Erscheint als „Foto: Stadt Gera“',
      ),
    ).toBeInTheDocument()
    await waitFor(
      () =>
        expect(
          testServer.store
            .snapshot()
            .articles.find((article) => article.id === 'beitrag-01-antrittsbesuch')?.photos[0]
            ?.credit,
        ).toBe('Stadt Gera'),
      { timeout: 10_000 },
    )
  })
})

describe('Fotos', () => {
  it('lädt ein Foto hoch und speichert Bildunterschrift, Fotonachweis und Alternativtext', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    const input = screen.getByTestId('photo-file-input')
    await user.upload(input, new File([tinyPng()], 'sitzung.png', { type: 'image/png' }))
    const photo = await screen.findByRole('group', { name: 'Foto 1' })
    await user.type(within(photo).getByLabelText('Bildunterschrift'), 'Sitzung des Ausschusses')
    await user.type(within(photo).getByLabelText('Fotonachweis'), 'Stadtverwaltung Gera')
    await user.type(within(photo).getByLabelText('Alternativtext'), 'Menschen an einem Tisch')
    expect(
      within(photo).getByText('Erscheint als „Foto: Stadtverwaltung Gera“'),
    ).toBeInTheDocument()
    await waitFor(
      () =>
        expect(stored().photos).toEqual([
          expect.objectContaining({
            caption: 'Sitzung des Ausschusses',
            credit: 'Stadtverwaltung Gera',
            alt: 'Menschen an einem Tisch',
          }),
        ]),
      { timeout: 10_000 },
    )
  })

  it('nimmt Fotos an, die auf den Beitrag gezogen werden', async () => {
    await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    // dropped anywhere on the article: here on its headline field
    const area = screen.getByLabelText('Überschrift')
    const file = new File([tinyPng()], 'gezogen.png', { type: 'image/png' })
    const dataTransfer = { files: [file], types: ['Files'] }
    fireEvent.dragOver(area, { dataTransfer })
    fireEvent.drop(area, { dataTransfer })
    expect(await screen.findByRole('group', { name: 'Foto 1' })).toBeInTheDocument()
  })

  it('weist falsche Dateitypen und zu große Dateien auf Deutsch ab', async () => {
    await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    const input = screen.getByTestId('photo-file-input')
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'riesig.jpg', {
      type: 'image/jpeg',
    })
    fireEvent.change(input, {
      target: { files: [new File(['GIF89a'], 'animation.gif', { type: 'image/gif' }), big] },
    })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('„animation.gif“ ist kein Foto im Format JPEG, PNG oder WebP.')
    expect(alert).toHaveTextContent('„riesig.jpg“ ist größer als 10 MB.')
  })

  it('meldet, wenn der Server ein getarntes Foto ablehnt', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    await user.upload(
      screen.getByTestId('photo-file-input'),
      new File(['<svg/>'], 'tarnung.png', { type: 'image/png' }),
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '„tarnung.png“: Nur Fotos im Format JPEG, PNG oder WebP',
    )
  })

  it('entfernt ein Foto erst nach Rückfrage und ordnet Fotos um', async () => {
    const { user } = await renderApp({
      route: '/beitraege/beitrag-01-antrittsbesuch',
      as: 'editor',
    })
    await bodyEditor()
    await user.upload(
      screen.getByTestId('photo-file-input'),
      new File([tinyPng()], 'zwei.png', { type: 'image/png' }),
    )
    const second = await screen.findByRole('group', { name: 'Foto 2' })
    await user.click(within(second).getByRole('button', { name: 'Nach oben (Foto 2)' }))
    expect(
      within(screen.getByRole('group', { name: 'Foto 2' })).getByLabelText('Fotonachweis'),
    ).toHaveValue('Stadtverwaltung Gera (Steffen Weiß)')
    const moved = screen.getByRole('group', { name: 'Foto 2' })
    await user.click(within(moved).getByRole('button', { name: 'Foto entfernen (Foto 2)' }))
    await user.click(within(moved).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.getByRole('group', { name: 'Foto 2' })).toBeInTheDocument()
    await user.click(within(moved).getByRole('button', { name: 'Foto entfernen (Foto 2)' }))
    await user.click(within(moved).getByRole('button', { name: 'Entfernen' }))
    expect(screen.queryByRole('group', { name: 'Foto 2' })).not.toBeInTheDocument()
    await waitFor(
      () => {
        const article = testServer.store
          .snapshot()
          .articles.find((a) => a.id === 'beitrag-01-antrittsbesuch')!
        expect(article.photos).toHaveLength(1)
        expect(article.photos[0]?.mediaId).not.toBe('foto-1')
      },
      { timeout: 10_000 },
    )
  })
})

describe('Als fertig markieren', () => {
  it('erklärt, was fehlt, und markiert nach dem Ergänzen als fertig', async () => {
    const { user } = await renderApp({
      route: '/beitraege/beitrag-03-behoerdennetzwerk',
      as: 'editor',
    })
    await bodyEditor()
    const button = screen.getByRole('button', { name: 'Als fertig markieren' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription(/Foto 1: Der Alternativtext fehlt/)
    await user.type(screen.getByLabelText('Alternativtext'), 'Sitzung des Behördennetzwerks')
    expect(button).not.toHaveAttribute('aria-disabled')
    await user.click(button)
    expect(
      await screen.findByRole(
        'button',
        { name: 'Wieder als Entwurf markieren' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
    const article = testServer.store
      .snapshot()
      .articles.find((a) => a.id === 'beitrag-03-behoerdennetzwerk')!
    expect(article).toMatchObject({
      status: 'ready',
      photos: [expect.objectContaining({ alt: 'Sitzung des Behördennetzwerks' })],
    })
  })

  it('hält einen Beitrag ohne Fotonachweis oder mit leerem Text zurück, wie die Prüfungen', async () => {
    const { user } = await renderApp({
      route: '/beitraege/beitrag-03-behoerdennetzwerk',
      as: 'editor',
    })
    const editor = await bodyEditor()
    const button = screen.getByRole('button', { name: 'Als fertig markieren' })
    await user.type(screen.getByLabelText('Alternativtext'), 'Sitzung des Behördennetzwerks')
    await user.clear(screen.getByLabelText('Fotonachweis'))
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription('Noch nicht fertig: Foto 1: Der Fotonachweis fehlt.')
    await user.type(screen.getByLabelText('Fotonachweis'), 'Stadt Gera')
    expect(button).not.toHaveAttribute('aria-disabled')

    editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph' }] })
    editor.commands.insertContent('   ')
    await waitFor(() =>
      expect(button).toHaveAccessibleDescription('Noch nicht fertig: Der Text ist leer.'),
    )
    await user.click(button)
    expect(screen.queryByRole('button', { name: 'Wieder als Entwurf markieren' })).toBeNull()
    expect(
      testServer.store.snapshot().articles.find((a) => a.id === 'beitrag-03-behoerdennetzwerk'),
    ).toMatchObject({ status: 'draft' })
  })

  it('markiert in der Liste als fertig oder nennt den Grund', async () => {
    const { user } = await renderApp({ route: '/beitraege?status=draft', as: 'editor' })
    const row = (
      await screen.findByRole('link', { name: 'OB Vonarb besucht Behördennetzwerk Asyl' })
    ).closest('tr')!
    await user.click(within(row).getByRole('button', { name: /als fertig markieren/ }))
    expect(within(row).getByRole('alert')).toHaveTextContent('Foto 1: Der Alternativtext fehlt.')
  })
})

describe('Nur lesen', () => {
  it('zeigt der Gestaltung den Beitrag ohne Editor', async () => {
    await renderApp({ route: `/beitraege/${articleId}`, as: 'designer' })
    expect(
      await screen.findByText('Als Gestaltung können Sie Beiträge lesen, aber nicht bearbeiten.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Text' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Neuer Beitrag' })).not.toBeInTheDocument()
  })

  it('sperrt Beiträge einer eingereichten Ausgabe für die Redaktion', async () => {
    const head = await backendAs('head')
    await head.submitIssue('ausgabe-2018-08', { version: 1 })
    await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    expect(await screen.findByText(/liegt der Dezernentin zur Freigabe vor/)).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Text' })).not.toBeInTheDocument()
  })
})
