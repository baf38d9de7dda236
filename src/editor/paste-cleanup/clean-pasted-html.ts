import { startsWithListDebris } from '../../domain/word-debris'
import { sanitizeRichHtml } from '../../lib/sanitize-html'

const dropEntirely =
  'script, style, meta, link, title, xml, template, iframe, object, embed, svg, math, img, video, audio, canvas, form, input, button, select, textarea, head'

/** A CSS property of an inline style (not its mso- or -webkit- variants). */
const cssProperty = (name: string, values: string) =>
  new RegExp(`(?:^|[;\\s])${name}\\s*:\\s*(?:${values})\\b`, 'i')
const boldWeight = cssProperty('font-weight', 'bold|bolder|[6-9]00')
const normalWeight = cssProperty('font-weight', 'normal|[1-4]00')
const italicStyle = cssProperty('font-style', 'italic')
const isBold = (style: string) => boldWeight.test(style)
const isItalic = (style: string) => italicStyle.test(style)
const isNormalWeight = (style: string) => normalWeight.test(style)

/** Separates the cells of a pasted table row in the one paragraph the row becomes. */
export const tableCellSeparator = ' – '

const blockTags = 'p, div, h1, h2, h3, h4, h5, h6, li, ul, ol, blockquote, section, article'

function unwrap(element: Element) {
  element.replaceWith(...Array.from(element.childNodes))
}

function removeComments(root: Node) {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.parentNode?.removeChild(comment)
}

/** Whether a text has nothing visible (Word's empty paragraphs hold a lone &nbsp;). */
const isBlank = (text: string) => text.replace(/[\s\u00a0\u200b]/g, '') === ''

type ListKind = 'bullet' | 'ordered'

/**
 * The numbering Word declares for each list level in its style sheet
 * (`@list l1:level2 {mso-level-number-format:alpha-lower}`), keyed "l1:2". Levels without a
 * number format are decimal.
 */
function wordListKinds(parsed: Document): Map<string, ListKind> {
  const kinds = new Map<string, ListKind>()
  const css = Array.from(parsed.querySelectorAll('style'))
    .map((style) => style.textContent ?? '')
    .join('\n')
  for (const match of css.matchAll(/@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi)) {
    const format = /mso-level-number-format\s*:\s*([\w-]+)/i.exec(match[3] ?? '')?.[1]
    const bullet = format !== undefined && /^(bullet|image)$/i.test(format)
    kinds.set(`${match[1]}:${match[2]}`, bullet ? 'bullet' : 'ordered')
  }
  return kinds
}

interface WordListParagraph {
  /** "l0 lfo1": paragraphs of one Word list share it; another value starts another list. */
  listId: string
  /** "l0:1", the key of the level's numbering definition. */
  levelKey: string
  level: number
}

/**
 * Word's list paragraphs carry `mso-list: l0 level2 lfo1`. A paragraph that only starts with a
 * bullet and no-break spaces (Word HTML copied once more, from Outlook or a web page) is an item
 * of a one-level list. Null for every other paragraph.
 */
function wordListParagraph(element: Element): WordListParagraph | null {
  const style = element.getAttribute('style') ?? ''
  const match = /mso-list\s*:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i.exec(style)
  if (!match) {
    return startsWithListDebris(element.textContent ?? '')
      ? { listId: 'typed', levelKey: '', level: 1 }
      : null
  }
  const level = Number(match[2])
  return { listId: `${match[1]} ${match[3] ?? ''}`, levelKey: `${match[1]}:${level}`, level }
}

const isWordListStyleParagraph = (element: Element) =>
  /MsoListParagraph/i.test(element.getAttribute('class') ?? '')

/** A bullet Word or a hand-typed list puts before the text: ·, o, §, ▪, -, •, 1., a), iv. … */
const typedMarker =
  /^[\s\u00a0]*(?:[·•▪◦][\s\u00a0]*|(?:[§o\-–]|\(?(?:\d+|[a-z]|[ivxlc]+)(?:\.\d+)*[.)])[\s\u00a0]+)/i

