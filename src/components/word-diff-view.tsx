import { Fragment } from 'react'
import type { TextChange } from '../domain/content-diff'
import styles from './word-diff-view.module.css'

/**
 * A word diff as running text: removed words struck through in `<del>`, added words underlined
 * in `<ins>`, each with a spoken label, so that the difference does not rest on colour alone.
 */
export function WordDiffView({
  changes,
  removedLabel,
  addedLabel,
}: {
  changes: readonly TextChange[]
  /** Read out before removed words, e.g. "nur auf dem Server:". */
  removedLabel: string
  /** Read out before added words, e.g. "nur in Ihrer Fassung:". */
  addedLabel: string
}) {
  return (
    <span className={styles.wordDiff}>
      {changes.map((change, index) =>
        change.kind === 'same' ? (
          <span key={index}>{change.text}</span>
        ) : change.kind === 'removed' ? (
          <Fragment key={index}>
            <del>
              <span className="visually-hidden">[{removedLabel} </span>
              {change.text}
              <span className="visually-hidden">]</span>
            </del>
            {/* removed and added words next to each other need a space between them */}
            {changes[index + 1]?.kind === 'added' && !/\s$/.test(change.text) && ' '}
          </Fragment>
        ) : (
          <ins key={index}>
            <span className="visually-hidden">[{addedLabel} </span>
            {change.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </span>
  )
}
