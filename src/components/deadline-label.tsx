import { formatBerlinDateTime, timeLeft } from '../domain/deadline'
import { useNow } from '../lib/use-now'

/** Redaktionsschluss in German format with the time left, in words and colour. */
export function DeadlineLabel({ deadline }: { deadline: string }) {
  const left = timeLeft(deadline, useNow())
  const tone = left.overdue ? 'overdue' : left.urgent ? 'urgent' : 'ok'
  return (
    <span className="deadline">
      <time dateTime={deadline}>{formatBerlinDateTime(deadline)}</time>{' '}
      <span className={`time-left time-left-${tone}`}>
        {left.overdue ? '⚠ ' : ''}({left.label})
      </span>
    </span>
  )
}