/** Removes the bullet or number Word writes in front of a list paragraph and returns it. */
function takeWordListMarker(paragraph: Element): string {
  const markers = Array.from(paragraph.querySelectorAll('span')).filter((span) =>
    /mso-list\s*:\s*ignore/i.test(span.getAttribute('style') ?? ''),
  )
  if (markers.length > 0) {
    const text = markers
      .map((span) => span.textContent ?? '')
      .join('')
      .trim()
    markers.forEach((span) => span.remove())
    return text
  }
  // without Word's marker span (some clipboards drop the style), the marker is plain text
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
  let marker: string | null = null
  while (walker.nextNode()) {
    const node = walker.currentNode
    const text = node.textContent ?? ''
    if (marker === null) {
      if (isBlank(text)) continue
      const match = typedMarker.exec(text)
      if (!match) return ''
      marker = match[0].trim()
      node.textContent = text.slice(match[0].length)
    } else {
      // the spaces after the marker often sit in a span of their own
      node.textContent = text.replace(/^[\s\u00a0]+/, '')
    }
    if (!isBlank(node.textContent ?? '')) break
  }
  return marker ?? ''
}

const orderedMarker = /^\(?(?:\d+|[a-z]|[ivxlc]+)(?:\.\d+)*[.)]$/i

interface OpenList {
  level: number
  listId: string
  kind: ListKind
  list: HTMLElement
}

/**
 * Turns runs of Word list paragraphs into real nested ul/ol lists: the level from
 * `mso-list … levelN`, bullets or numbers from Word's list definitions (or the marker text),
 * a new list where the list id (`lN lfoN`) changes. An indented "list paragraph" without a
 * marker right after an item continues that item.
 */
function convertWordLists(body: HTMLElement, kinds: Map<string, ListKind>) {
  const document = body.ownerDocument
  const candidates = Array.from(body.querySelectorAll('p')).filter(
    (p) => wordListParagraph(p) !== null || isWordListStyleParagraph(p),
  )
  let stack: OpenList[] = []
  let previous = null as Element | null
  const placeholders: Element[] = []
  const takeOut = (paragraph: Element) => {
    const placeholder = document.createElement('span')
    paragraph.replaceWith(placeholder)
    placeholders.push(placeholder)
    previous = placeholder
  }
  for (const paragraph of candidates) {
    const continues = previous !== null && previous.nextElementSibling === paragraph
    if (!continues) stack = []
    const item = wordListParagraph(paragraph)
    if (!item) {
      const openItem = stack.at(-1)?.list.lastElementChild
      if (!openItem) continue
      const content = document.createElement('p')
      content.append(...Array.from(paragraph.childNodes))
      openItem.append(content)
      takeOut(paragraph)
      continue
    }
    const marker = takeWordListMarker(paragraph)
    const kind: ListKind =
      kinds.get(item.levelKey) ?? (orderedMarker.test(marker) ? 'ordered' : 'bullet')
    while ((stack.at(-1)?.level ?? 0) > item.level) stack.pop()
    const same = stack.at(-1)
    if (same && same.level === item.level && (same.listId !== item.listId || same.kind !== kind)) {
      stack.pop()
    }
    let top = stack.at(-1)
    if (!top || top.level < item.level) {
      const list = document.createElement(kind === 'ordered' ? 'ol' : 'ul')
      if (top) {
        const lastItem =
          top.list.lastElementChild ?? top.list.appendChild(document.createElement('li'))
        lastItem.appendChild(list)
      } else {
        paragraph.before(list)
      }
      top = { level: item.level, listId: item.listId, kind, list }
      stack.push(top)
    }
    const listItem = document.createElement('li')
    const content = document.createElement('p')
    content.append(...Array.from(paragraph.childNodes))
    listItem.append(content)
    top.list.append(listItem)
    takeOut(paragraph)
  }
  placeholders.forEach((placeholder) => placeholder.remove())
  // the numbers of numbered headings and other markers outside list paragraphs
  for (const span of Array.from(body.querySelectorAll('span[style]'))) {
    if (/mso-list\s*:\s*ignore/i.test(span.getAttribute('style') ?? '')) span.remove()
  }
}

