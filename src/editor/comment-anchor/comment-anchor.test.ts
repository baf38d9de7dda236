import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import { createSeedState } from '../../../mocks/seed/august-2018'
import { withCommentAnchors } from '../../../tests/fixtures/comment-anchors'
import { commentAnchorTexts } from '../../domain/comment-anchor'
import { richTextDocSchema, type RichTextDoc } from '../../domain/rich-text'
import { createArticleEditor, typeText } from '../../../tests/editor-helpers'
import { activeCommentThread } from './comment-anchor'

let editor: Editor
afterEach(() => editor.destroy())

const anchor = (threadId: string) => ({ type: 'commentAnchor', attrs: { threadId } }) as const

/** "Das Sommerfest beginnt um 15 Uhr." with "Sommerfest" anchored to thread t1. */
const anchoredBody: RichTextDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Das ' },
        { type: 'text', text: 'Sommerfest', marks: [anchor('t1')] },
        { type: 'text', text: ' beginnt um 15 Uhr.' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Zweiter Absatz.' }] },
  ],
}

/** The body as the autosaver sends it (the editor's document as JSON), checked by the domain. */
function savedBody(): RichTextDoc {
  const json = editor.state.doc.toJSON() as unknown
  const parsed = richTextDocSchema.safeParse(json)
  expect(parsed.error?.issues ?? []).toEqual([])
  return parsed.data as RichTextDoc
}

const anchoredTexts = () => Object.fromEntries(commentAnchorTexts(savedBody()))

/** Document position of the first occurrence of a text (plus an offset into it). */
function positionOf(text: string, offset = 0): number {
  let found = -1
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isTextblock) return found < 0
    const index = node.textContent.indexOf(text)
    if (index >= 0) found = pos + 1 + index + offset
    return false
  })
  if (found < 0) throw new Error(`"${text}" steht nicht im Text.`)
  return found
}

function select(from: number, to = from) {
  editor.view.dispatch(
    editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)),
  )
}

function selectText(text: string) {
  const from = positionOf(text)
  select(from, from + text.length)
}

