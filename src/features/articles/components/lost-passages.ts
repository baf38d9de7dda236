import type { CommentThread } from '../../../domain/comment'
import { threadsLosingTheirPassage } from '../../../domain/comment-anchor'
import type { RichTextDoc } from '../../../domain/rich-text'

/**
 * How many open threads replacing `current` by `replacement` (an older version) takes the passage
 * of: the older text has no anchor for them, so they show "Text entfernt" afterwards.
 */
export function openThreadsLosingPassage(
  threads: readonly CommentThread[] | undefined,
  current: RichTextDoc,
  replacement: RichTextDoc,
): number {
  const open = (threads ?? []).filter((thread) => thread.resolvedAt === null)
  return threadsLosingTheirPassage(
    current,
    replacement,
    open.map((thread) => thread.id),
  ).length
}

/** The warning before restoring (null: no open comment loses its passage). */
export function losingPassagesWarning(count: number): string | null {
  if (count === 0) return null
  return count === 1
    ? '1 offener Kommentar verliert dabei seine Textstelle: Er steht danach unter „Kommentare“ mit „Text entfernt“.'
    : `${count} offene Kommentare verlieren dabei ihre Textstelle: Sie stehen danach unter „Kommentare“ mit „Text entfernt“.`
}

/** The same after restoring, for the result message ('' when none lost it). */
export function lostPassagesNote(count: number): string {
  if (count === 0) return ''
  return count === 1
    ? ' 1 offener Kommentar hat seine Textstelle verloren („Text entfernt“).'
    : ` ${count} offene Kommentare haben ihre Textstelle verloren („Text entfernt“).`
}
