import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { approveSeedIssue } from '../fixtures/approved-issue'
import { tinyPng } from '../fixtures/images'
import { backendAs, bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

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
      screen.getByText(
        'Die Vorschau und die Downloads zeigen Ihre noch nicht gespeicherte Auswahl, Testversand und E-Mail für Outlook nicht.',
      ),
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
    // the button is disabled now: the message has the focus, not the page
    expect(screen.getByText('Das Layout ist gespeichert.')).toHaveFocus()
    expect(testServer.store.snapshot().publication.layout).toMatchObject({
      accentColor: '#8a1538',
      headingFont: 'serif',
      photoPlacement: 'left',
      logoMediaId: expect.any(String),
    })
  })

  it('warnt vor zu wenig Kontrast und speichert so eine Farbe nicht', async () => {
    const { user } = await renderApp({ route, as: 'head' })
    await screen.findByRole('form', { name: 'Layout' })
    fireEvent.input(screen.getByLabelText('Akzentfarbe'), { target: { value: '#ffd700' } })
    expect(
      await screen.findByText(/zu gering für Überschriften \(mindestens 4,5:1\)/),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Layout speichern' }))
    expect(
      await screen.findByText(/Die Akzentfarbe hat zu wenig Kontrast zu Weiß/),
    ).toBeInTheDocument()
    expect(screen.queryByText('Das Layout ist gespeichert.')).not.toBeInTheDocument()
    expect(testServer.store.snapshot().publication.layout.accentColor).toBe('#0b4f8a')
    // the choice stays in the form and the preview, to be corrected
    expect(screen.getByLabelText('Akzentfarbe')).toHaveValue('#ffd700')
  })

  it('zeigt eine freigegebene Ausgabe mit Kopf, Impressum und Layout ihrer Freigabe und sagt es', async () => {
    const approved = await approveSeedIssue(await backendAs('editor'), await backendAs('head'))
    const approvedColour = approved.approval?.content.publication?.layout.accentColor ?? ''
    expect(approvedColour).toMatch(/^#[0-9a-f]{6}$/i)
    const designer = await backendAs('designer')
    const publication = await designer.getPublication()
    await designer.updateLayout({
      version: publication.version,
      layout: { ...publication.layout, accentColor: '#1d5e20' },
    })

    const { user } = await renderApp({ route, as: 'designer' })
    const note = await screen.findByRole('note', { name: '' })
    expect(note).toHaveTextContent(
      /^Diese Ausgabe ist freigegeben und geht mit Kopf, Impressum und Layout hinaus, wie sie bei ihrer Freigabe am .* galten\. Spätere Änderungen gelten für sie erst nach einer erneuten Freigabe\.$/,
    )
    expect(frameHtml('Vorschau: E-Mail')).toContain(`border-bottom:4px solid ${approvedColour}`)
    expect(frameHtml('Vorschau: E-Mail')).not.toContain('#1d5e20')
    // the form holds the saved layout, for the issues to come
    expect(screen.getByLabelText('Akzentfarbe')).toHaveValue('#1d5e20')

    fireEvent.input(screen.getByLabelText('Akzentfarbe'), { target: { value: '#8a1538' } })
    await waitFor(() =>
      expect(frameHtml('Vorschau: E-Mail')).toContain('border-bottom:4px solid #8a1538'),
    )
    expect(screen.getByRole('note', { name: '' })).toHaveTextContent(
      /^Die Vorschau zeigt Ihre Layout-Auswahl\. Diese Ausgabe ist freigegeben und geht mit dem Layout hinaus, das bei ihrer Freigabe galt/,
    )
    // discarded, the choice gives way to what goes out again
    await user.click(screen.getByRole('button', { name: 'Änderungen verwerfen' }))
    await waitFor(() =>
      expect(frameHtml('Vorschau: E-Mail')).toContain(`border-bottom:4px solid ${approvedColour}`),
    )
    expect(screen.getByRole('note', { name: '' })).toHaveTextContent(
      /^Diese Ausgabe ist freigegeben/,
    )
    expect(screen.getByLabelText('Akzentfarbe')).toHaveValue('#1d5e20')
    // the discard button went: its outcome has the focus
    expect(screen.getByText('Ihre Auswahl ist verworfen.')).toHaveFocus()
    expect(
      screen.getByText(
        /Diese Ausgabe ist freigegeben und geht mit dem Layout ihrer Freigabe hinaus\./,
      ),
    ).toBeInTheDocument()

    // saved, the layout is for the issues to come: the preview shows this one as it goes out
    fireEvent.input(screen.getByLabelText('Akzentfarbe'), { target: { value: '#8a1538' } })
    await user.click(screen.getByRole('button', { name: 'Layout speichern' }))
    expect(await screen.findByText('Das Layout ist gespeichert.')).toHaveFocus()
    await waitFor(() =>
      expect(frameHtml('Vorschau: E-Mail')).toContain(`border-bottom:4px solid ${approvedColour}`),
    )
    expect(screen.getByLabelText('Akzentfarbe')).toHaveValue('#8a1538')
    expect(testServer.store.snapshot().publication.layout.accentColor).toBe('#8a1538')
  })
})

