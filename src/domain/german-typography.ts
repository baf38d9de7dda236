/**
 * German typography rules, once for every text of an article: the editor's input rules and
 * "Anführungszeichen korrigieren" for the body, and the plain fields (headline, caption,
 * credit) while typing and when corrected, and the checks that flag what is left.
 */

const openingContext = /[\s([{„‚\-–—/\ufffc]/

/** Whether a double quote after `before` (one character, '' at the start of a text) opens a quotation. */
export function opensQuotation(before: string): boolean {
  return before === '' || openingContext.test(before)
}

/** Converts straight quotes in a text: "…" → „…“, ' → ’. `before` is the character preceding it. */
export function germanQuotes(text: string, before = ''): string {
  let previous = before
  let out = ''
  for (const char of text) {
    const next = char === '"' ? (opensQuotation(previous) ? '„' : '“') : char === "'" ? '’' : char
    out += next
    previous = next
  }
  return out
}

/** Straight quotes (" or ') left in a text. */
export const hasStraightQuotes = (text: string) => /["']/.test(text)

/** Two hyphens typed for a dash ("ab Montag -- im Rathaus"). */
export const hasDoubleHyphen = (text: string) => /--/.test(text)

/** A text with German quotes, – for -- and … for ...; what the editor does while typing, all at once. */
export function germanTypography(text: string, before = ''): string {
  return germanQuotes(text, before)
    .replace(/--/g, '–')
    .replace(/\.\.\./g, '…')
}

/** A plain text field after typing one character: the value and where the caret goes. */
export interface TypedText {
  value: string
  caret: number
}

/**
 * The typing rules of the body for a plain text field: called with the value before and after
 * an input and the caret after it. When exactly one character was typed and it completes a
 * rule (" ' -- ...), returns the corrected value and caret; otherwise null (pasting, deleting
 * and typing elsewhere stay untouched).
 */
export function typographyAfterTyping(
  previous: string,
  next: string,
  caret: number,
): TypedText | null {
  if (next.length !== previous.length + 1 || caret < 1) return null
  if (next.slice(0, caret - 1) + next.slice(caret) !== previous) return null
  const typed = next[caret - 1]
  const before = next.slice(0, caret - 1)
  const after = next.slice(caret)
  if (typed === '"') {
    const quote = opensQuotation(before.slice(-1)) ? '„' : '“'
    return { value: before + quote + after, caret }
  }
  if (typed === "'") return { value: `${before}’${after}`, caret }
  if (typed === '-' && before.endsWith('-')) {
    return { value: `${before.slice(0, -1)}–${after}`, caret: caret - 1 }
  }
  if (typed === '.' && before.endsWith('..')) {
    return { value: `${before.slice(0, -2)}…${after}`, caret: caret - 2 }
  }
  return null
}
