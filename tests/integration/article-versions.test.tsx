import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { commentAnchorTexts } from '../../src/domain/comment-anchor'
import { docFromParagraphs, plainText } from '../../src/domain/rich-text'
import { withCommentAnchor } from '../contract/comments-contract'
import { draftStorageKey } from '../../src/lib/draft-storage'
import { backendAs, bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const articleId = 'beitrag-02-sozialplan'
const stored = () =>
  testServer.store.snapshot().articles.find((article) => article.id === articleId)!
const versions = () =>
  (testServer.store.snapshot().articleVersions ?? []).filter(
    (version) => version.articleId === articleId,
  )

describe('Versionen eines Beitrags', () => {
  it('zeigt eine frühere Version als Wortvergleich und stellt sie im Editor wieder her', async () => {
    const seedText = plainText(stored().body)
    const head = await backendAs('head')
    await head.updateArticle(articleId, {
      version: stored().version,
      body: docFromParagraphs(['Die Dezernentin hat den Text neu geschrieben.']),
    })
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const editor = await bodyEditor()
    expect(editor.getText()).toBe('Die Dezernentin hat den Text neu geschrieben.')
    // typed just before: saved first, and kept as a version by the restore
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, ' Mein Zusatz.')

    const opener = screen.getByRole('button', { name: 'Versionen' })
    await user.click(opener)
    const dialog = await screen.findByRole('dialog', { name: 'Versionen' })
    const list = within(dialog).getByRole('list', { name: 'Frühere Versionen' })
    // why, who wrote the kept state, when (Berlin time), how long
    const first = await within(list).findByRole('button', {
      name: /^Version 1: Stand vor einer Bearbeitungspause Dr\. Frank Rühling · 10\. August 2018, \d{2}:\d{2} Uhr · \d+ Wörter$/,
    })
    await user.click(first)
    expect(first).toHaveAttribute('aria-pressed', 'true')
    const comparison = await within(dialog).findByRole('region', {
      name: 'Version 1 im Vergleich zum aktuellen Text',
    })
    const inserted = within(comparison)
      .getAllByRole('insertion')
      .map((node) => node.textContent)
      .join(' ')
    expect(inserted).toContain('[nur im aktuellen Text: ')
    expect(inserted).toContain('Dezernentin')
    const removed = within(comparison)
      .getAllByRole('deletion')
      .map((node) => node.textContent)
      .join(' ')
    expect(removed).toContain('[nur in Version 1: ')

    await user.click(
      within(comparison).getByRole('button', { name: 'Diese Version wiederherstellen' }),
    )
    const question = within(comparison).getByRole('group', { name: /Version 1 wiederherstellen\?/ })
    const confirm = within(question).getByRole('button', { name: 'Wiederherstellen' })
    expect(confirm).toHaveFocus()
    await user.click(confirm)

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(opener).toHaveFocus()
    expect(await screen.findByText(/Version 1 ist wiederhergestellt/)).toBeInTheDocument()
    expect(editor.getText({ blockSeparator: '\n\n' })).toBe(seedText)
    expect(plainText(stored().body)).toBe(seedText)

    const kept = versions().sort((a, b) => a.number - b.number)
    expect(kept.map((version) => version.reason).slice(-2)).toEqual(['before_restore', 'restored'])
    expect(plainText(kept.at(-2)!.body)).toBe(
      'Die Dezernentin hat den Text neu geschrieben. Mein Zusatz.',
    )
    expect(kept.at(-1)?.restoredFrom).toBe(1)

    // no waiting save or local draft writes over the restored text afterwards
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(plainText(stored().body)).toBe(seedText)
    expect(localStorage.getItem(draftStorageKey('frank-ruehling', articleId))).toBeNull()
    expect(await screen.findByText(/^✓ Gespeichert/)).toBeInTheDocument()

    // typing goes on from the restored text, without a conflict
    editor.commands.insertContentAt(1, 'Neu: ')
    await waitFor(() => expect(plainText(stored().body)).toBe(`Neu: ${seedText}`), {
      timeout: 10_000,
    })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('sagt vor und nach dem Wiederherstellen, wie viele offene Kommentare ihre Textstelle verlieren', async () => {
    const head = await backendAs('head')
    // another hand writes on: the seed text is kept as version 1, its words stay in the text
    const seed = stored()
    await head.updateArticle(articleId, {
      version: seed.version,
      body: {
        ...seed.body,
        content: [...seed.body.content, ...docFromParagraphs(['Ein Nachsatz.']).content],
      },
    })
    const words = plainText(stored().body).split(' ')
    const [passage, other] = [words.slice(0, 2).join(' '), words.slice(3, 5).join(' ')]
    for (const [threadId, text] of [
      ['faden-offen', passage],
      ['faden-erledigt', other],
    ] as const) {
      const seen = await head.getArticle(articleId)
      await head.createCommentThread(articleId, {
        threadId,
        text: 'Bitte prüfen.',
        body: withCommentAnchor(seen.body, threadId, text),
        version: seen.version,
      })
    }
    await head.resolveCommentThread('faden-erledigt')
    expect(commentAnchorTexts(stored().body).get('faden-offen')).toBe(passage)

    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    await bodyEditor()
    await user.click(screen.getByRole('button', { name: 'Versionen' }))
    const dialog = await screen.findByRole('dialog', { name: 'Versionen' })
    await user.click(await within(dialog).findByRole('button', { name: /^Version 1: / }))
    const comparison = await within(dialog).findByRole('region', {
      name: 'Version 1 im Vergleich zum aktuellen Text',
    })
    await user.click(
      within(comparison).getByRole('button', { name: 'Diese Version wiederherstellen' }),
    )
    const confirm = within(comparison).getByRole('button', { name: 'Wiederherstellen' })
    // the resolved thread loses its passage too, but only the open one is counted
    expect(confirm).toHaveAccessibleDescription(
      '1 offener Kommentar verliert dabei seine Textstelle: Er steht danach unter „Kommentare“ mit „Text entfernt“.',
    )
    await user.click(confirm)

    expect(
      await screen.findByText(
        'Version 1 ist wiederhergestellt. Der bisherige Text bleibt als Version erhalten. 1 offener Kommentar hat seine Textstelle verloren („Text entfernt“).',
      ),
    ).toBeInTheDocument()
    expect(commentAnchorTexts(stored().body).size).toBe(0)
    const panel = screen.getByRole('complementary', { name: /^Kommentare/ })
    expect(
      await within(panel).findByRole('button', { name: `Text entfernt, früher „${passage}“` }),
    ).toBeInTheDocument()
  })

  it('lässt Gestaltung Versionen lesen, aber nicht wiederherstellen', async () => {
    const head = await backendAs('head')
    await head.updateArticle(articleId, {
      version: stored().version,
      body: docFromParagraphs(['Neu geschrieben.']),
    })
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'designer' })
    await user.click(await screen.findByRole('button', { name: 'Versionen' }))
    const dialog = await screen.findByRole('dialog', { name: 'Versionen' })
    await user.click(await within(dialog).findByRole('button', { name: /^Version 1:/ }))
    await within(dialog).findByRole('region', { name: 'Version 1 im Vergleich zum aktuellen Text' })
    expect(
      within(dialog).queryByRole('button', { name: 'Diese Version wiederherstellen' }),
    ).not.toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})
