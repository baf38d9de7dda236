import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { ModalDialog } from '../../../components/ui/modal-dialog'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { usePublication } from '../../../backend/queries/get-publication'
import { settingsChanges } from '../../../domain/content-diff'
import { berlinLocalToIso } from '../../../domain/deadline'
import type { Issue } from '../../../domain/issue'
import { useSendPreview } from '../api/get-send-preview'
import { useStartSend } from '../api/start-send'
import styles from './sending.module.css'

/** The time of day a planned send defaults to on the Erscheinungsdatum (Berlin). */
const defaultSendTime = '09:00'

export type SendMode = 'now' | 'plan'

interface SendConfirmDialogProps {
  issue: Issue
  mode: SendMode
  onClose: () => void
}

/**
 * Asks before "Jetzt versenden" and "Versand planen": subject, sender and the number of
 * recipients as the server sees them now, or why the issue cannot be sent.
 */
export function SendConfirmDialog({ issue, mode, onClose }: SendConfirmDialogProps) {
  const preview = useSendPreview(issue.id)
  const publication = usePublication()
  // settings changed since the approval do not go out with it: said before sending
  const changedSettings = publication.data
    ? settingsChanges(issue.approval?.content.publication, publication.data)
    : []
  const startSend = useStartSend(issue.id)
  const navigate = useNavigate()
  const fieldId = useId()
  const [when, setWhen] = useState(`${issue.plannedSendDate}T${defaultSendTime}`)
  const [whenError, setWhenError] = useState<string | null>(null)
  const title =
    mode === 'now' ? `„${issue.label}“ jetzt versenden?` : `Versand von „${issue.label}“ planen`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fingerprint = preview.data?.fingerprint
    if (!fingerprint || preview.data?.blocker) return
    let scheduledAt: string | null = null
    if (mode === 'plan') {
      const problem = !when
        ? 'Bitte Datum und Uhrzeit angeben.'
        : new Date(berlinLocalToIso(when)).getTime() <= Date.now()
          ? 'Der Zeitpunkt liegt in der Vergangenheit. Für einen sofortigen Versand wählen Sie „Jetzt versenden“.'
          : null
      setWhenError(problem)
      if (problem) {
        document.getElementById(fieldId)?.focus()
        return
      }
      scheduledAt = berlinLocalToIso(when)
    }
    startSend.mutate(
      { version: issue.version, fingerprint, scheduledAt },
      {
        onSuccess: () => void navigate(`/ausgaben/${encodeURIComponent(issue.id)}/versand`),
      },
    )
  }

  const data = preview.data
  const ready = data && data.blocker === null && data.fingerprint !== null
  return (
    <ModalDialog title={title} onClose={onClose} narrow>
      {preview.isError && !data ? (
        <ErrorState message={errorMessage(preview.error)} onRetry={() => preview.refetch()} />
      ) : !data ? (
        <Loading label="Empfänger werden gezählt …" />
      ) : (
        <form onSubmit={submit} noValidate>
          <dl className={styles.facts}>
            <dt>Betreff</dt>
            <dd>{data.subject}</dd>
            <dt>Absender</dt>
            <dd>{data.from}</dd>
            <dt>Empfänger</dt>
            <dd>
              {data.recipientCount === 1
                ? '1 bestätigte Adresse'
                : `${data.recipientCount} bestätigte Adressen`}
            </dd>
          </dl>
          {data.blocker === null && changedSettings.length > 0 && (
            <p className="notice" role="note">
              Seit der Freigabe geändert: {changedSettings.join(', ')}. Versendet wird der
              freigegebene Stand. Soll der neue mit, öffnen Sie die Ausgabe wieder und lassen Sie
              sie erneut freigeben.
            </p>
          )}
          {data.blocker !== null ? (
            <p className="notice notice-warning" role="note">
              {data.blocker}
            </p>
          ) : mode === 'plan' ? (
            <div className="field">
              <label htmlFor={fieldId}>Zeitpunkt (Berliner Zeit)</label>
              <input
                id={fieldId}
                type="datetime-local"
                value={when}
                onChange={(event) => setWhen(event.target.value)}
                aria-invalid={whenError !== null || undefined}
                aria-describedby={whenError ? `${fieldId}-error` : `${fieldId}-hint`}
              />
              {whenError ? (
                <p id={`${fieldId}-error`} className="field-error">
                  {whenError}
                </p>
              ) : (
                <p id={`${fieldId}-hint`} className="hint">
                  Vorgeschlagen ist das Erscheinungsdatum. Bis dahin lässt sich der Versand noch
                  anhalten.
                </p>
              )}
            </div>
          ) : (
            <p>
              Jede Adresse bekommt genau die freigegebene Fassung mit ihrem persönlichen
              Abmeldelink. Ist die letzte Nachricht hinaus, gilt die Ausgabe als versendet.
            </p>
          )}
          {startSend.isError && (
            <p className="field-error" role="alert">
              {errorMessage(startSend.error)}
            </p>
          )}
          <div className="actions">
            {ready && (
              <button
                type="submit"
                className="button button-primary"
                disabled={startSend.isPending}
              >
                {mode === 'now' ? 'Jetzt versenden' : 'Versand planen'}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={onClose}>
              {ready ? 'Abbrechen' : 'Schließen'}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  )
}
