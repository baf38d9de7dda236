import { z } from 'zod'
import { cleanString, idSchema } from './clean-text'

/** Link protocols a body may contain; everything else (javascript:, data:, …) is refused. */
export const allowedLinkProtocols = ['http:', 'https:', 'mailto:'] as const

/** True when `href` is an absolute http(s) or mailto URL. */
export function isAllowedHref(href: string): boolean {
  try {
    const url = new URL(href.trim())
    return (allowedLinkProtocols as readonly string[]).includes(url.protocol)
  } catch {
    return false
  }
}

/** Adds "https://" to addresses typed without a protocol (www.gera.de), mailto: to e-mail addresses. */
export function normaliseHref(input: string): string {
  const value = input.trim()
  if (/^[a-z][a-z\d+.-]*:/i.test(value)) return value
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`
  return `https://${value}`
}

const linkAddressMessage =
  'Bitte eine Adresse mit https://, http:// oder eine E-Mail-Adresse angeben.'

/** A link address as typed into the editor's link form, normalised to the href the link gets. */
export const linkAddressInputSchema = z.object({
  href: cleanString()
    .trim()
    .min(1, { message: linkAddressMessage })
    .transform(normaliseHref)
    .pipe(z.string().refine(isAllowedHref, { message: linkAddressMessage })),
})

const boldMark = z.object({ type: z.literal('bold') }).strict()
const italicMark = z.object({ type: z.literal('italic') }).strict()
const underlineMark = z.object({ type: z.literal('underline') }).strict()
const linkMark = z
  .object({
    type: z.literal('link'),
    attrs: z
      .object({
        href: cleanString().refine(isAllowedHref, {
          message: 'Links müssen mit http://, https:// oder mailto: beginnen.',
        }),
        target: cleanString().nullable().optional(),
        rel: cleanString().nullable().optional(),
        class: cleanString().nullable().optional(),
        title: cleanString().nullable().optional(),
      })
      .strict(),
  })
  .strict()

/**
 * Anchors a comment thread to the text it covers; the thread itself lives in its own table
 * (docs/decisions/0015-comments.md). Renderers, exports and the approval fingerprint ignore it.
 */
export const commentAnchorMarkSchema = z
  .object({
    type: z.literal('commentAnchor'),
    attrs: z.object({ threadId: idSchema() }).strict(),
  })
  .strict()

export const markSchema = z.discriminatedUnion('type', [
  boldMark,
  italicMark,
  underlineMark,
  linkMark,
  commentAnchorMarkSchema,
])
export type Mark = z.infer<typeof markSchema>

export const textNodeSchema = z
  .object({
    type: z.literal('text'),
    text: cleanString().min(1),
    marks: z.array(markSchema).optional(),
  })
  .strict()
export type TextNode = z.infer<typeof textNodeSchema>

const hardBreakSchema = z
  .object({ type: z.literal('hardBreak'), marks: z.array(markSchema).optional() })
  .strict()

const inlineSchema = z.union([textNodeSchema, hardBreakSchema])
export type InlineNode = z.infer<typeof inlineSchema>

const paragraphSchema = z
  .object({
    type: z.literal('paragraph'),
    content: z.array(inlineSchema).optional(),
  })
  .strict()

const headingSchema = z
  .object({
    type: z.literal('heading'),
    attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
    content: z.array(inlineSchema).optional(),
  })
  .strict()

/** A block node of an article body. */
export type BlockNode =
  | z.infer<typeof paragraphSchema>
  | z.infer<typeof headingSchema>
  | { type: 'blockquote'; content: BlockNode[] }
  | { type: 'bulletList'; content: ListItemNode[] }
  | {
      type: 'orderedList'
      attrs?: { start?: number; type?: string | null }
      content: ListItemNode[]
    }

/** One item of a bullet or ordered list. */
export type ListItemNode = { type: 'listItem'; content: BlockNode[] }

const listItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z
    .object({
      type: z.literal('listItem'),
      content: z.array(blockSchema).min(1),
    })
    .strict(),
)

const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.union([
    paragraphSchema,
    headingSchema,
    z.object({ type: z.literal('blockquote'), content: z.array(blockSchema).min(1) }).strict(),
    z.object({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1) }).strict(),
    z
      .object({
        type: z.literal('orderedList'),
        attrs: z
          .object({
            start: z.number().int().optional(),
            type: cleanString().nullable().optional(),
          })
          .strict()
          .optional(),
        content: z.array(listItemSchema).min(1),
      })
      .strict(),
  ]),
)

/**
 * Deepest nesting of nodes below the document (text in a paragraph is 2, in a quoted paragraph 3,
 * in a list item's paragraph 4): room for far more than Word's nine list levels, and few enough
 * for the recursive schema and renderers.
 */
export const maxRichTextDepth = 40

export const richTextTooDeepMessage =
  'Der Beitragstext ist zu tief verschachtelt. Bitte weniger Listen oder Zitate ineinander setzen.'

/** True when `value` nests nodes (through `content` arrays) deeper than `maxDepth`; no recursion. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop() ?? { node: null, depth: 0 }
    if (node === null || typeof node !== 'object' || !('content' in node)) continue
    const content: unknown = node.content
    if (!Array.isArray(content) || content.length === 0) continue
    if (depth + 1 > maxDepth) return true
    for (const child of content) stack.push({ node: child, depth: depth + 1 })
  }
  return false
}

const docNodeSchema = z
  .object({
    type: z.literal('doc'),
    content: z.array(blockSchema),
  })
  .strict()

/**
 * The body of an article: a Tiptap/ProseMirror JSON document restricted to the article schema.
 * The depth is checked first, without recursion: the recursive node schemas would overflow the
 * stack on a body nested hundreds of levels deep.
 */
export const richTextDocSchema = z
  .unknown()
  .refine((value) => !nestsDeeperThan(value, maxRichTextDepth), {
    message: richTextTooDeepMessage,
  })
  .pipe(docNodeSchema)
export type RichTextDoc = z.infer<typeof richTextDocSchema>

/** An empty body with one empty paragraph, as Tiptap creates it. */
export function emptyDoc(): RichTextDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

/** A body made of plain paragraphs, one per string. */
export function docFromParagraphs(paragraphs: readonly string[]): RichTextDoc {
  return {
    type: 'doc',
    content: paragraphs.map((text) =>
      text === ''
        ? { type: 'paragraph' as const }
        : { type: 'paragraph' as const, content: [{ type: 'text' as const, text }] },
    ),
  }
}

function inlineText(content: readonly InlineNode[] | undefined): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('')
}

/** The text blocks of a body in reading order (paragraphs, headings, list items flattened). */
export function blockTexts(doc: RichTextDoc): string[] {
  const texts: string[] = []
  const visit = (block: BlockNode) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        texts.push(inlineText(block.content))
        break
      case 'blockquote':
        block.content.forEach(visit)
        break
      case 'bulletList':
      case 'orderedList':
        block.content.forEach((item) => item.content.forEach(visit))
        break
    }
  }
  doc.content.forEach(visit)
  return texts
}

/** Plain text of a body, blocks separated by blank lines. */
export function plainText(doc: RichTextDoc): string {
  return blockTexts(doc)
    .filter((text) => text.trim() !== '')
    .join('\n\n')
}

/** Whether a body holds no visible text: only empty paragraphs, spaces or line breaks. */
export function isBlankDoc(doc: RichTextDoc): boolean {
  return blockTexts(doc).every((text) => text.trim() === '')
}
