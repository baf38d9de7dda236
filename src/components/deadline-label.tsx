import { formatBerlinDateTime } from '../domain/deadline'
import { deadlineNote, type Issue } from '../domain/issue'
import { useNow } from '../lib/use-now'
import styles from './deadline-label.module.css'
import { classNames } from '../lib/class-names'

/**
 * Redaktionsschluss in German format with the time left, in words and colour — or, once the
 * issue is submitted, approved or sent, that it is.
 */
export function DeadlineLabel({ issue }: { issue: Pick<Issue, 'status' | 'deadline'> }) {
  const note = deadlineNote(issue, useNow())
  return (
    <span>
      <time dateTime={issue.deadline}>{formatBerlinDateTime(issue.deadline)}</time>{' '}
      <span className={classNames(styles.timeLeft, styles[note.tone])}>
        {note.tone === 'overdue' ? '⚠ ' : ''}({note.label})
      </span>
    </span>
  )
}