describe('Kommentar-Anker im Editor', () => {
  it('lädt und speichert gespeicherte Anker unverändert und zeigt sie als markierten Text', () => {
    editor = createArticleEditor(anchoredBody)
    expect(savedBody()).toEqual(anchoredBody)
    expect(editor.getHTML()).toContain(
      '<span data-comment-thread="t1" class="comment-anchor">Sommerfest</span>',
    )
  })

  it('lädt Beiträge mit vielen, sich überlappenden Ankern verlustfrei', () => {
    for (const article of createSeedState().articles) {
      const body = withCommentAnchors(article.body)
      editor = createArticleEditor(body)
      expect(savedBody()).toEqual(body)
      editor.destroy()
    }
    editor = createArticleEditor()
  })

  it('verankert einen Faden an der Auswahl und verweigert eine leere Auswahl', () => {
    editor = createArticleEditor('<p>Das Sommerfest beginnt um 15 Uhr.</p>')
    select(positionOf('Sommerfest'))
    expect(editor.commands.setCommentAnchor({ threadId: 't1' })).toBe(false)
    selectText('15 Uhr')
    expect(editor.commands.setCommentAnchor({ threadId: 't1' })).toBe(true)
    expect(anchoredTexts()).toEqual({ t1: '15 Uhr' })
  })

  it('bleibt beim Tippen davor am selben Text', () => {
    editor = createArticleEditor(anchoredBody)
    select(positionOf('Das'))
    typeText(editor, 'Heute: ')
    select(positionOf('beginnt'))
    typeText(editor, 'endlich ')
    expect(editor.getText()).toContain('Heute: Das Sommerfest endlich beginnt')
    expect(anchoredTexts()).toEqual({ t1: 'Sommerfest' })
  })

  it('wächst beim Tippen darin, aber nicht beim Tippen an seinem Ende oder Anfang', () => {
    editor = createArticleEditor(anchoredBody)
    select(positionOf('fest'))
    typeText(editor, 'nacht')
    expect(anchoredTexts()).toEqual({ t1: 'Sommernachtfest' })
    select(positionOf('Sommernachtfest', 'Sommernachtfest'.length))
    typeText(editor, 'e')
    select(positionOf('Sommernachtfest'))
    typeText(editor, 'X')
    expect(editor.getText()).toContain('Das XSommernachtfeste beginnt')
    expect(anchoredTexts()).toEqual({ t1: 'Sommernachtfest' })
  })

  it('verschwindet mit seinem Text (der Faden ist dann „Text entfernt“), Rückgängig holt ihn zurück', () => {
    editor = createArticleEditor(anchoredBody)
    selectText('Sommerfest')
    editor.commands.deleteSelection()
    expect(editor.getText()).toContain('Das  beginnt')
    expect(commentAnchorTexts(savedBody()).has('t1')).toBe(false)
    expect(JSON.stringify(savedBody())).not.toContain('commentAnchor')
    editor.commands.undo()
    expect(savedBody()).toEqual(anchoredBody)
  })

  it('behält den Rest, wenn nur ein Teil seines Textes gelöscht wird', () => {
    editor = createArticleEditor(anchoredBody)
    const from = positionOf('Das ', 2)
    select(from, positionOf('Sommerfest', 6))
    editor.commands.deleteSelection()
    expect(editor.getText()).toContain('Dafest beginnt')
    expect(anchoredTexts()).toEqual({ t1: 'fest' })
    editor.commands.undo()
    expect(anchoredTexts()).toEqual({ t1: 'Sommerfest' })
  })

  it('bleibt, wenn anderswo eingefügt wird, und Eingefügtes bringt keine Anker mit', () => {
    editor = createArticleEditor(anchoredBody)
    const copied = editor.view.serializeForClipboard(
      editor.state.doc.slice(positionOf('Das'), positionOf(' beginnt')),
    ).dom.innerHTML
    expect(copied).toContain('data-comment-thread="t1"')
    select(positionOf('Absatz.', 'Absatz.'.length))
    editor.view.pasteHTML(copied)
    editor.view.pasteHTML(
      '<p>Von draußen: <span data-comment-thread="fremd" class="comment-anchor">fremd</span></p>',
    )
    expect(editor.getText()).toContain('Zweiter Absatz.Das Sommerfest')
    expect(editor.getText()).toContain('Von draußen: fremd')
    expect(anchoredTexts()).toEqual({ t1: 'Sommerfest' })
    expect(editor.getHTML()).not.toContain('fremd"')
  })

  it('übersteht Einfügen über einem Teil seines Textes mit dem Rest', () => {
    editor = createArticleEditor(anchoredBody)
    selectText('Sommer')
    editor.view.pasteText('Herbst')
    expect(editor.getText()).toContain('Das Herbstfest beginnt')
    expect(anchoredTexts()).toEqual({ t1: 'fest' })
    editor.commands.undo()
    expect(anchoredTexts()).toEqual({ t1: 'Sommerfest' })
  })

  it('bleibt nach dem Löschen seines Fadens weg, auch wenn Rückgängig Text mit ihm zurückholt', () => {
    editor = createArticleEditor(anchoredBody)
    selectText('Sommer')
    editor.commands.deleteSelection()
    expect(anchoredTexts()).toEqual({ t1: 'fest' })
    expect(editor.commands.forgetCommentThreads(['t1'])).toBe(true)
    expect(anchoredTexts()).toEqual({})

    editor.commands.undo()
    expect(editor.getText()).toContain('Das Sommerfest beginnt')
    expect(anchoredTexts()).toEqual({})
    expect(editor.view.dom.querySelector('[data-comment-thread]')).toBeNull()
    editor.commands.redo()
    editor.commands.undo()
    expect(anchoredTexts()).toEqual({})

    // another thread on the same text is still anchored as before
    selectText('Sommerfest')
    editor.commands.setCommentAnchor({ threadId: 't2' })
    expect(anchoredTexts()).toEqual({ t2: 'Sommerfest' })
  })

  it('erlaubt sich überlappende Fäden und entfernt nur den einen', () => {
    editor = createArticleEditor(anchoredBody)
    select(positionOf('fest'), positionOf('beginnt', 'beginnt'.length))
    expect(editor.commands.setCommentAnchor({ threadId: 't2' })).toBe(true)
    selectText('Das Sommerfest beginnt um 15 Uhr.')
    editor.commands.setCommentAnchor({ threadId: 't3' })
    expect(anchoredTexts()).toEqual({
      t1: 'Sommerfest',
      t2: 'fest beginnt',
      t3: 'Das Sommerfest beginnt um 15 Uhr.',
    })
    expect(editor.getHTML()).toContain('data-comment-thread="t2"')
    select(positionOf('fest', 2))
    typeText(editor, 'xx')
    expect(anchoredTexts()).toEqual({
      t1: 'Sommerfexxst',
      t2: 'fexxst beginnt',
      t3: 'Das Sommerfexxst beginnt um 15 Uhr.',
    })
    expect(editor.commands.unsetCommentAnchor('t2')).toBe(true)
    expect(editor.commands.unsetCommentAnchor('t2')).toBe(false)
    expect(anchoredTexts()).toEqual({
      t1: 'Sommerfexxst',
      t3: 'Das Sommerfexxst beginnt um 15 Uhr.',
    })
  })
})

