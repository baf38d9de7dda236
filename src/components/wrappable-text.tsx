import { Fragment } from 'react'

/** A word longer than this gets places to break; shorter words never break in the middle. */
const longWord = 24
/** Characters between two places to break in a long word. */
const breakEvery = 12

/** Where a word may break: an address before "@" and ".", any long word every few characters. */
function breakablePieces(word: string): string[] {
  const parts = word.includes('@') ? word.split(/(?=[@.])/) : [word]
  return parts.flatMap((part) =>
    part.length <= longWord
      ? [part]
      : Array.from({ length: Math.ceil(part.length / breakEvery) }, (_, index) =>
          part.slice(index * breakEvery, (index + 1) * breakEvery),
        ),
  )
}

/**
 * Text in a narrow place (a table cell): an e-mail address may wrap before "@" and ".", a long
 * unbroken word (a pasted link, a name without spaces) every few characters, so that it stays in
 * its column; ordinary words wrap at spaces only and never in the middle.
 */
export function WrappableText({ text }: { text: string }) {
  return text.split(/(\s+)/).map((word, wordIndex) =>
    /^\s*$/.test(word) ? (
      word
    ) : (
      <Fragment key={wordIndex}>
        {breakablePieces(word).map((piece, index) => (
          <Fragment key={index}>
            {index > 0 && <wbr />}
            {piece}
          </Fragment>
        ))}
      </Fragment>
    ),
  )
}
