/**
 * The document with `<base target>` in its head, so that its links open outside the frame that
 * shows it (`_top`: the window, `_blank`: a new tab). For a sandboxed frame, whose sandbox must
 * allow that navigation; set after sanitising, which rebuilds the head without a base.
 */
export function withLinkTarget(html: string, target: '_top' | '_blank'): string {
  const base = `<base target="${target}">`
  return /<head(\s[^>]*)?>/i.test(html)
    ? html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${base}`)
    : `${base}${html}`
}
