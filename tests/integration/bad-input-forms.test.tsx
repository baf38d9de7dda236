import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { isoToBerlinLocal } from '../../src/domain/deadline'
import { backendAs, bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'
const articleId = 'beitrag-02-sozialplan'

const storedArticle = (id: string) =>
  testServer.store.snapshot().articles.find((article) => article.id === id)!

const localIn = (days: number) =>
  isoToBerlinLocal(new Date(Date.now() + days * 86_400_000).toISOString())

/** Submits the issue as the Dezernentin and opens „Änderungen anfordern“ on its page. */
async function openRequestChangesForm() {
  const head = await backendAs('head')
  await head.submitIssue(issueId, { version: 1 })
  const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
  await user.click(await screen.findByRole('button', { name: 'Änderungen anfordern …' }))
  const form = screen.getByRole('form', { name: 'Änderungen anfordern' })
  return { head, user, form, comment: within(form).getByLabelText('Kommentar') }
}

// Checks already covered in article-editor.test.tsx („weist falsche Dateitypen und zu große
// Dateien auf Deutsch ab“, „meldet, wenn der Server ein getarntes Foto ablehnt“): GIF by type,
// a JPEG over 10 MB, SVG bytes named .png. Added here: PDF, GIF bytes named .png, nothing lost.
describe('Fotos, die nicht passen', () => {
  it('lehnt PDF, getarntes GIF und zu große Dateien auf Deutsch ab und behält die getippte Überschrift', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const textBefore = editor.getText()
    const headline = screen.getByLabelText('Überschrift')
    await user.clear(headline)
    await user.type(headline, 'Sozialplan: neue Fassung')

    fireEvent.change(screen.getByTestId('photo-file-input'), {
      target: {
        files: [
          new File(['%PDF-1.7\n%âãÏÓ\n'], 'protokoll.pdf', { type: 'application/pdf' }),
          new File(['GIF89a\u0001\u0000\u0001\u0000'], 'animation.png', { type: 'image/png' }),
          new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'riesig.png', { type: 'image/png' }),
        ],
      },
    })

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('„protokoll.pdf“ ist kein Foto im Format JPEG, PNG oder WebP.')
    expect(alert).toHaveTextContent('„riesig.png“ ist größer als 10 MB.')
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        '„animation.png“: Nur Fotos im Format JPEG, PNG oder WebP können hochgeladen werden.',
      ),
    )
    expect(screen.queryByRole('group', { name: 'Foto 1' })).not.toBeInTheDocument()
    expect(screen.getByLabelText('Überschrift')).toHaveValue('Sozialplan: neue Fassung')
    expect(editor.getText()).toBe(textBefore)
    await waitFor(
      () => expect(storedArticle(articleId).headline).toBe('Sozialplan: neue Fassung'),
      { timeout: 10_000 },
    )
    expect(testServer.store.snapshot().media.map((media) => media.fileName)).not.toContain(
      'animation.png',
    )
  })
})

