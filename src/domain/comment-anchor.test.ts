import { describe, expect, it } from 'vitest'
import {
  commentAnchorTexts,
  commentAnchorThreadIds,
  differsOnlyInCommentAnchors,
  threadsLosingTheirPassage,
  withoutCommentAnchors,
  withoutCommentAnchorsOf,
  withoutOrphanCommentAnchors,
} from './comment-anchor'
import { docFromParagraphs, richTextDocSchema, type RichTextDoc } from './rich-text'

const anchor = (threadId: string) => ({ type: 'commentAnchor' as const, attrs: { threadId } })

const commented: RichTextDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Der ' },
        { type: 'text', text: 'Oberbürgermeister', marks: [anchor('t1')] },
        { type: 'text', text: ' besuchte ', marks: [{ type: 'bold' }, anchor('t2')] },
        { type: 'text', text: 'das Dezernat.', marks: [{ type: 'bold' }] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'Punkt', marks: [anchor('t3')] }],
            },
          ],
        },
      ],
    },
  ],
}

describe('comment anchors', () => {
  it('are part of the stored body schema, with a thread id', () => {
    expect(richTextDocSchema.safeParse(commented).success).toBe(true)
    const withoutId = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'commentAnchor', attrs: {} }] }],
        },
      ],
    }
    expect(richTextDocSchema.safeParse(withoutId).success).toBe(false)
  })

  it('are removed with the text split by them joined again', () => {
    expect(withoutCommentAnchors(commented)).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Der Oberbürgermeister' },
            { type: 'text', text: ' besuchte das Dezernat.', marks: [{ type: 'bold' }] },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt' }] }],
            },
          ],
        },
      ],
    })
  })

  it('make no difference to the text, but a changed word does', () => {
    const plain = withoutCommentAnchors(commented)
    expect(differsOnlyInCommentAnchors(commented, plain)).toBe(true)
    expect(
      differsOnlyInCommentAnchors(commented, docFromParagraphs(['Der Oberbürgermeister'])),
    ).toBe(false)
  })

  it('compare bodies whatever order their keys come in (PostgreSQL jsonb sorts them)', () => {
    const reordered = JSON.parse(
      JSON.stringify(withoutCommentAnchors(commented), (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as RichTextDoc
    expect(differsOnlyInCommentAnchors(commented, reordered)).toBe(true)
  })

  it('name the text of each thread; a deleted one is missing', () => {
    const texts = commentAnchorTexts(commented)
    expect(Object.fromEntries(texts)).toEqual({
      t1: 'Oberbürgermeister',
      t2: ' besuchte ',
      t3: 'Punkt',
    })
    expect(commentAnchorTexts(withoutCommentAnchors(commented)).size).toBe(0)
  })

  it('name the threads an older body has no anchor for, among those asked about', () => {
    // an older version: t1's words are there, but without the anchor; t3 was already anchored
    const older = withoutCommentAnchorsOf(commented, new Set(['t1', 't2']))
    expect(threadsLosingTheirPassage(commented, older, ['t1', 't3', 't9'])).toEqual(['t1'])
    expect(threadsLosingTheirPassage(commented, older, ['t1', 't2', 't3'])).toEqual(['t1', 't2'])
    expect(threadsLosingTheirPassage(commented, commented, ['t1', 't2', 't3'])).toEqual([])
    // a thread already without passage loses nothing
    expect(threadsLosingTheirPassage(older, withoutCommentAnchors(older), ['t1'])).toEqual([])
  })

  it('of deleted threads go, the text joined again, while other threads keep theirs', () => {
    const stripped = withoutCommentAnchorsOf(commented, new Set(['t2', 't3']))
    expect(stripped.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Der ' },
        { type: 'text', text: 'Oberbürgermeister', marks: [anchor('t1')] },
        { type: 'text', text: ' besuchte das Dezernat.', marks: [{ type: 'bold' }] },
      ],
    })
    expect([...commentAnchorTexts(stripped)]).toEqual([['t1', 'Oberbürgermeister']])
    expect(differsOnlyInCommentAnchors(stripped, commented)).toBe(true)
  })

  it('of threads that do not exist are found, also on a line break only', () => {
    const withBreak: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Zeile' },
            { type: 'hardBreak', marks: [anchor('t9')] },
            { type: 'text', text: 'zwei', marks: [anchor('t1')] },
          ],
        },
      ],
    }
    expect(commentAnchorThreadIds(withBreak)).toEqual(new Set(['t9', 't1']))
    expect(withoutOrphanCommentAnchors(withBreak, new Set(['t1']))).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Zeile' },
            { type: 'hardBreak' },
            { type: 'text', text: 'zwei', marks: [anchor('t1')] },
          ],
        },
      ],
    })
  })

  it('whose threads all exist leave the body as it was sent', () => {
    expect(withoutOrphanCommentAnchors(commented, new Set(['t1', 't2', 't3']))).toBe(commented)
    expect(withoutOrphanCommentAnchors(commented, new Set())).toEqual(
      withoutCommentAnchors(commented),
    )
  })
})
