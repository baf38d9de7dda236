import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { useIssue } from '../../../backend/queries/get-issue'
import { useIssueArchive } from '../../../backend/queries/get-issue-archive'
import { useUsers } from '../../../backend/queries/list-users'
import { ErrorState } from '../../../components/ui/query-state'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { can } from '../../../domain/permissions'
import { useCurrentUser } from '../../../lib/session'
import { useRestoreToArchive, useWithdrawFromArchive } from '../api/archive-actions'
import { WithdrawDialog } from './withdraw-dialog'
import styles from './archive.module.css'

/**
 * "Archiv" on the issue page, once the issue has an address there (from the start of its send
 * on): the public address, whether the page is public or taken down, and for the Dezernentin the
 * takedown and its reversal. Everyone else sees the state without the buttons.
 */
export function ArchiveSection({ issueId }: { issueId: string }) {
  const user = useCurrentUser()
  const issue = useIssue(issueId)
  // an address exists from the start of a send on: only a freigegebene or versendete issue has one
  const archive = useIssueArchive(issueId, {
    enabled: issue.data?.status === 'approved' || issue.data?.status === 'published',
  })
  const users = useUsers()
  const withdraw = useWithdrawFromArchive(issueId)
  const restore = useRestoreToArchive(issueId)
  const [withdrawing, setWithdrawing] = useState(false)
  const [opener, setOpener] = useState<HTMLButtonElement | null>(null)
  const state = useRef<HTMLParagraphElement>(null)
  const [changed, setChanged] = useState(false)
  useEffect(() => {
    // the button that was pressed is gone: the focus goes to what changed
    if (changed) state.current?.focus()
  }, [changed, archive.data?.withdrawnAt])

  if (archive.isError && !archive.data)
    return (
      <section className="panel" aria-labelledby="archive-heading">
        <h2 id="archive-heading">Archiv</h2>
        <ErrorState message={errorMessage(archive.error)} onRetry={() => archive.refetch()} />
      </section>
    )
  if (!archive.data || !issue.data) return null
  const data = archive.data
  const mayWithdraw = can(user.role, 'issue.archiveWithdraw') && data.publishedAt !== null
  const userName = (id: string) => users.data?.find((person) => person.id === id)?.name ?? id

  const closeDialog = () => {
    setWithdrawing(false)
    withdraw.reset()
    opener?.focus()
  }
  const confirmWithdraw = (reason: string) =>
    withdraw.mutate(reason, {
      onSuccess: () => {
        setWithdrawing(false)
        setChanged(true)
      },
    })
  const failure = restore.isError ? errorMessage(restore.error) : null

  return (
    <section className="panel" aria-labelledby="archive-heading">
      <h2 id="archive-heading">Archiv</h2>
      <dl className={styles.facts}>
        <dt>Öffentliche Adresse</dt>
        <dd>
          <a href={data.url}>{data.url}</a>
        </dd>
      </dl>
      <p ref={state} tabIndex={-1} className={styles.state}>
        {data.publishedAt === null ? (
          'Die Seite wird öffentlich, sobald die Ausgabe versendet ist.'
        ) : data.withdrawnAt === null ? (
          'Öffentlich im Archiv'
        ) : (
          <>
            Aus dem Archiv genommen am{' '}
            <time dateTime={data.withdrawnAt}>{formatBerlinDateTime(data.withdrawnAt)}</time>
            {data.withdrawnBy && <> von {userName(data.withdrawnBy)}</>}
            {data.withdrawReason && <> — Grund: {data.withdrawReason}</>}
          </>
        )}
      </p>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {mayWithdraw && (
        <div className="actions">
          {data.withdrawnAt === null ? (
            <button
              type="button"
              className="button button-danger"
              onClick={(event) => {
                setOpener(event.currentTarget)
                setWithdrawing(true)
              }}
            >
              Aus dem Archiv nehmen …
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={restore.isPending}
              onClick={() => restore.mutate(undefined, { onSuccess: () => setChanged(true) })}
            >
              Wieder ins Archiv stellen
            </button>
          )}
        </div>
      )}
      {withdrawing && (
        <WithdrawDialog
          issueLabel={issue.data.label}
          busy={withdraw.isPending}
          error={withdraw.isError ? errorMessage(withdraw.error) : null}
          onConfirm={confirmWithdraw}
          onCancel={closeDialog}
        />
      )}
    </section>
  )
}
