import { dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { BoardPosition } from '../../../domain/board'

/** Data of a column as a drop target. */
export interface ColumnData extends Record<string | symbol, unknown> {
  type: 'column'
  column: BoardPosition['column']
}

export const isColumnData = (data: Record<string | symbol, unknown>): data is ColumnData =>
  data.type === 'column'

/** A board column: a labelled region and a drop target for cards. */
export function BoardColumn({
  column,
  title,
  description,
  editable,
  children,
  tools,
}: {
  column: BoardPosition['column']
  title: string
  description: string
  editable: boolean
  children: ReactNode
  tools?: ReactNode
}) {
  const element = useRef<HTMLElement>(null)
  const [over, setOver] = useState(false)
  const headingId = `board-column-${column}`
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
  }, [column, editable])
  return (
    <section
      ref={element}
      className={`board-column${over ? ' board-column-over' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{title}</h2>
      <p className="hint">{description}</p>
      {tools}
      {children}
    </section>
  )
}
