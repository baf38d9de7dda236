/**
 * A text cut to at most `max` characters at a word boundary and ended with "…"; the text itself
 * when it fits. A single word longer than `max` is cut inside the word.
 */
export function shortenAtWordBoundary(text: string, max: number): string {
  const normalised = text.replace(/\s+/g, ' ').trim()
  if (normalised.length <= max) return normalised
  const room = normalised.slice(0, Math.max(1, max - 1))
  const boundary = room.lastIndexOf(' ')
  const cut = boundary > 0 ? room.slice(0, boundary) : room
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`
}
