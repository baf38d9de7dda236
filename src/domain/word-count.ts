/** Words and characters of a text, as the editor shows them. */
export interface TextCount {
  words: number
  characters: number
}

/** Counts words (runs of letters or digits, with inner hyphens and apostrophes) and characters. */
export function countText(text: string): TextCount {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)
  return { words: words?.length ?? 0, characters: [...text].length }
}
