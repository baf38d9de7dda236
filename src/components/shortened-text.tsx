import { shortenAtWordBoundary } from '../domain/shorten-text'

/**
 * A long text (a headline on a card or in a list) cut at a word boundary and ended with "…";
 * the whole text stays the accessible name and shows as a tooltip.
 */
export function ShortenedText({ text, max }: { text: string; max: number }) {
  const short = shortenAtWordBoundary(text, max)
  if (!short.endsWith('…') || short === text) return <>{text}</>
  return (
    <>
      <span aria-hidden="true" title={text}>
        {short}
      </span>
      <span className="visually-hidden">{text}</span>
    </>
  )
}
