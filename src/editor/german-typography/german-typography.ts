import { Extension, InputRule, textInputRule } from '@tiptap/core'
import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'
import {
  germanTypography,
  hasDoubleHyphen,
  hasStraightQuotes,
  opensQuotation,
} from '../../domain/german-typography'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    germanTypography: {
      /** Replaces straight quotes (" and ') and -- in the whole document with German typography. */
      fixStraightQuotes: () => ReturnType
    }
  }
}

function characterBefore($pos: ResolvedPos): string {
  return $pos.parentOffset > 0
    ? $pos.parent.textBetween($pos.parentOffset - 1, $pos.parentOffset, undefined, '\ufffc')
    : ''
}

/** Whether a document still contains straight quotes or -- for a dash. */
function needsTypography(doc: ProseMirrorNode): boolean {
  const text = doc.textBetween(0, doc.content.size, '\n', '\ufffc')
  return hasStraightQuotes(text) || hasDoubleHyphen(text)
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
          if (!needsTypography(state.doc)) return false
          if (!dispatch) return true
          state.doc.descendants((node, pos) => {
            if (!node.isText || !node.text) return
            if (!hasStraightQuotes(node.text) && !hasDoubleHyphen(node.text)) return
            const fixed = germanTypography(node.text, characterBefore(state.doc.resolve(pos)))
            const from = tr.mapping.map(pos)
            const to = tr.mapping.map(pos + node.text.length)
            tr.insertText(fixed, from, to)
          })
          return true
        },
    }
  },
})