describe('Aktiver Kommentarfaden', () => {
  const activeTexts = () =>
    Array.from(
      editor.view.dom.querySelectorAll('.comment-anchor-active'),
      (node) => node.textContent,
    ).join('')

  it('hebt den Text des gewählten Fadens hervor und folgt Änderungen', () => {
    editor = createArticleEditor(anchoredBody)
    select(positionOf('15'), positionOf('Uhr', 3))
    editor.commands.setCommentAnchor({ threadId: 't2' })
    expect(activeTexts()).toBe('')
    editor.commands.setActiveCommentThread('t1')
    expect(activeCommentThread(editor.state)).toBe('t1')
    expect(activeTexts()).toBe('Sommerfest')
    select(positionOf('fest'))
    typeText(editor, 'nacht')
    select(positionOf('Absatz'))
    typeText(editor, 'langer ')
    expect(activeTexts()).toBe('Sommernachtfest')
    selectText('Sommernachtfest')
    editor.commands.deleteSelection()
    expect(activeTexts()).toBe('')
    editor.commands.undo()
    expect(activeTexts()).toBe('Sommernachtfest')
    editor.commands.setActiveCommentThread('t2')
    expect(activeTexts()).toBe('15 Uhr')
    editor.commands.setActiveCommentThread(null)
    expect(activeTexts()).toBe('')
    expect(editor.view.dom.querySelectorAll('.comment-anchor')).toHaveLength(2)
  })

  it('zeigt nach vielen Änderungen dieselben Hervorhebungen wie neu berechnet', () => {
    editor = createArticleEditor(anchoredBody)
    selectText('Zweiter Absatz')
    editor.commands.setCommentAnchor({ threadId: 't1' })
    editor.commands.setActiveCommentThread('t1')
    const edits: [string, number, string][] = [
      ['Sommerfest', 0, 'A'],
      ['Sommerfest', 3, 'B'],
      ['Zweiter', 7, ' langer'],
      ['Das', 0, 'C'],
      ['Absatz', 6, 'D'],
    ]
    for (const [text, offset, typed] of edits) {
      select(positionOf(text, offset))
      typeText(editor, typed)
    }
    selectText('rfest beginnt um 15 Uhr.')
    editor.commands.deleteSelection()
    const mapped = activeTexts()
    editor.commands.setActiveCommentThread(null)
    editor.commands.setActiveCommentThread('t1')
    expect(mapped).toBe(activeTexts())
    expect(mapped).toBe(Object.values(anchoredTexts()).join(''))
  })
})

describe('Erledigte Kommentarfäden', () => {
  const resolvedTexts = () =>
    Array.from(
      editor.view.dom.querySelectorAll('.comment-anchor > .comment-anchor-resolved'),
      (node) => node.textContent,
    ).join('|')

  it('nehmen ihrem Text die Markierung, folgen Änderungen; ein offener Faden darüber bleibt markiert', () => {
    editor = createArticleEditor(anchoredBody)
    selectText('Sommerfest beginnt')
    editor.commands.setCommentAnchor({ threadId: 't2' })
    expect(resolvedTexts()).toBe('')

    expect(editor.commands.setResolvedCommentThreads(['t1'])).toBe(true)
    expect(editor.commands.setResolvedCommentThreads(['t1'])).toBe(false)
    // "Sommerfest" also carries the open t2: it keeps its marker
    expect(resolvedTexts()).toBe('')
    expect(editor.commands.setResolvedCommentThreads(['t1', 't2'])).toBe(true)
    expect(resolvedTexts()).toBe('Sommerfest| beginnt')

    select(positionOf('fest'))
    typeText(editor, 'nacht')
    expect(resolvedTexts()).toBe('Sommernachtfest| beginnt')
    editor.commands.undo()
    expect(resolvedTexts()).toBe('Sommerfest| beginnt')

    editor.commands.setResolvedCommentThreads(['t2'])
    expect(resolvedTexts()).toBe(' beginnt')
    editor.commands.setResolvedCommentThreads([])
    expect(resolvedTexts()).toBe('')
    expect(anchoredTexts()).toEqual({ t1: 'Sommerfest', t2: 'Sommerfest beginnt' })
  })

  it('werden neu berechnet, wenn ein Anker ohne Textänderung hinzukommt oder geht', () => {
    editor = createArticleEditor(anchoredBody)
    const activeTexts = () =>
      Array.from(
        editor.view.dom.querySelectorAll('.comment-anchor-active'),
        (node) => node.textContent,
      ).join('|')
    editor.commands.setResolvedCommentThreads(['t2'])
    editor.commands.setActiveCommentThread('t2')
    expect(resolvedTexts()).toBe('')

    // the anchor of a resolved, active thread arrives (putBackAnchors after a conflict)
    selectText('beginnt')
    editor.commands.setCommentAnchor({ threadId: 't2' })
    expect(resolvedTexts()).toBe('beginnt')
    expect(activeTexts()).toBe('beginnt')

    // undo takes it out again
    editor.commands.undo()
    expect(resolvedTexts()).toBe('')
    expect(activeTexts()).toBe('')
    editor.commands.redo()
    expect(resolvedTexts()).toBe('beginnt')

    // its thread is deleted: the anchor goes, and with it both highlights
    editor.commands.unsetCommentAnchor('t2')
    expect(resolvedTexts()).toBe('')
    expect(activeTexts()).toBe('')
    expect(anchoredTexts()).toEqual({ t1: 'Sommerfest' })

    // an open thread's anchor over resolved text gives that text its marker back
    editor.commands.setResolvedCommentThreads(['t1'])
    expect(resolvedTexts()).toBe('Sommerfest')
    selectText('Sommerfest')
    editor.commands.setCommentAnchor({ threadId: 't3' })
    expect(resolvedTexts()).toBe('')
    editor.commands.unsetCommentAnchor('t3')
    expect(resolvedTexts()).toBe('Sommerfest')
  })
})
