import { useId, useState, type FormEvent } from 'react'
import { ModalDialog } from '../../../components/ui/modal-dialog'
import { fieldErrors } from '../../../domain/field-errors'
import { unpublishInputSchema } from '../../../domain/issue'
import { transitions } from '../../../domain/workflow'

interface PublishConfirmDialogProps {
  issueLabel: string
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before "Als versendet markieren": the issue is locked afterwards. */
export function PublishConfirmDialog({
  issueLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: PublishConfirmDialogProps) {
  return (
    <ModalDialog
      title={`„${issueLabel}“ als versendet markieren?`}
      onClose={onCancel}
      className="modal-confirm"
    >
      <p>
        Danach ist die Ausgabe gesperrt: Beiträge, Reihenfolge und Angaben können nicht mehr
        geändert werden. Zurücknehmen kann die Markierung nur die Dezernentin, mit Begründung im
        Verlauf.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
          {transitions.publish.label}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Abbrechen
        </button>
      </div>
    </ModalDialog>
  )
}

const reasonSchema = unpublishInputSchema.pick({ reason: true })

interface UnpublishDialogProps {
  issueLabel: string
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/** "Versand zurücknehmen": the Dezernentin gives a reason, which goes into the Verlauf. */
export function UnpublishDialog({
  issueLabel,
  busy,
  error: failure,
  onConfirm,
  onCancel,
}: UnpublishDialogProps) {
  const id = useId()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = reasonSchema.safeParse({ reason }, { reportInput: true })
    if (!parsed.success) {
      setError(fieldErrors(parsed.error.issues).reason ?? null)
      return
    }
    onConfirm(parsed.data.reason)
  }
  return (
    <ModalDialog
      title={`Versand von „${issueLabel}“ zurücknehmen?`}
      onClose={onCancel}
      className="modal-confirm"
    >
      <form onSubmit={submit} noValidate>
        <p>
          Die Ausgabe ist danach wieder freigegeben und nicht mehr gesperrt. Jede Änderung am Inhalt
          nimmt die Freigabe zurück. Der Grund steht im Verlauf.
        </p>
        <div className="field">
          <label htmlFor={id}>Grund</label>
          <textarea
            id={id}
            rows={3}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setReason(event.target.value)
              setError(null)
            }}
          />
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {transitions.unpublish.label}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Abbrechen
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
