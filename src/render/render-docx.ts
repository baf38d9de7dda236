import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx'
import { withoutCommentAnchors } from '../domain/comment-anchor'
import { creditLine } from '../domain/photo-credit'
import { isAllowedHref, type BlockNode, type InlineNode } from '../domain/rich-text'
import type { EmbeddedImage } from './embedded-image'
import { impressumParagraphs, mastheadIssueLine, subtitleLine } from './impressum'
import { defaultLayout, fontStack, safeColor, type LayoutSettings } from './layout'
import { photoWidth } from './photo-html'
import type { RenderModel } from './render-model'

const orderedListReference = 'nummerierte-liste'
const mutedColor = '555555'

interface Marks {
  bold?: boolean
  italics?: boolean
  underline?: Record<string, never>
}

function inlineChildren(content: InlineNode[] | undefined): ParagraphChild[] {
  return (content ?? []).map((node): ParagraphChild => {
    if (node.type === 'hardBreak') return new TextRun({ break: 1 })
    const marks: Marks = {}
    let href: string | null = null
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') marks.bold = true
      else if (mark.type === 'italic') marks.italics = true
      else if (mark.type === 'underline') marks.underline = {}
      else if (mark.type === 'link' && isAllowedHref(mark.attrs.href)) href = mark.attrs.href.trim()
    }
    if (!href) return new TextRun({ text: node.text, ...marks })
    return new ExternalHyperlink({
      link: href,
      children: [new TextRun({ text: node.text, ...marks, style: 'Hyperlink' })],
    })
  })
}

interface BlockContext {
  /** Nesting of lists around this block (0 outside lists). */
  listLevel: number
  indent: number
  /** A fresh number for each ordered list, so that every list counts from its own start. */
  nextListInstance: () => number
}

const headingLevels = {
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const

function blockParagraphs(
  node: BlockNode,
  context: BlockContext,
  list?: { kind: 'bullet' } | { kind: 'ordered'; instance: number },
): Paragraph[] {
  const indent = context.indent > 0 ? { indent: { left: context.indent } } : {}
  const numbering = !list
    ? {}
    : list.kind === 'bullet'
      ? { bullet: { level: context.listLevel - 1 } }
      : {
          numbering: {
            reference: orderedListReference,
            level: context.listLevel - 1,
            instance: list.instance,
          },
        }
  switch (node.type) {
    case 'paragraph': {
      if (!node.content?.length && !list) return []
      return [new Paragraph({ children: inlineChildren(node.content), ...numbering, ...indent })]
    }
    case 'heading':
      return [
        new Paragraph({
          heading: headingLevels[node.attrs.level],
          children: inlineChildren(node.content),
        }),
      ]
    case 'blockquote':
      return node.content.flatMap((child) =>
        blockParagraphs(child, { ...context, indent: context.indent + 567 }),
      )
    case 'bulletList':
    case 'orderedList': {
      const instance = context.nextListInstance()
      const inner = { ...context, listLevel: context.listLevel + 1 }
      return node.content.flatMap((item) =>
        item.content.flatMap((child, index) =>
          index === 0
            ? blockParagraphs(
                child,
                inner,
                node.type === 'bulletList' ? { kind: 'bullet' } : { kind: 'ordered', instance },
              )
            : blockParagraphs(child, { ...inner, indent: context.indent + 720 * inner.listLevel }),
        ),
      )
    }
  }
}

function photoParagraphs(
  photo: RenderModel['articles'][number]['photos'][number],
  images: ReadonlyMap<string, EmbeddedImage>,
  shownWidth: number,
): Paragraph[] {
  const image = images.get(photo.mediaId)
  const paragraphs: Paragraph[] = []
  if (image) {
    const width = Math.min(shownWidth, image.width)
    const height = Math.round((width * image.height) / image.width)
    paragraphs.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: image.mimeType === 'image/png' ? 'png' : 'jpg',
            data: image.bytes,
            transformation: { width, height },
            altText: {
              name: photo.mediaId,
              title: photo.decorative ? '' : photo.alt,
              description: photo.decorative ? '' : photo.alt,
            },
          }),
        ],
      }),
    )
  }
  if (photo.credit) {
    paragraphs.push(
      new Paragraph({
        keepNext: photo.caption !== '',
        children: [new TextRun({ text: creditLine(photo.credit), size: 18, color: mutedColor })],
      }),
    )
  }
  if (photo.caption) {
    paragraphs.push(
      new Paragraph({ children: [new TextRun({ text: photo.caption, italics: true, size: 20 })] }),
    )
  }
  return paragraphs
}

const wordFont = (font: LayoutSettings['headingFont']) =>
  fontStack(font).split(',')[0]?.replace(/"/g, '').trim() ?? 'Arial'

/**
 * The issue as a Word document for people who review in Word: masthead with the issue's name,
 * every article with headline, formatted text (bold, italic, underline, links, lists,
 * subheadings), photos with credit and caption, then the Impressum. Photos come from `images`
 * (scaled beforehand); a photo missing there keeps its credit and caption. Pure: build the file
 * with `Packer.toBlob` / `Packer.toBuffer`.
 */
export function renderDocx(
  model: RenderModel,
  layout: LayoutSettings = model.publication.layout ?? defaultLayout,
  images: ReadonlyMap<string, EmbeddedImage> = new Map(),
): Document {
  const { publication } = model
  const accent = safeColor(layout.accentColor).slice(1)
  let listInstances = 0
  const context: BlockContext = {
    listLevel: 0,
    indent: 0,
    nextListInstance: () => ++listInstances,
  }
  const shownWidth = photoWidth('docx', layout)

  const masthead = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(publication.title)] }),
    new Paragraph({
      children: [new TextRun({ text: subtitleLine(publication.subtitle), size: 26 })],
    }),
    new Paragraph({
      children: [new TextRun({ text: mastheadIssueLine(model.issue), bold: true })],
    }),
  ]
  const articles = model.articles.flatMap((article) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(article.headline)] }),
    ...withoutCommentAnchors(article.body).content.flatMap((node) =>
      blockParagraphs(node, context),
    ),
    ...article.photos.flatMap((photo) => photoParagraphs(photo, images, shownWidth)),
  ])
  const impressum = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Impressum')] }),
    ...impressumParagraphs(model).map(
      (lines) =>
        new Paragraph({
          children: lines.map((line, index) => new TextRun({ text: line, break: index ? 1 : 0 })),
        }),
    ),
    new Paragraph({ children: [new TextRun(publication.unsubscribeText)] }),
  ]

  const headingStyle = (size: number) => ({
    run: { font: wordFont(layout.headingFont), color: accent, size, bold: true },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  })
  return new Document({
    title: `${publication.title} – ${mastheadIssueLine(model.issue)}`,
    creator: publication.impressum.publisher,
    styles: {
      default: {
        document: {
          run: { font: wordFont(layout.bodyFont), size: 22, language: { value: 'de-DE' } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: headingStyle(36),
        heading1: headingStyle(30),
        heading2: headingStyle(26),
        heading3: headingStyle(24),
        heading4: headingStyle(22),
        hyperlink: { run: { color: accent, underline: {} } },
      },
    },
    numbering: {
      config: [
        {
          reference: orderedListReference,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: [...masthead, ...articles, ...impressum] }],
  })
}
