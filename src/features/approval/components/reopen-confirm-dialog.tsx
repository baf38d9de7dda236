import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import type { IssueStatus } from '../../../domain/issue'
import { transitions } from '../../../domain/workflow'

interface ReopenConfirmDialogProps {
  issueLabel: string
  /** The status the issue leaves: what "Wieder öffnen" takes back depends on it. */
  status: IssueStatus
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Asks before "Wieder öffnen" (the Dezernentin): says what goes back, and that the issue must be
 * submitted and approved again before it can be sent. Taking back an approval cannot simply be
 * undone, so that question starts on Abbrechen.
 */
export function ReopenConfirmDialog({
  issueLabel,
  status,
  busy,
  error,
  onConfirm,
  onCancel,
}: ReopenConfirmDialogProps) {
  const takesBackApproval = status === 'approved'
  return (
    <ConfirmDialog
      title={`„${issueLabel}“ wieder öffnen?`}
      confirmLabel={transitions.reopen.label}
      confirmClassName={takesBackApproval ? 'button-danger' : 'button-primary'}
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {status === 'approved'
          ? 'Die Freigabe wird zurückgenommen, und die Ausgabe geht zurück in Bearbeitung: Die Redaktion kann sie wieder ändern.'
          : status === 'in_review'
            ? 'Die Ausgabe liegt Ihnen zur Freigabe vor. Sie geht zurück in Bearbeitung: Die Redaktion kann sie wieder ändern.'
            : 'Die Ausgabe steht danach wieder „In Bearbeitung“ statt „Änderungen angefordert“. Ihr Kommentar bleibt im Verlauf.'}
      </p>
      <p>Um sie zu versenden, muss sie erneut eingereicht und freigegeben werden.</p>
    </ConfirmDialog>
  )
}
