import { FormActions } from '../../../components/ui/form-actions'
import { ModalDialog } from '../../../components/ui/modal-dialog'
import { ReasonField, useReasonField } from '../../../components/ui/reason-field'
import { withdrawFromArchiveInputSchema } from '../../../domain/archive'

interface WithdrawDialogProps {
  issueLabel: string
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/** "Aus dem Archiv nehmen": a legal takedown; the reason goes into the Verlauf. */
export function WithdrawDialog({
  issueLabel,
  busy,
  error: failure,
  onConfirm,
  onCancel,
}: WithdrawDialogProps) {
  const { handleSubmit, ...reason } = useReasonField(withdrawFromArchiveInputSchema.shape.reason)
  return (
    <ModalDialog title={`„${issueLabel}“ aus dem Archiv nehmen?`} onClose={onCancel} narrow>
      <form onSubmit={handleSubmit(onConfirm)} noValidate>
        <p>
          Die öffentliche Seite der Ausgabe antwortet danach mit „Nicht mehr im Archiv“, und die
          Ausgabe verschwindet aus der Übersicht und den Feeds. Der Grund steht im Verlauf. Sie
          können die Ausgabe jederzeit wieder ins Archiv stellen.
        </p>
        <ReasonField label="Grund" rows={3} {...reason} />
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <FormActions submitLabel="Aus dem Archiv nehmen" busy={busy} onCancel={onCancel} />
      </form>
    </ModalDialog>
  )
}
