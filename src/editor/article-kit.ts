import type { Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { isAllowedHref } from '../domain/rich-text'
import { CommentAnchor } from './comment-anchor/comment-anchor'
import { GermanTypography } from './german-typography/german-typography'
import { PasteCleanup } from './paste-cleanup/paste-cleanup'

/**
 * The extensions of an article body. The schema they build is exactly the one the domain's
 * `richTextDocSchema` accepts (paragraphs, h2–h4, lists, quotes, bold, italic, underline, links, comment anchors).
 */
export function articleKit(): Extensions {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      trailingNode: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      },
    }),
    GermanTypography,
    PasteCleanup,
    CommentAnchor,
  ]
}
