import { escapeHtml } from './escape-html'

/** What a standalone German HTML page of Rundbrief consists of. */
export interface HtmlDocumentParts {
  title: string
  /** The page's only styles: one `<style>` element, so the server's CSP holds for it as it is. */
  css: string
  body: string
  /** Further elements of the head after the title (already HTML), e.g. feed links. */
  head?: readonly string[]
  /** False for paper (the print page); true by default. */
  viewport?: boolean
}

/**
 * A complete HTML page in German: doctype, `lang="de"`, UTF-8, title, styles and body. The one
 * place that writes a page's head, for the web and print renderers, the archive and its messages.
 */
export function htmlDocument({
  title,
  css,
  body,
  head = [],
  viewport = true,
}: HtmlDocumentParts): string {
  const headLines = [
    '<meta charset="utf-8">',
    ...(viewport ? ['<meta name="viewport" content="width=device-width, initial-scale=1">'] : []),
    `<title>${escapeHtml(title)}</title>`,
    ...head,
  ]
  return `<!doctype html>
<html lang="de">
<head>
${headLines.join('\n')}
<style>
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`
}
