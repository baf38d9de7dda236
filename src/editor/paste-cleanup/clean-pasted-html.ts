import { sanitizeRichHtml } from '../../lib/sanitize-html'

const dropEntirely =
  'script, style, meta, link, title, xml, template, iframe, object, embed, svg, math, img, video, audio, canvas, form, input, button, select, textarea, head'

const isBold = (style: string) => /font-weight\s*:\s*(bold|bolder|[6-9]00)/i.test(style)
const isItalic = (style: string) => /font-style\s*:\s*italic/i.test(style)
const isNormalWeight = (style: string) => /font-weight\s*:\s*(normal|[1-4]00)/i.test(style)

function unwrap(element: Element) {
  element.replaceWith(...Array.from(element.childNodes))
}

function removeComments(root: Node) {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.parentNode?.removeChild(comment)
}

/** Word's list paragraphs carry `mso-list: l0 level2 lfo1`; returns the level or null. */
function wordListLevel(element: Element): number | null {
  const style = element.getAttribute('style') ?? ''
  const match = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(style)
  if (match) return Number(match[1])
  return /MsoListParagraph/i.test(element.getAttribute('class') ?? '') ? 1 : null
}

/** The bullet or number Word writes in front of a list paragraph (in a mso-list:Ignore span). */
function takeWordListMarker(paragraph: Element): string {
  const markers = Array.from(paragraph.querySelectorAll('span')).filter((span) =>
    /mso-list\s*:\s*ignore/i.test(span.getAttribute('style') ?? ''),
  )
  const text = markers
    .map((span) => span.textContent ?? '')
    .join('')
    .trim()
  markers.forEach((span) => span.remove())
  return text
}

/** Turns runs of Word list paragraphs into real (nested) ul/ol lists. */
function convertWordLists(body: HTMLElement) {
  const document = body.ownerDocument
  const paragraphs = Array.from(body.querySelectorAll('p')).filter((p) => wordListLevel(p) !== null)
  let stack: { level: number; list: HTMLElement }[] = []
  let previous: Element | null = null
  for (const paragraph of paragraphs) {
    const level = wordListLevel(paragraph) ?? 1
    const marker = takeWordListMarker(paragraph)
    const ordered = /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(marker)
    const continues = previous !== null && previous.nextElementSibling === paragraph
    if (!continues) stack = []
    while ((stack.at(-1)?.level ?? 0) > level) stack.pop()
    let top = stack.at(-1)
    if (!top || top.level < level) {
      const list = document.createElement(ordered ? 'ol' : 'ul')
      if (top) {
        const lastItem =
          top.list.lastElementChild ?? top.list.appendChild(document.createElement('li'))
        lastItem.appendChild(list)
      } else {
        paragraph.before(list)
      }
      top = { level, list }
      stack.push(top)
    }
    const item = document.createElement('li')
    const content = document.createElement('p')
    content.append(...Array.from(paragraph.childNodes))
    item.append(content)
    top.list.append(item)
    const placeholder = document.createElement('span')
    placeholder.setAttribute('data-word-list-item', '')
    paragraph.replaceWith(placeholder)
    previous = placeholder
  }
  body.querySelectorAll('[data-word-list-item]').forEach((placeholder) => placeholder.remove())
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

/** Word wraps everything in layout divs and tables; keeping only their content avoids deep nesting. */
function flattenLayout(body: HTMLElement) {
  for (const element of Array.from(
    body.querySelectorAll(
      'div, section, article, header, footer, main, span, font, table, tbody, thead, tr, td, th, o\\:p',
    ),
  )) {
    if (['TD', 'TH'].includes(element.tagName)) {
      const paragraph = body.ownerDocument.createElement('p')
      paragraph.append(...Array.from(element.childNodes))
      element.replaceWith(paragraph)
    } else {
      unwrap(element)
    }
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
  removeComments(parsed)
  body.querySelectorAll(dropEntirely).forEach((element) => element.remove())
  convertWordLists(body)
  convertStyledSpans(body)
  normaliseHeadings(body)
  flattenLayout(body)
  return sanitizeRichHtml(body.innerHTML)
}
