import { withoutCommentAnchors } from '../domain/comment-anchor'
import {
  isAllowedHref,
  type BlockNode,
  type InlineNode,
  type RichTextDoc,
} from '../domain/rich-text'
import { escapeHtml } from './escape-html'

/** Inline styles per element, for e-mail clients that ignore style sheets; empty for the web. */
export type ElementStyles = Partial<
  Record<'p' | 'h3' | 'h4' | 'h5' | 'ul' | 'ol' | 'li' | 'blockquote' | 'a', string>
>

const attr = (styles: ElementStyles, element: keyof ElementStyles) =>
  styles[element] ? ` style="${escapeHtml(styles[element] ?? '')}"` : ''

function inline(node: InlineNode, styles: ElementStyles): string {
  if (node.type === 'hardBreak') return '<br>'
  let html = escapeHtml(node.text)
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`
    else if (mark.type === 'italic') html = `<em>${html}</em>`
    else if (mark.type === 'underline') html = `<u>${html}</u>`
    else if (mark.type === 'link' && isAllowedHref(mark.attrs.href)) {
      html = `<a href="${escapeHtml(mark.attrs.href.trim())}"${attr(styles, 'a')}>${html}</a>`
    }
  }
  return html
}

function block(node: BlockNode, styles: ElementStyles, headingOffset: number): string {
  const inlines = (content?: InlineNode[]) =>
    (content ?? []).map((child) => inline(child, styles)).join('')
  switch (node.type) {
    case 'paragraph': {
      const text = inlines(node.content)
      return text === '' ? '' : `<p${attr(styles, 'p')}>${text}</p>`
    }
    case 'heading': {
      const level = Math.min(6, node.attrs.level + headingOffset) as 3 | 4 | 5
      const tag = `h${level}` as const
      return `<${tag}${attr(styles, tag)}>${inlines(node.content)}</${tag}>`
    }
    case 'blockquote':
      return `<blockquote${attr(styles, 'blockquote')}>${node.content.map((child) => block(child, styles, headingOffset)).join('')}</blockquote>`
    case 'bulletList':
    case 'orderedList': {
      const tag = node.type === 'bulletList' ? 'ul' : 'ol'
      const items = node.content
        .map(
          (item) =>
            `<li${attr(styles, 'li')}>${item.content.map((child) => block(child, styles, headingOffset)).join('')}</li>`,
        )
        .join('')
      return `<${tag}${attr(styles, tag)}>${items}</${tag}>`
    }
  }
}

/**
 * An article body as HTML, built from the validated JSON: every text is escaped, only http(s)
 * and mailto links survive, nothing else can appear. `headingOffset` moves h2 subheadings below
 * the article's own headline level. Comment anchors are the editor's, not the reader's: they go.
 */
export function richTextHtml(
  doc: RichTextDoc,
  styles: ElementStyles = {},
  headingOffset = 1,
): string {
  return withoutCommentAnchors(doc)
    .content.map((node) => block(node, styles, headingOffset))
    .join('\n')
}
