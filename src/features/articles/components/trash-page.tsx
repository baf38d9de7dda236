import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useUsers } from '../../../backend/queries/list-users'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import type { Article } from '../../../domain/article'
import { formatBerlinDate, formatBerlinDateTime } from '../../../domain/deadline'
import { can } from '../../../domain/permissions'
import { daysUntilPurge, trashRetentionDays, type TrashedArticle } from '../../../domain/trash'
import { useNow } from '../../../lib/use-now'
import { useCurrentUser } from '../../../lib/session'
import { useRestoreArticle, useTrash } from '../api/trash'
import styles from './trash-page.module.css'

function purgeNote(entry: TrashedArticle, now: Date): string {
  const days = daysUntilPurge(entry.purgeAt, now)
  const when = formatBerlinDate(entry.purgeAt)
  if (days <= 1) return `Wird am ${when} endgültig gelöscht (letzter Tag).`
  return `Wird am ${when} endgültig gelöscht (noch ${days} Tage).`
}

/** "Papierkorb": deleted articles with who deleted them when; restorable for 30 days. */
export function TrashPage() {
  const trash = useTrash()
  const users = useUsers()
  const user = useCurrentUser()
  const now = useNow()
  const canRestore = can(user.role, 'article.delete')
  const restore = useRestoreArticle()
  const [restored, setRestored] = useState<Article | null>(null)
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null)
  const restoredNotice = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (restored) restoredNotice.current?.focus()
  }, [restored])
  const userName = (id: string) =>
    users.data?.find((person) => person.id === id)?.name ?? 'Unbekannt'

  return (
    <>
      <title>Papierkorb – Rundbrief</title>
      <p className="breadcrumb">
        <Link to="/beitraege">Beiträge</Link>
      </p>
      <h1>Papierkorb</h1>
      <p className="hint">
        Gelöschte Beiträge bleiben {trashRetentionDays} Tage hier und können wiederhergestellt
        werden. Danach werden sie endgültig gelöscht.
      </p>
      {restored && (
        <p ref={restoredNotice} tabIndex={-1} className="notice">
          „{restored.headline || 'Ohne Überschrift'}“ ist wieder im Themenspeicher:{' '}
          <Link to={`/beitraege/${encodeURIComponent(restored.id)}`}>Beitrag öffnen</Link>
        </p>
      )}
      {trash.isPending ? (
        <Loading />
      ) : !trash.data ? (
        <ErrorState message={errorMessage(trash.error)} onRetry={() => trash.refetch()} />
      ) : trash.data.length === 0 ? (
        <p className="empty" role="status">
          Der Papierkorb ist leer.
        </p>
      ) : (
        <ul className={styles.list} aria-label="Gelöschte Beiträge">
          {trash.data.map((entry) => {
            const name = entry.headline || 'Ohne Überschrift'
            return (
              <li key={entry.id} className={styles.item}>
                <h2 className={styles.headline}>{name}</h2>
                <p className={styles.meta}>
                  Gelöscht am {formatBerlinDateTime(entry.deletedAt)} von{' '}
                  {userName(entry.deletedBy)}.
                  <br />
                  {purgeNote(entry, now)}
                </p>
                {canRestore && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`„${name}“ wiederherstellen`}
                    disabled={restore.isPending && restore.variables === entry.id}
                    onClick={() => {
                      setFailed(null)
                      restore.mutate(entry.id, {
                        onSuccess: (article) => setRestored(article),
                        onError: (error) =>
                          setFailed({ id: entry.id, message: errorMessage(error) }),
                      })
                    }}
                  >
                    Wiederherstellen
                  </button>
                )}
                {failed?.id === entry.id && (
                  <p className="field-error" role="alert">
                    {failed.message}
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}
