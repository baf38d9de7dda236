import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useIssue } from '../../../backend/queries/get-issue'
import { can } from '../../../domain/permissions'
import { useCurrentUser } from '../../../lib/session'
import { useSends } from '../api/list-sends'
import { SendConfirmDialog, type SendMode } from './send-confirm-dialog'
import { sendStatusText } from './send-status'
import { TestSendButton } from './test-send-button'
import styles from './sending.module.css'

/**
 * Versand on the issue page: Testversand for everyone; for the Redaktion and the Dezernentin
 * "Jetzt versenden" and "Versand planen" of an approved issue, and where the last send stands.
 */
export function SendPanel({ issueId }: { issueId: string }) {
  const user = useCurrentUser()
  const issue = useIssue(issueId)
  const maySend = can(user.role, 'issue.send')
  const sends = useSends(issueId, { enabled: maySend })
  const [confirming, setConfirming] = useState<SendMode | null>(null)
  const [opener, setOpener] = useState<HTMLButtonElement | null>(null)
  if (!issue.data) return null
  const data = issue.data
  const latest = sends.data?.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  const underWay = latest !== undefined && latest.status !== 'done'
  const sendPage = `/ausgaben/${encodeURIComponent(issueId)}/versand`
  const open = (mode: SendMode) => (event: React.MouseEvent<HTMLButtonElement>) => {
    setOpener(event.currentTarget)
    setConfirming(mode)
  }
  const close = () => {
    setConfirming(null)
    opener?.focus()
  }

  return (
    <section className={styles.panel} aria-labelledby="send-heading">
      <h2 id="send-heading">Versand</h2>
      {maySend && latest && (
        <p className={styles.summary}>
          {sendStatusText(latest)}{' '}
          <Link to={sendPage}>{underWay ? 'Fortschritt ansehen' : 'Versandbericht ansehen'}</Link>
        </p>
      )}
      {maySend && sends.isError && (
        <p className="field-error" role="alert">
          {errorMessage(sends.error)}
        </p>
      )}
      <div className="actions">
        {maySend && data.status === 'approved' && sends.data && !underWay && (
          <>
            <button type="button" className="button button-primary" onClick={open('now')}>
              Jetzt versenden …
            </button>
            <button type="button" className="button" onClick={open('plan')}>
              Versand planen …
            </button>
          </>
        )}
        <TestSendButton issueId={issueId} />
      </div>
      {maySend && data.status !== 'approved' && data.status !== 'published' && (
        <p className="hint">
          Versenden lässt sich die Ausgabe, sobald die Dezernentin sie freigegeben hat. Einen
          Testversand können Sie jederzeit schicken.
        </p>
      )}
      {confirming && <SendConfirmDialog issue={data} mode={confirming} onClose={close} />}
    </section>
  )
}
