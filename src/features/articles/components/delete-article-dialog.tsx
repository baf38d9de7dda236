import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { trashRetentionDays } from '../../../domain/trash'

interface DeleteArticleDialogProps {
  headline: string
  /** Nothing typed in it (`isEmptyArticle`): the server discards it instead of trashing it. */
  empty: boolean
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Asks before an article goes into the Papierkorb, and says for how long it can come back; for an
 * empty article, says that it is removed for good because there is nothing to restore.
 */
export function DeleteArticleDialog({
  headline,
  empty,
  busy,
  error,
  onConfirm,
  onCancel,
}: DeleteArticleDialogProps) {
  return (
    <ConfirmDialog
      title={`„${headline || 'Ohne Überschrift'}“ löschen?`}
      confirmLabel={empty ? 'Leeren Beitrag entfernen' : 'In den Papierkorb legen'}
      confirmClassName="button-danger"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {empty ? (
        <p>
          Der Beitrag ist leer: keine Überschrift, kein Text, kein Foto. Er wird endgültig entfernt
          und nicht in den Papierkorb gelegt – es gibt nichts wiederherzustellen.
        </p>
      ) : (
        <p>
          Der Beitrag kommt in den Papierkorb. Dort können Sie ihn {trashRetentionDays} Tage lang
          wiederherstellen; danach wird er endgültig gelöscht.
        </p>
      )}
    </ConfirmDialog>
  )
}