/**
 * The article schema has no tables: each row of a pasted table becomes one paragraph with its
 * cells separated by " – " (not one paragraph per cell, which loses what belongs together).
 */
function convertTables(body: HTMLElement) {
  const document = body.ownerDocument
  // innermost first, so that a nested table is already text when its cell is read
  for (const table of Array.from(body.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.querySelectorAll('tr')).filter(
      (row) => row.closest('table') === table,
    )
    const paragraphs = rows.flatMap((row) => {
      const cells = Array.from(row.children).filter((cell) => ['TD', 'TH'].includes(cell.tagName))
      const contents = cells.flatMap((cell) => {
        for (const block of Array.from(cell.querySelectorAll(blockTags)).reverse()) {
          block.after(document.createTextNode(' '))
          unwrap(block)
        }
        return isBlank(cell.textContent ?? '') ? [] : [Array.from(cell.childNodes)]
      })
      if (contents.length === 0) return []
      const paragraph = document.createElement('p')
      contents.forEach((nodes, index) => {
        if (index > 0) paragraph.append(tableCellSeparator)
        paragraph.append(...nodes)
      })
      return [paragraph]
    })
    table.replaceWith(...paragraphs)
  }
}

/** Drops Word's empty paragraphs (`<p class=MsoNormal><o:p>&nbsp;</o:p></p>`) and other blank ones. */
function removeEmptyParagraphs(body: HTMLElement) {
  for (const paragraph of Array.from(body.querySelectorAll('p'))) {
    if (!isBlank(paragraph.textContent ?? '')) continue
    if (paragraph.querySelector('br, img')) continue
    const parent = paragraph.parentElement
    if (parent?.tagName === 'LI' && parent.children.length === 1) continue
    paragraph.remove()
  }
}

/** Expresses bold and italic styling (Word, LibreOffice, Google Docs, web pages) as tags. */
function convertStyledSpans(body: HTMLElement) {
  const document = body.ownerDocument
  for (const element of Array.from(body.querySelectorAll('[style]'))) {
    const style = element.getAttribute('style') ?? ''
    if (element.tagName === 'B' && isNormalWeight(style)) {
      unwrap(element)
      continue
    }
    let target: Element = element
    if (isBold(style) && !['B', 'STRONG'].includes(element.tagName)) {
      const strong = document.createElement('strong')
      strong.append(...Array.from(target.childNodes))
      target.append(strong)
      target = strong
    }
    if (isItalic(style) && !['I', 'EM'].includes(element.tagName)) {
      const em = document.createElement('em')
      em.append(...Array.from(target.childNodes))
      target.append(em)
    }
  }
}

/** Maps headings onto the article's subheading levels (h2–h4). */
function normaliseHeadings(body: HTMLElement) {
  const document = body.ownerDocument
  for (const heading of Array.from(body.querySelectorAll('h1, h5, h6'))) {
    const replacement = document.createElement(heading.tagName === 'H1' ? 'h2' : 'h4')
    replacement.append(...Array.from(heading.childNodes))
    heading.replaceWith(replacement)
  }
}

/** Word wraps everything in layout divs and spans; keeping only their content avoids deep nesting. */
function flattenLayout(body: HTMLElement) {
  for (const element of Array.from(
    body.querySelectorAll('div, section, article, header, footer, main, span, font, o\\:p'),
  )) {
    unwrap(element)
  }
}

/**
 * Cleans clipboard HTML from Word, LibreOffice and web pages before the editor parses it:
 * keeps paragraphs, bold/italic, links, lists, quotes and subheadings; drops styles, classes,
 * mso- junk, comments, embedded images and everything the article schema does not know.
 */
export function cleanPastedHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  const body = parsed.body
  const listKinds = wordListKinds(parsed)
  removeComments(parsed)
  body.querySelectorAll(dropEntirely).forEach((element) => element.remove())
  convertWordLists(body, listKinds)
  convertStyledSpans(body)
  convertTables(body)
  normaliseHeadings(body)
  flattenLayout(body)
  removeEmptyParagraphs(body)
  return sanitizeRichHtml(body.innerHTML)
}
