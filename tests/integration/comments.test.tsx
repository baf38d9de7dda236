import { screen, waitFor, within } from '@testing-library/react'
import type { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { commentAnchorTexts } from '../../src/domain/comment-anchor'
import { docFromParagraphs, plainText } from '../../src/domain/rich-text'
import { withCommentAnchor } from '../contract/comments-contract'
import { backendAs, bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const articleId = 'beitrag-03-behoerdennetzwerk'
const passage = 'Oberbürgermeister Julian Vonarb'
const stored = () =>
  testServer.store.snapshot().articles.find((article) => article.id === articleId)!

/** Selects the first occurrence of `text` in the editor. */
function select(editor: Editor, text: string) {
  let found = -1
  editor.state.doc.descendants((node, pos) => {
    if (found !== -1 || !node.isText) return found === -1
    const at = node.text?.indexOf(text) ?? -1
    if (at !== -1) found = pos + at
    return false
  })
  if (found === -1) throw new Error(`„${text}“ steht nicht im Text`)
  editor.commands.setTextSelection({ from: found, to: found + text.length })
}

describe('Kommentare', () => {
  it('kommentiert eine markierte Stelle im Editor und schreibt danach ohne Konflikt weiter', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const panel = screen.getByRole('complementary', { name: 'Kommentare' })
    expect(await within(panel).findByText(/Noch keine Kommentare/)).toBeInTheDocument()

    await user.click(within(panel).getByRole('button', { name: 'Kommentieren' }))
    expect(within(panel).getByRole('alert')).toHaveTextContent('Bitte markieren Sie zuerst')

    select(editor, passage)
    await user.click(within(panel).getByRole('button', { name: 'Kommentieren' }))
    const field = within(panel).getByRole('textbox', { name: 'Kommentar' })
    expect(field).toHaveFocus()
    await user.click(within(panel).getByRole('button', { name: 'Kommentar speichern' }))
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'Bitte schreiben Sie einen Kommentar.',
    )
    await user.type(field, '@Sandra Wanzar bitte den Namen prüfen.')
    await user.click(within(panel).getByRole('button', { name: 'Kommentar speichern' }))

    const show = await within(panel).findByRole('button', {
      name: `Textstelle zeigen: „${passage}“`,
    })
    await waitFor(() => expect(show).toHaveFocus())
    const thread = show.closest('li')!
    expect(thread).toHaveTextContent('Dr. Frank Rühling')
    expect(thread).toHaveTextContent('@Sandra Wanzar bitte den Namen prüfen.')
    const threadId = thread.getAttribute('data-thread-id')!
    expect(commentAnchorTexts(stored().body).get(threadId)).toBe(passage)

    // the editor took the new version: typing on saves without a conflict, the anchor stays
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, ' Ein Nachsatz.')
    await waitFor(() => expect(plainText(stored().body)).toMatch(/Ein Nachsatz\.$/), {
      timeout: 4000,
    })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(commentAnchorTexts(stored().body).get(threadId)).toBe(passage)

    const head = (await (await backendAs('head')).listNotifications()).notifications
    expect(head[0]?.text).toBe(
      'Dr. Frank Rühling hat Sie in „OB Vonarb besucht Behördennetzwerk Asyl“ erwähnt',
    )
  })

  it('übernimmt beim Speichern die Markierung eines fremden Kommentars ohne Konfliktdialog', async () => {
    await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const head = await backendAs('head')
    const seen = await head.getArticle(articleId)
    await head.createCommentThread(articleId, {
      threadId: 'faden-fremd',
      text: 'Bitte prüfen.',
      body: withCommentAnchor(seen.body, 'faden-fremd', passage),
      version: seen.version,
    })

    editor.commands.insertContentAt(editor.state.doc.content.size - 1, ' Mein Nachsatz.')
    await waitFor(() => expect(plainText(stored().body)).toMatch(/Mein Nachsatz\.$/), {
      timeout: 6000,
    })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(commentAnchorTexts(stored().body).get('faden-fremd')).toBe(passage)
    expect(commentAnchorTexts(editor.getJSON() as never).get('faden-fremd')).toBe(passage)
    expect(await screen.findByText('Bitte prüfen.')).toBeInTheDocument()
  })

  it('lässt die Gestaltung in der Leseansicht kommentieren, antworten und erledigen', async () => {
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'designer' })
    const text = await screen.findByRole('textbox', { name: /^Text \(nur lesen/ })
    expect(text).toHaveAttribute('aria-readonly', 'true')
    const editor = (text as unknown as { editor: Editor }).editor
    editor.commands.insertContent('Darf nicht hinein.')
    expect(editor.getText()).not.toContain('Darf nicht hinein.')

    // Tiptap focuses in the next animation frame: the shortcut must reach the text, not the page
    editor.commands.focus()
    await waitFor(() => expect(text).toHaveFocus())
    select(editor, passage)
    await user.keyboard('{Control>}{Alt>}m{/Alt}{/Control}')
    const panel = screen.getByRole('complementary', { name: 'Kommentare' })
    await user.type(
      await within(panel).findByRole('textbox', { name: 'Kommentar' }),
      'Foto zu dunkel.',
    )
    await user.keyboard('{Control>}{Enter}{/Control}')
    const show = await within(panel).findByRole('button', {
      name: `Textstelle zeigen: „${passage}“`,
    })
    const thread = show.closest('li')!
    expect(thread).toHaveTextContent('Jana Krause')
    expect(commentAnchorTexts(stored().body).size).toBe(1)

    // the reply form replaces „Antworten“: cancelling or sending it puts focus back there
    const replyButton = within(thread).getByRole('button', { name: 'Antworten' })
    await user.click(replyButton)
    await user.click(within(thread).getByRole('button', { name: 'Abbrechen' }))
    expect(within(thread).getByRole('button', { name: 'Antworten' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await user.type(within(thread).getByRole('textbox', { name: 'Antwort' }), 'Verworfen')
    await user.keyboard('{Escape}')
    expect(within(thread).getByRole('button', { name: 'Antworten' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await user.type(within(thread).getByRole('textbox', { name: 'Antwort' }), 'Ich helle es auf.')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(await within(thread).findByText('Ich helle es auf.')).toBeInTheDocument()
    await waitFor(() =>
      expect(within(thread).getByRole('button', { name: 'Antworten' })).toHaveFocus(),
    )

    // the text of a resolved thread loses its marker, and gets it back when the thread reopens
    const unmarkedText = () =>
      Array.from(
        text.querySelectorAll('.comment-anchor-resolved'),
        (node) => node.textContent,
      ).join('')
    await user.click(within(thread).getByRole('button', { name: 'Erledigt' }))
    expect(await within(thread).findByText(/^Erledigt von Jana Krause/)).toBeInTheDocument()
    await waitFor(() => expect(unmarkedText()).toBe(passage))
    await user.click(within(thread).getByRole('button', { name: 'Wieder öffnen' }))
    expect(await within(thread).findByRole('button', { name: 'Erledigt' })).toBeInTheDocument()
    await waitFor(() => expect(unmarkedText()).toBe(''))

    await user.click(
      within(thread).getAllByRole('button', { name: /^Ihren Kommentar vom .* bearbeiten$/ })[0]!,
    )
    const change = within(thread).getByRole('textbox', { name: 'Kommentar bearbeiten' })
    await user.clear(change)
    await user.type(change, 'Foto viel zu dunkel.')
    await user.click(within(thread).getByRole('button', { name: 'Speichern' }))
    expect(await within(thread).findByText('Foto viel zu dunkel.')).toBeInTheDocument()
    await waitFor(() =>
      expect(
        within(thread).getAllByRole('button', { name: /^Ihren Kommentar vom .* bearbeiten$/ })[0],
      ).toHaveFocus(),
    )
    expect(thread).toHaveTextContent('(bearbeitet)')

    // deleting the reply keeps the thread; focus goes to its passage, not to the page
    // (the first comment of a thread with replies has no Löschen)
    const [replyDelete] = within(thread).getAllByRole('button', {
      name: /^Ihren Kommentar vom .* löschen$/,
    })
    await user.click(replyDelete!)
    await waitFor(() => expect(within(thread).queryByText('Ich helle es auf.')).toBeNull())
    await waitFor(() => expect(show).toHaveFocus())
  })

  it('öffnet ein Gespräch aus der Adresse und zeigt „Text entfernt“, wenn seine Stelle fehlt', async () => {
    const head = await backendAs('head')
    let article = await head.getArticle(articleId)
    article = (
      await head.createCommentThread(articleId, {
        threadId: 'faden-1',
        text: 'Stimmt das Datum?',
        body: withCommentAnchor(article.body, 'faden-1', passage),
        version: article.version,
      })
    ).article
    const other = await head.createCommentThread(articleId, {
      threadId: 'faden-2',
      text: 'Absatz streichen?',
      body: withCommentAnchor(article.body, 'faden-2', 'Erwerbsintegration'),
      version: article.version,
    })
    await head.updateArticle(articleId, {
      version: other.article.version,
      body: withCommentAnchor(
        docFromParagraphs([`${passage} und viele andere.`]),
        'faden-1',
        passage,
      ),
    })

    await renderApp({ route: `/beitraege/${articleId}?kommentar=faden-1`, as: 'editor' })
    const editor = await bodyEditor()
    const panel = screen.getByRole('complementary', { name: 'Kommentare' })
    expect(await within(panel).findByText('Text entfernt')).toBeInTheDocument()
    expect(panel).toHaveTextContent('„Erwerbsintegration“')
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Kommentare (2 offen)',
    )
    await waitFor(() => {
      const { from, to } = editor.state.selection
      expect(editor.state.doc.textBetween(from, to)).toBe(passage)
    })
  })

  it('nimmt die Markierung eines gelöschten Gesprächs aus dem Text, und das Speichern bringt sie nicht zurück', async () => {
    const own = await backendAs('editor')
    const seen = await own.getArticle(articleId)
    await own.createCommentThread(articleId, {
      threadId: 'faden-weg',
      text: 'Doch nicht nötig.',
      body: withCommentAnchor(seen.body, 'faden-weg', passage),
      version: seen.version,
    })
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const text = screen.getByRole('textbox', { name: 'Text' })
    const panel = screen.getByRole('complementary', { name: 'Kommentare' })
    const show = await within(panel).findByRole('button', {
      name: `Textstelle zeigen: „${passage}“`,
    })
    await user.click(show)
    expect(text.querySelector('[data-comment-thread="faden-weg"]')).toHaveTextContent(passage)
    expect(text.querySelector('.comment-anchor-active')).toHaveTextContent(passage)
    const version = stored().version

    await user.click(
      within(panel).getByRole('button', { name: /^Ihren Kommentar vom .* löschen$/ }),
    )
    expect(await within(panel).findByText(/Noch keine Kommentare/)).toBeInTheDocument()
    // the button went with the thread: focus goes to the panel's heading, not to the page
    await waitFor(() =>
      expect(within(panel).getByRole('heading', { name: 'Kommentare' })).toHaveFocus(),
    )
    expect(text.querySelector('[data-comment-thread]')).toBeNull()
    expect(text.querySelector('.comment-anchor-active')).toBeNull()
    expect(stored().version).toBe(version + 1)
    expect(commentAnchorTexts(stored().body).size).toBe(0)

    // typing on saves over the new version (the editor took it: not even a 409 in between), no
    // anchor back, undo brings none
    const saves: number[] = []
    const listener = ({ request, response }: { request: Request; response: Response }) => {
      if (request.method === 'PATCH') saves.push(response.status)
    }
    testServer.server.events.on('response:mocked', listener)
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, ' Ein Nachsatz.')
    await waitFor(() => expect(plainText(stored().body)).toMatch(/Ein Nachsatz\.$/), {
      timeout: 4000,
    })
    testServer.server.events.removeListener('response:mocked', listener)
    expect(saves).toEqual([200])
    expect(stored().version).toBe(version + 2)
    editor.commands.undo()
    editor.commands.undo()
    expect(text.querySelector('[data-comment-thread]')).toBeNull()
    expect(commentAnchorTexts(stored().body).size).toBe(0)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('nimmt beim Speichern die Markierung eines Gesprächs heraus, das jemand anders gelöscht hat', async () => {
    const head = await backendAs('head')
    const seen = await head.getArticle(articleId)
    const { thread } = await head.createCommentThread(articleId, {
      threadId: 'faden-fremd',
      text: 'Bitte prüfen.',
      body: withCommentAnchor(seen.body, 'faden-fremd', passage),
      version: seen.version,
    })
    await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    const text = screen.getByRole('textbox', { name: 'Text' })
    expect(await screen.findByText('Bitte prüfen.')).toBeInTheDocument()
    expect(text.querySelector('[data-comment-thread="faden-fremd"]')).toHaveTextContent(passage)

    await head.deleteComment(thread.comments[0]!.id)
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, ' Mein Nachsatz.')
    await waitFor(() => expect(plainText(stored().body)).toMatch(/Mein Nachsatz\.$/), {
      timeout: 6000,
    })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(commentAnchorTexts(stored().body).size).toBe(0)
    expect(text.querySelector('[data-comment-thread]')).toBeNull()
  })
})
