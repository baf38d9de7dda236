import { withoutCommentAnchors } from '../domain/comment-anchor'
import { isAllowedHref, type BlockNode, type InlineNode } from '../domain/rich-text'
import { impressumParagraphs, mastheadIssueLine, subtitleLine } from './impressum'
import { defaultLayout, type LayoutSettings } from './layout'
import type { RenderModel } from './render-model'
import { creditLine } from '../domain/photo-credit'
import { archiveLinkText, unsubscribeLinkText, type EmailDelivery } from './render-email'

function inlineText(content: InlineNode[] | undefined): string {
  return (content ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '\n'
      const link = node.marks?.find((mark) => mark.type === 'link')
      const href = link?.type === 'link' && isAllowedHref(link.attrs.href) ? link.attrs.href : null
      return href && href !== node.text ? `${node.text} <${href}>` : node.text
    })
    .join('')
}

function blockText(node: BlockNode, prefix = ''): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const text = inlineText(node.content)
      return text === '' ? [] : [`${prefix}${text}`]
    }
    case 'blockquote':
      return node.content.flatMap((child) => blockText(child, `${prefix}> `))
    case 'bulletList':
    case 'orderedList':
      return node.content.flatMap((item, index) =>
        item.content.flatMap((child, childIndex) =>
          blockText(
            child,
            childIndex === 0
              ? `${prefix}${node.type === 'bulletList' ? '- ' : `${index + 1}. `}`
              : `${prefix}   `,
          ),
        ),
      )
  }
}

/** The plain-text part of the e-mail: same content and order as the HTML, blocks separated by blank lines. */
export function renderText(
  model: RenderModel,
  layout: LayoutSettings = model.publication.layout ?? defaultLayout,
  delivery: EmailDelivery = {},
): string {
  const { publication } = model
  const blocks: string[] = [publication.title, subtitleLine(publication.subtitle)]
  if (delivery.archiveUrl) blocks.unshift(`${archiveLinkText}: ${delivery.archiveUrl}`)
  if (layout.mastheadIssueLine) blocks.push(mastheadIssueLine(model.issue))
  for (const article of model.articles) {
    blocks.push(
      article.headline,
      ...withoutCommentAnchors(article.body).content.flatMap((node) => blockText(node)),
    )
    for (const photo of article.photos) {
      if (photo.credit) blocks.push(creditLine(photo.credit))
      if (photo.caption) blocks.push(photo.caption)
    }
  }
  blocks.push(
    'Impressum',
    ...impressumParagraphs(model).map((lines) => lines.join('\n')),
    publication.unsubscribeText,
  )
  if (delivery.unsubscribeUrl) blocks.push(`${unsubscribeLinkText}: ${delivery.unsubscribeUrl}`)
  return `${blocks.join('\n\n')}\n`
}
