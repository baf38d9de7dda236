import { Extension, InputRule, textInputRule } from '@tiptap/core'
import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    germanTypography: {
      /** Replaces straight quotes (" and ') in the whole document with German typographic ones. */
      fixStraightQuotes: () => ReturnType
    }
  }
}

const openingContext = /[\s([{„‚\-–—/\ufffc]/

/** Whether a double quote after `before` (one character, '' at the start of a block) opens a quotation. */
export function opensQuotation(before: string): boolean {
  return before === '' || openingContext.test(before)
}

/** Converts straight quotes in a text: "…" → „…“, ' → ’. `before` is the character preceding it. */
export function germanQuotes(text: string, before = ''): string {
  let previous = before
  let out = ''
  for (const char of text) {
    const next = char === '"' ? (opensQuotation(previous) ? '„' : '“') : char === "'" ? '’' : char
    out += next
    previous = next
  }
  return out
}

function characterBefore($pos: ResolvedPos): string {
  return $pos.parentOffset > 0
    ? $pos.parent.textBetween($pos.parentOffset - 1, $pos.parentOffset, undefined, '\ufffc')
    : ''
}

/** Whether a document still contains straight quotes. */
export function hasStraightQuotes(doc: ProseMirrorNode): boolean {
  return /["']/.test(doc.textBetween(0, doc.content.size, '\n', '\ufffc'))
}

/**
 * German typography while typing: "…" becomes „…“, ' stays an apostrophe ’, -- becomes –,
 * ... becomes …. Backspace right after a replacement undoes it.
 */
export const GermanTypography = Extension.create({
  name: 'germanTypography',

  addInputRules() {
    return [
      new InputRule({
        find: /"$/,
        handler: ({ state, range }) => {
          const opening = opensQuotation(characterBefore(state.doc.resolve(range.from)))
          state.tr.insertText(opening ? '„' : '“', range.from, range.to)
        },
      }),
      textInputRule({ find: /'$/, replace: '’' }),
      textInputRule({ find: /--$/, replace: '–' }),
      textInputRule({ find: /\.\.\.$/, replace: '…' }),
    ]
  },

  addCommands() {
    return {
      fixStraightQuotes:
        () =>
        ({ tr, state, dispatch }) => {
          if (!hasStraightQuotes(state.doc)) return false
          if (!dispatch) return true
          state.doc.descendants((node, pos) => {
            if (!node.isText || !node.text || !/["']/.test(node.text)) return
            const fixed = germanQuotes(node.text, characterBefore(state.doc.resolve(pos)))
            const from = tr.mapping.map(pos)
            tr.insertText(fixed, from, from + node.text.length)
          })
          return true
        },
    }
  },
})
