/**
 * The start of a paragraph that is a list marker left over from Word (or typed by hand) instead
 * of a real list item: "·", "•" or "▪", or "§", "o" or "-" followed by a tab, a no-break space
 * or several spaces, or a number followed by Word's no-break spaces. "§ 3 SGB II" is not one.
 */
const listDebris = /^[\s\u00a0]*(?:[·•▪◦]|[§o\-–](?:\t|\u00a0| {2,})|\(?\w{1,3}[.)]\u00a0{2,})/

/** Whether a paragraph starts with a bullet or number that should be a list item. */
export function startsWithListDebris(text: string): boolean {
  return listDebris.test(text)
}
