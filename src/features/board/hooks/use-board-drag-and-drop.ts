import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine'
import {
  draggable,
  dropTargetForElements,
  monitorForElements,
} from '@atlaskit/pragmatic-drag-and-drop/element/adapter'
import { attachClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/attach-closest-edge'
import { extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/extract-closest-edge'
import { useEffect, useState, type RefObject } from 'react'
import { dropIndex, type BoardPosition } from '../../../domain/board'

type Column = BoardPosition['column']

/** Data a dragged card or a card under the pointer carries (Pragmatic drag and drop). */
interface CardData extends Record<string | symbol, unknown> {
  type: 'card'
  articleId: string
  column: Column
  index: number
}

/** Data of a column as a drop target. */
interface ColumnData extends Record<string | symbol, unknown> {
  type: 'column'
  column: Column
}

const isCardData = (data: Record<string | symbol, unknown>): data is CardData =>
  data.type === 'card'

const isColumnData = (data: Record<string | symbol, unknown>): data is ColumnData =>
  data.type === 'column'

/**
 * Turns a drop on the board into a move: onto a card of the issue before or after it, onto the
 * issue column at its end, onto the Themenspeicher (or a card in it) out of the issue.
 * `currentOrder` is read at drop time.
 */
export function useBoardDrop({
  editable,
  currentOrder,
  moveTo,
}: {
  editable: boolean
  currentOrder: () => readonly string[]
  moveTo: (articleId: string, to: BoardPosition) => void
}) {
  useEffect(() => {
    if (!editable) return
    return monitorForElements({
      canMonitor: ({ source }) => isCardData(source.data),
      onDrop: ({ source, location }) => {
        const target = location.current.dropTargets[0]?.data
        if (!target || !isCardData(source.data)) return
        if (!isCardData(target) && !isColumnData(target)) return
        const articleId = source.data.articleId
        if (target.column === 'pool') return moveTo(articleId, { column: 'pool', index: 0 })
        const order = currentOrder()
        if (isCardData(target)) {
          const edge = extractClosestEdge(target) === 'bottom' ? 'bottom' : 'top'
          moveTo(articleId, {
            column: 'issue',
            index: dropIndex(order.indexOf(articleId), target.index, edge),
          })
        } else if (!order.includes(articleId)) {
          moveTo(articleId, { column: 'issue', index: order.length })
        }
      },
    })
  }, [editable, currentOrder, moveTo])
}

/** A card that can be dragged and dropped upon; says whether it is dragged and where a drop would land. */
export function useDraggableCard(
  element: RefObject<HTMLElement | null>,
  {
    articleId,
    column,
    index,
    editable,
  }: { articleId: string; column: Column; index: number; editable: boolean },
) {
  const [dragging, setDragging] = useState(false)
  const [edge, setEdge] = useState<'top' | 'bottom' | null>(null)
  useEffect(() => {
    const card = element.current
    if (!card || !editable) return
    const data: CardData = { type: 'card', articleId, column, index }
    return combine(
      draggable({
        element: card,
        getInitialData: () => data,
        onDragStart: () => setDragging(true),
        onDrop: () => setDragging(false),
      }),
      dropTargetForElements({
        element: card,
        canDrop: ({ source }) => isCardData(source.data) && source.data.articleId !== articleId,
        getData: ({ input }) =>
          attachClosestEdge(data, { input, element: card, allowedEdges: ['top', 'bottom'] }),
        onDrag: ({ self }) => {
          const closest = extractClosestEdge(self.data)
          setEdge(closest === 'top' || closest === 'bottom' ? closest : null)
        },
        onDragLeave: () => setEdge(null),
        onDrop: () => setEdge(null),
      }),
    )
  }, [element, articleId, column, index, editable])
  return { dragging, edge }
}

/** A column as a drop target for cards; says whether a card is dragged over it. */
export function useColumnDropTarget(
  element: RefObject<HTMLElement | null>,
  column: Column,
  editable: boolean,
) {
  const [over, setOver] = useState(false)
  useEffect(() => {
    if (!element.current || !editable) return
    const data: ColumnData = { type: 'column', column }
    return dropTargetForElements({
      element: element.current,
      getData: () => data,
      onDragEnter: () => setOver(true),
      onDragLeave: () => setOver(false),
      onDrop: () => setOver(false),
    })
  }, [element, column, editable])
  return over
}
