import DOMPurify from 'dompurify'

/** Tags that rich text may contain anywhere in Rundbrief: the article schema, nothing more. */
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
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    KEEP_CONTENT: true,
  })
}