describe('Feindliche Inhalte auf dem Weg durch Editor und API', () => {
  it('was in den Editor eingefügt oder per API geschickt wird, erreicht keine Ausgabe ausführbar', async () => {
    const hostile =
      '<p>Vorher<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">Klick</a>' +
      '<svg onload="alert(4)"></svg><span style="background:url(javascript:alert(5))">Nachher</span></p>'
    const editorView = await renderApp({ route: '/beitraege/beitrag-02-sozialplan', as: 'editor' })
    const editor = await bodyEditor()
    editor.commands.focus('end')
    editor.view.pasteHTML(hostile)
    await waitFor(
      () =>
        expect(
          JSON.stringify(
            testServer.store.snapshot().articles.find((a) => a.id === 'beitrag-02-sozialplan')
              ?.body,
          ),
        ).toContain('Nachher'),
      { timeout: 10_000 },
    )
    editorView.unmount()

    const api = await backendAs('editor')
    const article = await api.getArticle('beitrag-04-planungskoordination')
    await expect(
      api.updateArticle(article.id, {
        version: article.version,
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'x',
                  marks: [{ type: 'link', attrs: { href: 'javascript:alert(6)' } }],
                },
              ],
            },
          ],
        },
      }),
    ).rejects.toMatchObject({ status: 422 })
    await api.updateArticle(article.id, {
      version: article.version,
      headline: '<img src=x onerror=alert(7)>"><script>alert(8)</script>',
    })

    const { user } = await renderApp({ route, as: 'designer' })
    await screen.findByTitle('Vorschau: E-Mail')
    const outputs = [frameHtml('Vorschau: E-Mail')]
    await user.click(screen.getByRole('tab', { name: 'Web' }))
    outputs.push(frameHtml('Vorschau: Web'))
    await user.click(screen.getByRole('tab', { name: 'Druck' }))
    outputs.push(frameHtml('Vorschau: Druck'))
    for (const html of outputs) {
      const doc = new DOMParser().parseFromString(html, 'text/html')
      expect(doc.querySelectorAll('script, svg, iframe, object, embed')).toHaveLength(0)
      const attributes = [...doc.querySelectorAll('*')].flatMap((element) =>
        element.getAttributeNames().map((name) => `${name}=${element.getAttribute(name) ?? ''}`),
      )
      expect(
        attributes.filter((attribute) => /^on/i.test(attribute) || /javascript:/i.test(attribute)),
      ).toEqual([])
      expect(doc.body.textContent).toContain('VorherKlickNachher')
      expect(doc.body.textContent).toContain(
        '<img src=x onerror=alert(7)>"><script>alert(8)</script>',
      )
    }
  })
})
