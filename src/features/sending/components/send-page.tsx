import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { issueQueryOptions, useIssue } from '../../../backend/queries/get-issue'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import tableStyles from '../../../components/ui/table.module.css'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { deliveryStatusLabels, type DeliveryStatus } from '../../../domain/delivery'
import { issueStatusLabels, issueTitle } from '../../../domain/issue'
import { can, permissionDeniedMessage } from '../../../domain/permissions'
import { maxListedFailures, type SendProgress } from '../../../domain/sending'
import { useCurrentUser } from '../../../lib/session'
import { useSend } from '../api/get-send'
import { sendsQueryOptions, useSends } from '../api/list-sends'
import { usePauseSend } from '../api/pause-send'
import { useResumeSend } from '../api/resume-send'
import { SendProgressBar } from './send-progress-bar'
import { sendCounts, sendStatusText } from './send-status'
import styles from './sending.module.css'

/** What a failed address's state means for the reader of the list. */
const failureStates: Partial<Record<DeliveryStatus, string>> = {
  pending: 'wird erneut versucht',
  sending: 'wird erneut versucht',
  failed: 'endgültig fehlgeschlagen',
}

/** Said once per change of state (not per count), so that a screen reader is not kept busy. */
function announcement(send: SendProgress): string {
  const { sent, failed, skipped } = sendCounts(send)
  switch (send.status) {
    case 'scheduled':
      return `Der Versand ist für ${formatBerlinDateTime(send.scheduledAt)} geplant.`
    case 'running':
      return 'Der Versand läuft.'
    case 'paused':
      return 'Der Versand ist angehalten.'
    case 'done':
      return `Der Versand ist abgeschlossen: ${sent} gesendet, ${failed} fehlgeschlagen, ${skipped} nicht gesendet.`
  }
}

function SendProgressView({ issueId, sendId }: { issueId: string; sendId: string }) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const user = useCurrentUser()
  const issue = useIssue(issueId)
  const send = useSend(sendId)
  const pause = usePauseSend(sendId, issueId)
  const resume = useResumeSend(sendId, issueId)
  const status = send.data?.status

  // when the last message is through, the issue is versendet: show it without a reload
  useEffect(() => {
    if (status !== 'done') return
    void queryClient.invalidateQueries({ queryKey: issueQueryOptions(backend, issueId).queryKey })
    void queryClient.invalidateQueries({ queryKey: sendsQueryOptions(backend, issueId).queryKey })
  }, [status, backend, issueId, queryClient])

  if (send.isError && !send.data)
    return <ErrorState message={errorMessage(send.error)} onRetry={() => send.refetch()} />
  if (!send.data) return <Loading label="Der Versand wird geladen …" />
  const data = send.data
  const counts = sendCounts(data)
  const step = data.status === 'paused' ? resume : pause
  const stepError = [pause, resume].find((mutation) => mutation.isError)

  return (
    <>
      <dl className={styles.facts}>
        <dt>Betreff</dt>
        <dd>{data.subject}</dd>
        <dt>Absender</dt>
        <dd>{data.from}</dd>
        <dt>{data.status === 'scheduled' ? 'Geplant für' : 'Beginn'}</dt>
        <dd>{formatBerlinDateTime(data.scheduledAt)}</dd>
      </dl>
      <p className={styles.summary}>{sendStatusText(data)}</p>
      <SendProgressBar done={counts.done} total={counts.total} />
      <dl className={styles.counts}>
        <div>
          <dt>wartend</dt>
          <dd>{counts.waiting}</dd>
        </div>
        <div>
          <dt>gesendet</dt>
          <dd>{counts.sent}</dd>
        </div>
        <div>
          <dt>fehlgeschlagen</dt>
          <dd>{counts.failed}</dd>
        </div>
        <div>
          <dt>nicht gesendet</dt>
          <dd>{counts.skipped}</dd>
        </div>
      </dl>
      <p role="status" className="visually-hidden">
        {announcement(data)}
      </p>
      {data.status !== 'done' && can(user.role, 'issue.send') && (
        <div className="actions">
          <button
            type="button"
            className="button"
            // not disabled: the button keeps the focus while its label changes
            aria-disabled={step.isPending || undefined}
            onClick={() => {
              if (step.isPending) return
              pause.reset()
              resume.reset()
              step.mutate()
            }}
          >
            {data.status === 'paused' ? 'Fortsetzen' : 'Anhalten'}
          </button>
        </div>
      )}
      {stepError && (
        <p className="field-error" role="alert">
          {errorMessage(stepError.error)}
        </p>
      )}
      {data.status === 'done' && (
        <p className={`notice ${styles.done}`}>
          ✓ Der Versand ist abgeschlossen
          {data.finishedAt ? ` (${formatBerlinDateTime(data.finishedAt)})` : ''}.
          {issue.data?.status === 'published' &&
            ` Die Ausgabe ist jetzt „${issueStatusLabels.published}“ und gesperrt.`}
        </p>
      )}
      {data.failures.length > 0 && (
        <section aria-labelledby="failures-heading">
          <h2 id="failures-heading">Nicht zugestellte Adressen</h2>
          {counts.failed + counts.skipped > maxListedFailures && (
            <p className="hint">Gezeigt werden die ersten {maxListedFailures} Adressen.</p>
          )}
          <div className={tableStyles.wrap}>
            <table className={tableStyles.table}>
              <thead>
                <tr>
                  <th scope="col">Adresse</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Grund</th>
                </tr>
              </thead>
              <tbody>
                {data.failures.map((failure) => (
                  <tr key={failure.email}>
                    <td>{failure.email}</td>
                    <td>{failureStates[failure.status] ?? deliveryStatusLabels[failure.status]}</td>
                    <td>{failure.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  )
}

/** Versand: the progress of the issue's latest send, live, with "Anhalten" / "Fortsetzen". */
export function SendPage({ issueId }: { issueId: string }) {
  const user = useCurrentUser()
  const issue = useIssue(issueId)
  const maySend = can(user.role, 'issue.send')
  const sends = useSends(issueId, { enabled: maySend })
  const label = issue.data?.label
  const latest = sends.data?.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))[0]

  return (
    <>
      <title>{`Versand ${label ?? ''} – Rundbrief`}</title>
      <p className="breadcrumb">
        <Link to={`/ausgaben/${encodeURIComponent(issueId)}`}>
          {label ? issueTitle(label) : 'Zur Ausgabe'}
        </Link>
      </p>
      <h1>Versand{label ? ` der ${issueTitle(label)}` : ''}</h1>
      {issue.data && (
        <p>
          Status der Ausgabe: <strong>{issueStatusLabels[issue.data.status]}</strong>
        </p>
      )}
      {!maySend ? (
        <p className="notice">{permissionDeniedMessage('issue.send')}</p>
      ) : sends.isError && !sends.data ? (
        <ErrorState message={errorMessage(sends.error)} onRetry={() => sends.refetch()} />
      ) : !sends.data ? (
        <Loading />
      ) : !latest ? (
        <p className="empty">
          Diese Ausgabe wurde noch nicht versendet. Versenden lässt sie sich auf der{' '}
          <Link to={`/ausgaben/${encodeURIComponent(issueId)}`}>Seite der Ausgabe</Link>, sobald sie
          freigegeben ist.
        </p>
      ) : (
        <SendProgressView key={latest.id} issueId={issueId} sendId={latest.id} />
      )}
    </>
  )
}
