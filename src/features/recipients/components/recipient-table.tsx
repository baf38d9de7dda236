import { useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { Badge, type BadgeTone } from '../../../components/ui/badge'
import tableStyles from '../../../components/ui/table.module.css'
import { formatBerlinDate } from '../../../domain/deadline'
import {
  subscriberStatusLabels,
  type Subscriber,
  type SubscriberStatus,
} from '../../../domain/subscriber'
import { classNames } from '../../../lib/class-names'
import { useDeleteRecipient } from '../api/delete-recipient'
import { DeleteRecipientDialog } from './delete-recipient-dialog'
import styles from './recipient-table.module.css'
import { WrappableText } from '../../../components/wrappable-text'

/** Rows rendered at a time: a list of 20,000 addresses stays quick to show and to search. */
export const recipientPageSize = 100

const statusTones: Record<SubscriberStatus, BadgeTone> = {
  confirmed: 'success',
  pending: 'info',
  unsubscribed: 'neutral',
  bounced: 'danger',
}

const number = (value: number) => value.toLocaleString('de-DE')

interface RecipientTableProps {
  recipients: readonly Subscriber[]
  canManage: boolean
  /** Called once an address is erased. */
  onDeleted: (recipient: Subscriber) => void
}

/** The recipients as a table, the first rows first ("Weitere anzeigen" adds the next ones). */
export function RecipientTable({ recipients, canManage, onDeleted }: RecipientTableProps) {
  const [limit, setLimit] = useState(recipientPageSize)
  const [deleting, setDeleting] = useState<Subscriber | null>(null)
  const remove = useDeleteRecipient()
  const visible = recipients.slice(0, limit)
  const more = Math.min(recipientPageSize, recipients.length - visible.length)

  return (
    <>
      <div className={tableStyles.wrap}>
        <table className={classNames(tableStyles.table, tableStyles.cards)}>
          <caption className="visually-hidden">
            {recipients.length === 1 ? '1 Empfänger' : `${number(recipients.length)} Empfänger`}
          </caption>
          <thead>
            <tr>
              <th scope="col">E-Mail-Adresse</th>
              <th scope="col">Name</th>
              <th scope="col">Organisation</th>
              <th scope="col">Status</th>
              <th scope="col">Eingetragen</th>
              {canManage && <th scope="col">Aktion</th>}
            </tr>
          </thead>
          <tbody>
            {visible.map((recipient) => (
              <tr key={recipient.id}>
                <th scope="row" className={styles.email}>
                  <WrappableText text={recipient.email} />
                </th>
                <td data-label="Name">
                  <WrappableText text={recipient.name} />
                </td>
                <td data-label="Organisation">
                  <WrappableText text={recipient.organisation} />
                </td>
                <td data-label="Status">
                  <Badge tone={statusTones[recipient.status]}>
                    {subscriberStatusLabels[recipient.status]}
                  </Badge>
                </td>
                <td data-label="Eingetragen" className={styles.date}>
                  {formatBerlinDate(recipient.requestedAt)}
                </td>
                {canManage && (
                  <td data-label="Aktion">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-label={`${recipient.email} löschen`}
                      onClick={() => {
                        remove.reset()
                        setDeleting(recipient)
                      }}
                    >
                      Löschen
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && (
        <div className={styles.more}>
          <p className="muted">
            {number(visible.length)} von {number(recipients.length)} Empfängern angezeigt. Die Suche
            findet alle.
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setLimit((current) => current + recipientPageSize)}
          >
            Weitere {number(more)} anzeigen
          </button>
        </div>
      )}
      {deleting && (
        <DeleteRecipientDialog
          email={deleting.email}
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                setDeleting(null)
                onDeleted(deleting)
              },
            })
          }
        />
      )}
    </>
  )
}
