import { ConfirmDialog } from '../../../components/ui/confirm-dialog'

interface DeleteRecipientDialogProps {
  email: string
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before an address is erased, and says what stays: a hash on the suppression list. */
export function DeleteRecipientDialog({
  email,
  busy,
  error,
  onConfirm,
  onCancel,
}: DeleteRecipientDialogProps) {
  return (
    <ConfirmDialog
      title={`${email} löschen?`}
      confirmLabel="Endgültig löschen"
      confirmClassName="button-danger"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Die Adresse wird mit Name, Organisation, Einwilligung und Zustellprotokoll gelöscht. Das
        lässt sich nicht rückgängig machen; ein laufender Versand schickt ihr nichts mehr.
      </p>
      <p>
        Damit sie nicht versehentlich wieder importiert wird, bleibt nur eine Prüfsumme (Hash) der
        Adresse auf einer Sperrliste, aus der sich die Adresse nicht zurückgewinnen lässt. Ein
        CSV-Import überspringt sie dann; von Hand lässt sie sich nur mit Rückfrage wieder eintragen,
        und die Person kann sich selbst wieder anmelden.
      </p>
    </ConfirmDialog>
  )
}
