import type { ReactNode } from 'react'
import { DialogFailure } from './dialog-failure'
import { ModalDialog } from './modal-dialog'

interface ConfirmDialogProps {
  title: string
  /** What happens when the user confirms. */
  children: ReactNode
  confirmLabel: string
  /** `button-primary`, or `button-danger` for what cannot simply be undone. */
  confirmClassName: string
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A question before a step: what it does, why the last try failed, confirm or Abbrechen. Before a
 * step that cannot simply be undone (`button-danger`) focus starts on Abbrechen, so that an Enter
 * pressed once too often deletes nothing.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  confirmClassName,
  busy,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <ModalDialog title={title} onClose={onCancel} narrow>
      {children}
      {error && <DialogFailure message={error} />}
      <div className="actions">
        <button
          type="button"
          className={`button ${confirmClassName}`}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={onCancel}
          data-initial-focus={confirmClassName === 'button-danger' || undefined}
        >
          Abbrechen
        </button>
      </div>
    </ModalDialog>
  )
}
