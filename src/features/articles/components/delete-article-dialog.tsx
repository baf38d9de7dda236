import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
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
    <ConfirmDialog
      title={`„${headline || 'Ohne Überschrift'}“ löschen?`}
      confirmLabel="In den Papierkorb legen"
      confirmClassName="button-danger"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Der Beitrag kommt in den Papierkorb. Dort können Sie ihn {trashRetentionDays} Tage lang
        wiederherstellen; danach wird er endgültig gelöscht.
      </p>
    </ConfirmDialog>
  )
}
