import type { ReactNode } from 'react'
import styles from './badge.module.css'
import { classNames } from '../../lib/class-names'

/** Colour family of a badge; the text always carries the meaning, never the colour alone. */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

/** A small status label. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={classNames(styles.badge, styles[tone])}>{children}</span>
}
