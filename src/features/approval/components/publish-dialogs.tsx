import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { DialogFailure } from '../../../components/ui/dialog-failure'
import { ModalDialog } from '../../../components/ui/modal-dialog'
import { unpublishInputSchema } from '../../../domain/issue'
import { transitions } from '../../../domain/workflow'
import { ReasonField, useReasonField } from '../../../components/ui/reason-field'
import { FormActions } from '../../../components/ui/form-actions'

interface PublishConfirmDialogProps {
  issueLabel: string
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before "Als versendet markieren" (sent by other means): the issue is locked afterwards. */
export function PublishConfirmDialog({
  issueLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: PublishConfirmDialogProps) {
  return (
    <ConfirmDialog
      title={`„${issueLabel}“ als versendet markieren?`}
      confirmLabel={transitions.publish.label}
      confirmClassName="button-primary"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Nur für eine Ausgabe, die auf anderem Weg versendet wurde: Rundbrief schickt dabei keine
        E-Mail.
      </p>
      <p>
        Danach ist die Ausgabe gesperrt: Beiträge, Reihenfolge und Angaben können nicht mehr
        geändert werden. Zurücknehmen kann die Markierung nur die Dezernentin, mit Begründung im
        Verlauf.
      </p>
    </ConfirmDialog>
  )
}

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
  const { handleSubmit, ...reason } = useReasonField(unpublishInputSchema.shape.reason)
  return (
    <ModalDialog title={`Versand von „${issueLabel}“ zurücknehmen?`} onClose={onCancel} narrow>
      <form onSubmit={handleSubmit(onConfirm)} noValidate>
        <p>
          Die Ausgabe ist danach wieder freigegeben und nicht mehr gesperrt. Jede Änderung am Inhalt
          nimmt die Freigabe zurück. Der Grund steht im Verlauf.
        </p>
        <ReasonField label="Grund" rows={3} {...reason} />
        {failure && <DialogFailure message={failure} />}
        <FormActions submitLabel={transitions.unpublish.label} busy={busy} onCancel={onCancel} />
      </form>
    </ModalDialog>
  )
}
