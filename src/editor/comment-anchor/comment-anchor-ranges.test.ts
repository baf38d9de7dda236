import { getSchema, type Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { afterEach, describe, expect, it } from 'vitest'
import type { InlineNode, Mark, RichTextDoc } from '../../domain/rich-text'
import { createArticleEditor } from '../../../tests/editor-helpers'
import { articleKit } from '../article-kit'
import { commentAnchorRanges } from './comment-anchor'

const schema = getSchema(articleKit())
const document = (body: RichTextDoc) => schema.nodeFromJSON(body)

const anchor = (threadId: string) => ({ type: 'commentAnchor', attrs: { threadId } }) as const
const bold = { type: 'bold' } as const
const paragraph = (...content: InlineNode[]) => ({ type: 'paragraph' as const, content })
const text = (value: string, ...marks: Mark[]): InlineNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const body = (...content: RichTextDoc['content']): RichTextDoc => ({ type: 'doc', content })

/** The ranges as the text they cover, by thread id. */
function rangeTexts(doc: ProseMirrorNode, from?: number, to?: number) {
  return Object.fromEntries(
    [...commentAnchorRanges(doc, from, to)].map(([threadId, ranges]) => [
      threadId,
      ranges.map((range) => doc.textBetween(range.from, range.to, '|')),
    ]),
  )
}

/** "Das Sommerfest beginnt um 15 Uhr." with t1 on "Sommerfest", t2 on "fest beginnt", t3 on all. */
const overlapping = body(
  paragraph(
    text('Das ', anchor('t3')),
    text('Sommer', anchor('t3'), anchor('t1')),
    text('fest', anchor('t3'), anchor('t1'), anchor('t2')),
    text(' beginnt', anchor('t3'), anchor('t2')),
    text(' um 15 Uhr.', anchor('t3')),
  ),
)

describe('commentAnchorRanges', () => {
  it('gibt für ein leeres Dokument und eines ohne Anker nichts', () => {
    expect(commentAnchorRanges(document(body({ type: 'paragraph' })))).toEqual(new Map())
    expect(commentAnchorRanges(document(body(paragraph(text('Kein Anker.')))))).toEqual(new Map())
  })

  it('gibt sich überlappenden Fäden je einen zusammenhängenden Bereich', () => {
    const doc = document(overlapping)
    expect(rangeTexts(doc)).toEqual({
      t1: ['Sommerfest'],
      t2: ['fest beginnt'],
      t3: ['Das Sommerfest beginnt um 15 Uhr.'],
    })
    // the paragraph opens at 0, its text starts at 1
    expect(commentAnchorRanges(doc).get('t1')).toEqual([{ from: 5, to: 15 }])
  })

  it('trennt den Bereich nicht, wo Fettdruck mitten im verankerten Text beginnt und endet', () => {
    const doc = document(
      body(
        paragraph(
          text('Das '),
          text('Sommer', anchor('t1')),
          text('fe', bold, anchor('t1')),
          text('st', anchor('t1')),
          text(' beginnt.'),
        ),
      ),
    )
    expect(commentAnchorRanges(doc)).toEqual(new Map([['t1', [{ from: 5, to: 15 }]]]))
  })

  it('gibt einem Faden mit Stücken an zwei Stellen oder in zwei Absätzen einen Bereich je Stück', () => {
    const doc = document(
      body(
        paragraph(
          text('Erster', anchor('t2')),
          text(' Absatz', anchor('t1')),
          text('.', anchor('t1'), anchor('t2')),
        ),
        paragraph(text('Zweiter', anchor('t1')), text(' Absatz.')),
      ),
    )
    expect(rangeTexts(doc)).toEqual({ t1: [' Absatz.', 'Zweiter'], t2: ['Erster', '.'] })
    expect(commentAnchorRanges(doc).get('t1')).toEqual([
      { from: 7, to: 15 },
      { from: 17, to: 24 },
    ])
  })

  it('zählt einen verankerten Zeilenumbruch nicht als Text des Fadens', () => {
    const doc = document(
      body(
        paragraph(
          text('Erste Zeile', anchor('t1')),
          { type: 'hardBreak', marks: [anchor('t1'), anchor('t2')] },
          text('zweite Zeile', anchor('t1')),
        ),
      ),
    )
    expect(rangeTexts(doc)).toEqual({ t1: ['Erste Zeile', 'zweite Zeile'] })
  })

  it('nimmt mit from und to nur die Textstücke, die hineinreichen, und die ganz', () => {
    const doc = document(overlapping)
    const inBeginnt = 1 + 'Das Sommerfest be'.length
    expect(rangeTexts(doc, inBeginnt, inBeginnt + 1)).toEqual({
      t2: [' beginnt'],
      t3: [' beginnt'],
    })
    expect(rangeTexts(doc, 1, 2)).toEqual({ t3: ['Das '] })
  })
})

describe('Hervorhebungen über formatiertem Text', () => {
  let editor: Editor
  afterEach(() => editor.destroy())

  /** The texts of the editor's elements with the class, in reading order. */
  const texts = (className: string) =>
    Array.from(editor.view.dom.querySelectorAll(`.${className}`), (node) => node.textContent).join(
      '|',
    )

  /** "Das Sommer**fe**st beginnt." with t1 on all of it and t2 on the bold "fe". */
  const boldInside = body(
    paragraph(
      text('Das Sommer', anchor('t1')),
      text('fe', bold, anchor('t1'), anchor('t2')),
      text('st beginnt.', anchor('t1')),
    ),
  )

  it('hebt den aktiven Faden in jedem Stück hervor', () => {
    editor = createArticleEditor(boldInside)
    editor.commands.setActiveCommentThread('t1')
    expect(texts('comment-anchor-active')).toBe('Das Sommer|fe|st beginnt.')
    editor.commands.setActiveCommentThread('t2')
    expect(texts('comment-anchor-active')).toBe('fe')
  })

  it('nimmt einem erledigten Faden die Markierung nur, wo kein offener darüberliegt', () => {
    editor = createArticleEditor(boldInside)
    editor.commands.setResolvedCommentThreads(['t1'])
    expect(texts('comment-anchor-resolved')).toBe('Das Sommer|st beginnt.')
    editor.commands.setResolvedCommentThreads(['t2'])
    expect(texts('comment-anchor-resolved')).toBe('')
    editor.commands.setResolvedCommentThreads(['t1', 't2'])
    expect(texts('comment-anchor-resolved')).toBe('Das Sommer|fe|st beginnt.')
  })
})
