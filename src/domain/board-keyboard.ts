import { moveInOrder } from './board'

/** A card picked up with the keyboard: the order when it was lifted and as it is now. */
export interface LiftedCard {
  articleId: string
  headline: string
  origin: readonly string[]
  order: readonly string[]
}

/** A key pressed on a card's handle; `order` is the order as the board shows it. */
export interface KeyOnCard {
  key: string
  articleId: string
  headline: string
  order: readonly string[]
}

/** What a key does: the lifted card afterwards, what to announce, and an order to save, if any. */
export interface KeyboardMoveOutcome {
  lifted: LiftedCard | null
  announcement: string
  commit: string[] | null
}

/** Where a card is, said the way the board's live region says it. */
export function describePosition(order: readonly string[], articleId: string): string {
  const index = order.indexOf(articleId)
  return index === -1
    ? 'im Themenspeicher'
    : `Position ${index + 1} von ${order.length} im Inhalt der Ausgabe`
}

/** The announcement after a card was moved by mouse or button to `order`. */
export function movedAnnouncement(
  order: readonly string[],
  articleId: string,
  headline: string,
): string {
  const index = order.indexOf(articleId)
  return index === -1
    ? `„${headline}“ in den Themenspeicher verschoben.`
    : `„${headline}“ auf Position ${index + 1} von ${order.length} im Inhalt der Ausgabe verschoben.`
}

const isToggle = (key: string) => key === ' ' || key === 'Enter'

/**
 * Moving a card by keyboard: Space or Enter lifts a card and puts it down, the arrow keys move the
 * lifted card (up and down in the issue, left into the Themenspeicher, right into the issue),
 * Escape puts it back where it was. Returns null for a key that means nothing here, so the
 * browser keeps its default.
 */
export function reduceKeyboardMove(
  lifted: LiftedCard | null,
  { key, articleId, headline, order }: KeyOnCard,
): KeyboardMoveOutcome | null {
  if (!lifted || lifted.articleId !== articleId) {
    if (!isToggle(key)) return null
    return {
      lifted: { articleId, headline, origin: order, order },
      announcement: `„${headline}“ aufgenommen, ${describePosition(order, articleId)}. Mit den Pfeiltasten verschieben, mit der Leertaste ablegen, mit Escape abbrechen.`,
      commit: null,
    }
  }

  const index = lifted.order.indexOf(articleId)
  const moved = nextOrder(lifted.order, articleId, index, key)
  if (moved) {
    return {
      lifted: { ...lifted, order: moved },
      announcement: `${describePosition(moved, articleId)}.`,
      commit: null,
    }
  }
  if (isToggle(key)) {
    return {
      lifted: null,
      announcement: `„${lifted.headline}“ abgelegt, ${describePosition(lifted.order, articleId)}.`,
      commit: lifted.order.join() === lifted.origin.join() ? null : [...lifted.order],
    }
  }
  if (key === 'Escape') {
    return {
      lifted: null,
      announcement: `Verschieben abgebrochen. „${lifted.headline}“ bleibt ${describePosition(lifted.origin, articleId)}.`,
      commit: null,
    }
  }
  if (key.startsWith('Arrow')) {
    return {
      lifted,
      announcement:
        index === -1
          ? 'Im Themenspeicher gibt es keine Reihenfolge. Pfeil nach rechts nimmt den Beitrag in die Ausgabe auf.'
          : 'Weiter geht es in diese Richtung nicht.',
      commit: null,
    }
  }
  return null
}

function nextOrder(
  order: readonly string[],
  articleId: string,
  index: number,
  key: string,
): string[] | null {
  if (key === 'ArrowUp' && index > 0)
    return moveInOrder(order, articleId, { column: 'issue', index: index - 1 })
  if (key === 'ArrowDown' && index !== -1 && index < order.length - 1)
    return moveInOrder(order, articleId, { column: 'issue', index: index + 1 })
  if (key === 'ArrowLeft' && index !== -1)
    return moveInOrder(order, articleId, { column: 'pool', index: 0 })
  if (key === 'ArrowRight' && index === -1)
    return moveInOrder(order, articleId, { column: 'issue', index: order.length })
  return null
}
