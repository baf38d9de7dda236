import DOMPurify from 'dompurify'

/** Tags that rich text may contain anywhere in Rundbrief: the article schema, nothing more. */
/** Like DOMPurify's default, but the only schemes allowed in URLs are http, https and mailto. */
const allowedUris = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i

const richTextTags = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h2',
  'h3',
  'h4',
]

/**
 * The one HTML sanitizer of the app (DOMPurify): keeps the article schema's tags, only `href`
 * attributes with http, https or mailto, and drops scripts, event handlers, styles and data URLs.
 */
export function sanitizeRichHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: richTextTags,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: allowedUris,
    KEEP_CONTENT: true,
  })
}

const unsafeCss = /expression\s*\(|javascript:|url\s*\(|@import|<\/?\s*style/gi

/** CSS from a renderer with anything that could load or run code removed. */
function safeCss(css: string): string {
  return css.replace(unsafeCss, '')
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;')

/**
 * Sanitises a whole rendered document (preview and exports). The body goes through DOMPurify
 * (layout tables and inline styles stay; scripts, frames, forms, SVG/MathML, event handlers and
 * every URL that is not http(s) or mailto go); the head is rebuilt from its meta tags, title text
 * and style sheets with code-loading CSS removed. The renderers already escape everything; this
 * is the second, independent line of defence.
 */
export function sanitizeDocument(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  const lang = /^[a-z]{2}(-[A-Z]{2})?$/.test(parsed.documentElement.lang)
    ? parsed.documentElement.lang
    : 'de'
  const meta = Array.from(parsed.head.querySelectorAll('meta'))
    .map((element) => {
      if (element.hasAttribute('charset')) return '<meta charset="utf-8">'
      const name = element.getAttribute('name') ?? ''
      const content = element.getAttribute('content') ?? ''
      return /^[a-z-]+$/.test(name)
        ? `<meta name="${escapeAttribute(name)}" content="${escapeAttribute(content)}">`
        : ''
    })
    .join('\n')
  const title = `<title>${escapeText(parsed.title)}</title>`
  const styles = Array.from(parsed.head.querySelectorAll('style'))
    .map((element) => `<style>${safeCss(element.textContent ?? '')}</style>`)
    .join('\n')
  const body = DOMPurify.sanitize(parsed.body.innerHTML, {
    ADD_ATTR: [
      'role',
      'cellpadding',
      'cellspacing',
      'border',
      'align',
      'valign',
      'width',
      'height',
    ],
    FORBID_TAGS: [
      'script',
      'style',
      'iframe',
      'frame',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'svg',
      'math',
      'base',
      'link',
      'meta',
    ],
    FORBID_ATTR: ['srcset', 'action', 'formaction', 'background'],
    ALLOWED_URI_REGEXP: allowedUris,
  })
  const bodyStyle = safeCss(parsed.body.getAttribute('style') ?? '')
  return `<!doctype html>
<html lang="${lang}">
<head>
${meta}
${title}
${styles}
</head>
<body${bodyStyle ? ` style="${escapeAttribute(bodyStyle)}"` : ''}>
${body.replace(unsafeCss, (match) => (/^url/i.test(match) ? match : ''))}
</body>
</html>
`
}
