import type { ReactNode } from 'react'
import {
  isAllowedHref,
  type BlockNode,
  type InlineNode,
  type RichTextDoc,
} from '../domain/rich-text'
import styles from './rich-text-view.module.css'

function renderInline(node: InlineNode, key: number): ReactNode {
  if (node.type === 'hardBreak') return <br key={key} />
  let content: ReactNode = node.text
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') content = <strong>{content}</strong>
    else if (mark.type === 'italic') content = <em>{content}</em>
    else if (mark.type === 'underline') content = <u>{content}</u>
    else if (mark.type === 'link' && isAllowedHref(mark.attrs.href)) {
      content = (
        <a href={mark.attrs.href} rel="noopener noreferrer">
          {content}
        </a>
      )
    }
  }
  return <span key={key}>{content}</span>
}

function renderBlock(block: BlockNode, key: number, headingOffset: number): ReactNode {
  const inline = (content?: InlineNode[]) => content?.map(renderInline)
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{inline(block.content)}</p>
    case 'heading': {
      const level = Math.min(6, block.attrs.level + headingOffset)
      const Heading = `h${level}` as 'h3'
      return <Heading key={key}>{inline(block.content)}</Heading>
    }
    case 'blockquote':
      return (
        <blockquote key={key}>
          {block.content.map((child, index) => renderBlock(child, index, headingOffset))}
        </blockquote>
      )
    case 'bulletList':
    case 'orderedList': {
      const List = block.type === 'bulletList' ? 'ul' : 'ol'
      return (
        <List key={key}>
          {block.content.map((item, index) => (
            <li key={index}>
              {item.content.map((child, i) => renderBlock(child, i, headingOffset))}
            </li>
          ))}
        </List>
      )
    }
  }
}

/**
 * Renders an article body as React elements (never as an HTML string), so nothing in it can
 * execute; links are checked once more against the allowed protocols.
 * `headingOffset` shifts subheadings below the page's own headings.
 */
export function RichTextView({
  doc,
  headingOffset = 1,
}: {
  doc: RichTextDoc
  headingOffset?: number
}) {
  return (
    <div className={styles.richText}>
      {doc.content.map((block, index) => renderBlock(block, index, headingOffset))}
    </div>
  )
}
