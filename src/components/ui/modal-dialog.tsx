import { useEffect, useId, useRef, type ReactNode } from 'react'
import styles from './modal-dialog.module.css'
import { classNames } from '../../lib/class-names'

interface ModalDialogProps {
  title: string
  children: ReactNode
  /** Called on Escape; omit when a choice is required. */
  onClose?: () => void
  /** A short question rather than content: a narrower dialog. */
  narrow?: boolean
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: labelled, focus moves in (to the element marked `data-initial-focus`, else the
 * first that takes focus) and stays in, and returns where it came from.
 */
export function ModalDialog({ title, children, onClose, narrow = false }: ModalDialogProps) {
  const titleId = useId()
  const dialog = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first =
      dialog.current?.querySelector<HTMLElement>('[data-initial-focus]') ??
      dialog.current?.querySelector<HTMLElement>(focusable)
    ;(first ?? dialog.current)?.focus()
    return () => previous?.focus?.()
  }, [])

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && onClose) {
      event.stopPropagation()
      onClose()
      return
    }
    if (event.key !== 'Tab' || !dialog.current) return
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(focusable))
    const firstItem = items[0]
    const lastItem = items.at(-1)
    if (!firstItem || !lastItem) return
    if (event.shiftKey && document.activeElement === firstItem) {
      event.preventDefault()
      lastItem.focus()
    } else if (!event.shiftKey && document.activeElement === lastItem) {
      event.preventDefault()
      firstItem.focus()
    }
  }

  return (
    <div className={styles.backdrop}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={classNames(styles.modal, narrow && styles.narrow)}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  )
}
