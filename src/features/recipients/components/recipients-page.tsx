import { useDeferredValue, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { can, permissionDeniedMessage } from '../../../domain/permissions'
import type { RecipientQuery } from '../../../domain/sending'
import {
  subscriberStatusLabels,
  subscriberStatusSchema,
  type Subscriber,
  type SubscriberStatus,
} from '../../../domain/subscriber'
import { downloadFile } from '../../../lib/download-file'
import { useCurrentUser } from '../../../lib/session'
import { useDisclosure } from '../../../lib/use-disclosure'
import { useExportRecipients } from '../api/export-recipients'
import { useRecipients } from '../api/list-recipients'
import { AddRecipientForm } from './add-recipient-form'
import { RecipientImport } from './recipient-import'
import { RecipientTable } from './recipient-table'
import styles from './recipients-page.module.css'
import { useFilterParams } from '../../../lib/use-filter-params'

const statuses = subscriberStatusSchema.options

function countByStatus(recipients: readonly Subscriber[]): Record<SubscriberStatus, number> {
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0 }
  for (const recipient of recipients) counts[recipient.status]++
  return counts
}

const number = (value: number) => value.toLocaleString('de-DE')

/** The file name of an export, with the day it was made: "empfaenger-2026-12-02.csv". */
const exportFileName = () => `empfaenger-${new Date().toLocaleDateString('sv-SE')}.csv`

/**
 * "Empfänger": the recipient list with search and status, counts per status, adding one address,
 * CSV import and export, and erasing an address. Gestaltung sees no addresses.
 */
export function RecipientsPage() {
  const user = useCurrentUser()
  if (!can(user.role, 'recipients.read'))
    return (
      <>
        <title>Empfänger – Rundbrief</title>
        <h1>Empfänger</h1>
        <p className="notice notice-warning" role="alert">
          {permissionDeniedMessage('recipients.read')}
        </p>
      </>
    )
  return <RecipientList canManage={can(user.role, 'recipients.manage')} />
}

function RecipientList({ canManage }: { canManage: boolean }) {
  const [params, update] = useFilterParams()
  const q = params.get('q') ?? ''
  const status = subscriberStatusSchema.safeParse(params.get('status')).data
  const deferredQ = useDeferredValue(q.trim())
  const query: RecipientQuery = {
    ...(deferredQ && { q: deferredQ }),
    ...(status && { status }),
  }
  const filtered = Object.keys(query).length > 0
  const all = useRecipients()
  const matching = useRecipients(query, { enabled: filtered })
  const shown = filtered ? matching : all
  const counts = all.data ? countByStatus(all.data) : null

  const {
    open: adding,
    opener: addOpener,
    show: showAdd,
    close: closeAdd,
    dismiss: dismissAdd,
  } = useDisclosure()
  const {
    open: importing,
    opener: importOpener,
    show: showImport,
    close: closeImport,
  } = useDisclosure()
  const [notice, setNotice] = useState<string | null>(null)
  const noticeRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (notice) noticeRef.current?.focus()
  }, [notice])
  const exportList = useExportRecipients()

  return (
    <>
      <title>Empfänger – Rundbrief</title>
      <div className="page-heading">
        <h1>Empfänger</h1>
        <div className={styles.headingActions}>
          <button
            type="button"
            className="button button-secondary"
            disabled={exportList.isPending}
            onClick={() =>
              exportList.mutate(undefined, {
                onSuccess: (file) => downloadFile(file, exportFileName()),
              })
            }
          >
            Als CSV exportieren
          </button>
          {canManage && !importing && (
            <button
              ref={importOpener}
              type="button"
              className="button button-secondary"
              onClick={showImport}
            >
              CSV importieren
            </button>
          )}
          {canManage && !adding && (
            <button
              ref={addOpener}
              type="button"
              className="button button-primary"
              onClick={() => {
                setNotice(null)
                showAdd()
              }}
            >
              Empfänger hinzufügen
            </button>
          )}
        </div>
      </div>
      {exportList.isError && (
        <p className="field-error" role="alert">
          Der Export hat nicht geklappt. {errorMessage(exportList.error)}
        </p>
      )}
      {notice && (
        <p ref={noticeRef} tabIndex={-1} className="notice">
          {notice}
        </p>
      )}
      {canManage && adding && (
        <AddRecipientForm
          onCancel={closeAdd}
          onAdded={(recipient) => {
            dismissAdd()
            setNotice(
              `${recipient.email} ist hinzugefügt (${subscriberStatusLabels[recipient.status]}).`,
            )
          }}
        />
      )}
      {canManage && importing && <RecipientImport onClose={closeImport} />}
      {counts && (
        <ul className={styles.counts} aria-label="Anzahl nach Status">
          <li>
            <strong>{number(all.data?.length ?? 0)}</strong> insgesamt
          </li>
          {statuses.map((entry) => (
            <li key={entry}>
              <strong>{number(counts[entry])}</strong> {subscriberStatusLabels[entry]}
            </li>
          ))}
        </ul>
      )}
      <form className={styles.filters} role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="recipient-search">Suche nach Adresse, Name oder Organisation</label>
          <input
            id="recipient-search"
            type="search"
            value={q}
            onChange={(event) => update('q', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="recipient-status">Status</label>
          <select
            id="recipient-status"
            value={status ?? ''}
            onChange={(event) => update('status', event.target.value)}
          >
            <option value="">Alle</option>
            {statuses.map((entry) => (
              <option key={entry} value={entry}>
                {subscriberStatusLabels[entry]}
              </option>
            ))}
          </select>
        </div>
      </form>
      {shown.isPending ? (
        <Loading />
      ) : !shown.data ? (
        <ErrorState message={errorMessage(shown.error)} onRetry={() => shown.refetch()} />
      ) : shown.data.length === 0 ? (
        <p className="empty" role="status">
          {filtered ? 'Keine Empfänger gefunden.' : 'Noch keine Empfänger eingetragen.'}
        </p>
      ) : (
        <RecipientTable
          // a new search or filter starts again at the first rows
          key={JSON.stringify(query)}
          recipients={shown.data}
          canManage={canManage}
          onDeleted={(recipient) =>
            setNotice(
              `${recipient.email} ist gelöscht. Die Adresse steht jetzt auf der Sperrliste.`,
            )
          }
        />
      )}
    </>
  )
}
