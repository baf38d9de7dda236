import { ModalDialog } from '../../../components/ui/modal-dialog'
import { trashRetentionDays } from '../../../domain/trash'

interface DeleteArticleDialogProps {
  headline: string
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before an article goes into the Papierkorb, and says for how long it can come back. */
export function DeleteArticleDialog({
  headline,
  busy,
  error,
  onConfirm,
  onCancel,
}: DeleteArticleDialogProps) {
  return (
    <ModalDialog
      title={`„${headline || 'Ohne Überschrift'}“ löschen?`}
      onClose={onCancel}
      className="modal-confirm"
    >
      <p>
        Der Beitrag kommt in den Papierkorb. Dort können Sie ihn {trashRetentionDays} Tage lang
        wiederherstellen; danach wird er endgültig gelöscht.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>
          In den Papierkorb legen
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Abbrechen
        </button>
      </div>
    </ModalDialog>
  )
}
