import { useId, type MouseEvent, type ReactNode } from 'react'
import { usePopover } from '../lib/use-popover'
import styles from './header-menu.module.css'

const icons = {
  menu: 'M4 6.5h16M4 12h16M4 17.5h16',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0',
}

/**
 * A part of the header that stands in the header's row on wide screens and, on narrow ones,
 * folds behind a button (a disclosure: Escape, a tap elsewhere or following a link closes it).
 */
export function HeaderMenu({
  label,
  icon,
  labelShown = true,
  children,
}: {
  label: string
  icon: keyof typeof icons
  /** false: the button shows only its icon (its name stays for screen readers) */
  labelShown?: boolean
  children: ReactNode
}) {
  const { open, opener, show, close, container, onKeyDown } = usePopover()
  const panelId = useId()
  // a link to another page moves focus to that page's heading; to the same page, back here
  const closeOnLink = (event: MouseEvent) => {
    if (open && event.target instanceof Element && event.target.closest('a')) close()
  }

  return (
    <div ref={container} className={styles.menu} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={opener}
        className={`button button-secondary ${styles.toggle}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={open ? close : show}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            d={icons[icon]}
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
        <span className={labelShown ? styles.label : 'visually-hidden'}>{label}</span>
      </button>
      <div id={panelId} className={styles.panel} data-open={open} onClick={closeOnLink}>
        {children}
      </div>
    </div>
  )
}
