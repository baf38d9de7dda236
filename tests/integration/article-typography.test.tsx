import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import { docFromParagraphs } from '../../src/domain/rich-text'
import { backendAs, bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const articleId = 'beitrag-01-antrittsbesuch'
const issueId = 'ausgabe-2018-08'

const stored = (id = articleId) =>
  testServer.store.snapshot().articles.find((article) => article.id === id)!

type ArticleChange = Omit<Parameters<Backend['updateArticle']>[1], 'version'>

async function changeArticle(
  backend: Backend,
  id: string,
  change: (article: Awaited<ReturnType<Backend['getArticle']>>) => ArticleChange,
) {
  const article = await backend.getArticle(id)
  await backend.updateArticle(id, { ...change(article), version: article.version })
}

describe('Typografie in Überschrift, Bildunterschrift und Fotonachweis', () => {
  it('setzt beim Tippen in der Überschrift deutsche Anführungszeichen und Gedankenstriche', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    const headline = screen.getByRole('textbox', { name: 'Überschrift' })
    await user.clear(headline)
    await user.type(headline, '"Wohnen im Alter" -- ab Montag')
    expect(headline).toHaveValue('„Wohnen im Alter“ – ab Montag')
    await waitFor(() => expect(stored().headline).toBe('„Wohnen im Alter“ – ab Montag'), {
      timeout: 10_000,
    })
  })

  it('zeigt lange Überschriften ganz (mehrzeilig), ohne Zeilenumbruch; Enter springt in den Text', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    const headline = screen.getByRole('textbox', { name: 'Überschrift' })
    expect(headline.tagName).toBe('TEXTAREA')
    await user.clear(headline)
    await user.type(headline, 'Planungskoordination{Enter}')
    expect(headline).toHaveValue('Planungskoordination')
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Text' })).toHaveFocus())
    await user.click(headline)
    await user.paste('zur Entwicklung\nvon Strategien')
    expect(headline).toHaveValue('Planungskoordinationzur Entwicklung von Strategien')
  })

  it('setzt sie auch in Bildunterschrift und Fotonachweis', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    const photo = screen.getByRole('group', { name: 'Foto 1' })
    const caption = within(photo).getByLabelText('Bildunterschrift')
    await user.clear(caption)
    await user.type(caption, 'Die "Alte Mühle" -- heute')
    expect(caption).toHaveValue('Die „Alte Mühle“ – heute')
    const credit = within(photo).getByLabelText('Fotonachweis')
    await user.clear(credit)
    await user.type(credit, "Gera's Archiv")
    expect(credit).toHaveValue('Gera’s Archiv')
    await waitFor(
      () =>
        expect(stored().photos[0]).toMatchObject({
          caption: 'Die „Alte Mühle“ – heute',
          credit: 'Gera’s Archiv',
        }),
      { timeout: 10_000 },
    )
  })

  it('„Anführungszeichen korrigieren“ korrigiert Text, Überschrift, Bildunterschriften und Fotonachweise', async () => {
    await changeArticle(await backendAs('editor'), articleId, (article) => ({
      headline: '"Wohnen im Alter" -- ab Montag',
      body: docFromParagraphs(['Sie sagte "Willkommen".']),
      photos: article.photos.map((photo) => ({
        ...photo,
        caption: 'Die "Alte Mühle"',
        credit: "Gera's Archiv -- Stadtmuseum",
      })),
    }))
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    await user.click(screen.getByRole('button', { name: 'Anführungszeichen korrigieren' }))
    expect(editor.getText()).toBe('Sie sagte „Willkommen“.')
    expect(screen.getByRole('textbox', { name: 'Überschrift' })).toHaveValue(
      '„Wohnen im Alter“ – ab Montag',
    )
    const photo = screen.getByRole('group', { name: 'Foto 1' })
    expect(within(photo).getByLabelText('Bildunterschrift')).toHaveValue('Die „Alte Mühle“')
    expect(within(photo).getByLabelText('Fotonachweis')).toHaveValue('Gera’s Archiv – Stadtmuseum')
    await waitFor(
      () => {
        expect(stored().headline).toBe('„Wohnen im Alter“ – ab Montag')
        expect(stored().photos[0]).toMatchObject({
          caption: 'Die „Alte Mühle“',
          credit: 'Gera’s Archiv – Stadtmuseum',
        })
      },
      { timeout: 10_000 },
    )
  })
})

describe('Prüfungen vor der Freigabe', () => {
  it('meldet Word-Reste, „Foto: Foto:“, gerade Anführungszeichen in Bildunterschriften und „--“ in Überschriften', async () => {
    const head = await backendAs('head')
    const issue = await head.getIssue(issueId)
    await head.updateIssue(issueId, {
      version: issue.version,
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      plannedSendDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    })
    const editor = await backendAs('editor')
    for (const id of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
      await changeArticle(editor, id, (article) => ({
        photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
      }))
    }
    await changeArticle(editor, 'beitrag-02-sozialplan', () => ({
      headline: 'Sozialplan -- Beschluss im September',
      body: docFromParagraphs([
        'Der Plan sieht vor:',
        '·\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 Armutsprävention',
      ]),
    }))
    await changeArticle(editor, articleId, (article) => ({
      photos: article.photos.map((photo) => ({
        ...photo,
        caption: 'Der "neue" Sozialdezernent',
        credit: 'Foto: Stadtverwaltung Gera',
      })),
    }))
    const submitted = await editor.getIssue(issueId)
    await editor.submitIssue(issueId, { version: submitted.version })

    await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const checks = await screen.findByRole('region', { name: 'Prüfungen' })
    await waitFor(() => expect(checks).toHaveTextContent('Warnung'))
    expect(checks).not.toHaveTextContent('Alle Prüfungen bestanden')
    expect(checks).toHaveTextContent(
      '„Sozialplan -- Beschluss im September“: Enthält „--“ statt eines Gedankenstrichs „–“ in Überschrift',
    )
    expect(checks).toHaveTextContent('Ein Absatz beginnt mit einem Aufzählungszeichen aus Word')
    expect(checks).toHaveTextContent(
      'Foto 1: Der Fotonachweis beginnt mit „Foto:“; Rundbrief setzt „Foto:“ selbst davor und druckt „Foto: Stadtverwaltung Gera“.',
    )
    expect(checks).toHaveTextContent(/gerade Anführungszeichen \(" oder '\) in Bildunterschrift/)
  })
})
