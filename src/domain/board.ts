/** Where a card goes: a column and a position in it. */
export interface BoardPosition {
  column: 'pool' | 'issue'
  index: number
}

/**
 * The new order after moving `articleId` to `to`. Moving into the pool removes the
 * article from the issue; positions are clamped; the result never contains duplicates.
 */
export function moveInOrder(
  order: readonly string[],
  articleId: string,
  to: BoardPosition,
): string[] {
  const without = order.filter((id) => id !== articleId)
  if (to.column === 'pool') return without
  const index = Math.max(0, Math.min(to.index, without.length))
  return [...without.slice(0, index), articleId, ...without.slice(index)]
}

/** Index to insert at when dropping on the top or bottom half of the card at `targetIndex`. */
export function dropIndex(
  sourceIndex: number,
  targetIndex: number,
  edge: 'top' | 'bottom',
): number {
  const index = edge === 'bottom' ? targetIndex + 1 : targetIndex
  return sourceIndex !== -1 && sourceIndex < index ? index - 1 : index
}
