import { useRef, type ReactNode } from 'react'
import type { BoardPosition } from '../../../domain/board'
import { useColumnDropTarget } from '../hooks/use-board-drag-and-drop'
import styles from './board.module.css'

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
  const over = useColumnDropTarget(element, column, editable)
  const headingId = `board-column-${column}`
  return (
    <section
      ref={element}
      className={over ? `${styles.column} ${styles.columnOver}` : styles.column}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{title}</h2>
      <p className="hint">{description}</p>
      {tools}
      {children}
    </section>
  )
}