describe('Zu lange und gefährliche Eingaben', () => {
  it('kürzt eine eingefügte Überschrift von 1000 Zeichen auf 200, sagt warum und speichert sie', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    const headline = screen.getByLabelText('Überschrift')
    expect(headline).not.toHaveAccessibleDescription()
    await user.clear(headline)
    await user.paste('Ü'.repeat(1000))
    expect(headline).toHaveValue('Ü'.repeat(200))
    expect(headline).toHaveAccessibleDescription(
      'Die Überschrift darf höchstens 200 Zeichen lang sein.',
    )
    await waitFor(() => expect(storedArticle(articleId).headline).toBe('Ü'.repeat(200)), {
      timeout: 10_000,
    })

    const editorBackend = await backendAs('editor')
    await expect(
      editorBackend.updateArticle(articleId, {
        version: storedArticle(articleId).version,
        headline: 'Ü'.repeat(1000),
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: 'Die Überschrift darf höchstens 200 Zeichen lang sein.',
    })
  })

  it('kürzt einen Titel der Ausgabe von 500 Zeichen auf 120, sagt warum und legt die Ausgabe an', async () => {
    const { user } = await renderApp({ route: '/ausgaben', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Neue Ausgabe' }))
    const form = screen.getByRole('form', { name: 'Neue Ausgabe' })
    const label = within(form).getByLabelText('Titel der Ausgabe')
    await user.click(label)
    await user.paste('T'.repeat(500))
    expect(label).toHaveValue('T'.repeat(120))
    expect(label).toHaveAccessibleDescription(
      'Der Titel der Ausgabe darf höchstens 120 Zeichen lang sein.',
    )
    await user.type(within(form).getByLabelText('Redaktionsschluss'), localIn(7))
    await user.type(within(form).getByLabelText('Erscheinungsdatum'), localIn(9).slice(0, 10))
    await user.click(within(form).getByRole('button', { name: 'Ausgabe anlegen' }))
    expect(
      await screen.findByRole('heading', { name: `Ausgabe ${'T'.repeat(120)}` }),
    ).toBeInTheDocument()

    const editorBackend = await backendAs('editor')
    await expect(
      editorBackend.createIssue({
        label: 'T'.repeat(500),
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        plannedSendDate: localIn(9).slice(0, 10),
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: 'Der Titel der Ausgabe darf höchstens 120 Zeichen lang sein.',
    })
  })

  it('weist einen Kommentar von 10.000 Zeichen auf Deutsch zurück und behält ihn im Feld', async () => {
    const { head, user, form, comment } = await openRequestChangesForm()
    await user.click(comment)
    await user.paste('K'.repeat(10_000))
    await user.click(within(form).getByRole('button', { name: 'Änderungen anfordern' }))
    expect(comment).toHaveAccessibleDescription(
      'Der Kommentar darf höchstens 5000 Zeichen lang sein (jetzt 10.000).',
    )
    expect(comment).toHaveAttribute('aria-invalid', 'true')
    expect(comment).toHaveValue('K'.repeat(10_000))
    expect(testServer.store.snapshot().issues[0]?.status).toBe('in_review')

    const version = testServer.store.snapshot().issues[0]!.version
    await expect(
      head.requestChanges(issueId, { version, comment: 'K'.repeat(10_000) }),
    ).rejects.toMatchObject({
      status: 422,
      message: 'Der Kommentar darf höchstens 5000 Zeichen lang sein.',
    })

    await user.clear(comment)
    await user.type(comment, 'Bitte kürzer fassen.')
    await user.click(within(form).getByRole('button', { name: 'Änderungen anfordern' }))
    expect(
      await screen.findByRole('heading', { name: 'Änderungen angefordert' }),
    ).toBeInTheDocument()
  })

  it('weist einen Kommentar mit unzulässigen Zeichen schon im Formular zurück, wie das Schema des Servers', async () => {
    const { user, form, comment } = await openRequestChangesForm()
    fireEvent.change(comment, { target: { value: 'Bitte \uD800 prüfen' } })
    await user.click(within(form).getByRole('button', { name: 'Änderungen anfordern' }))
    expect(comment).toHaveAccessibleDescription('Der Text enthält unzulässige Zeichen.')
    expect(comment).toHaveValue('Bitte \uD800 prüfen')
    expect(testServer.store.snapshot().issues[0]?.status).toBe('in_review')
  })

  it('meldet eine zu lange Bildunterschrift auf Deutsch und behält den Text', async () => {
    const { user } = await renderApp({
      route: '/beitraege/beitrag-01-antrittsbesuch',
      as: 'editor',
    })
    await bodyEditor()
    const caption = within(screen.getByRole('group', { name: 'Foto 1' })).getByLabelText(
      'Bildunterschrift',
    )
    await user.clear(caption)
    await user.paste('B'.repeat(1001))
    const detail = await screen.findByText(
      ': Die Bildunterschrift darf höchstens 1000 Zeichen lang sein.',
      {},
      { timeout: 10_000 },
    )
    expect(detail.closest('p')).toHaveTextContent(
      'Nicht gespeichert: Die Bildunterschrift darf höchstens 1000 Zeichen lang sein.',
    )
    expect(caption).toHaveValue('B'.repeat(1001))
  })

  it('nimmt „javascript:alert(1)“ nicht als Link an und behält die Eingabe', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    await user.click(screen.getByRole('button', { name: 'Link' }))
    const address = screen.getByLabelText('Linkadresse')
    await user.type(address, 'javascript:alert(1)')
    await user.click(screen.getByRole('button', { name: 'Übernehmen' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Bitte eine Adresse mit https://, http:// oder eine E-Mail-Adresse angeben.',
    )
    expect(address).toHaveValue('javascript:alert(1)')
    expect(address).toHaveAccessibleDescription(
      'Bitte eine Adresse mit https://, http:// oder eine E-Mail-Adresse angeben.',
    )
    expect(JSON.stringify(editor.getJSON())).not.toContain('javascript:')

    const editorBackend = await backendAs('editor')
    const { body, version } = storedArticle(articleId)
    await expect(
      editorBackend.updateArticle(articleId, {
        version,
        body: {
          ...body,
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'Klick',
                  marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                },
              ],
            },
          ],
        },
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: 'Links müssen mit http://, https:// oder mailto: beginnen.',
    })
    expect(storedArticle(articleId).version).toBe(version)
  })
})
