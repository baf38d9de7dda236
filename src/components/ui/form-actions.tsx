interface FormActionsProps {
  submitLabel: string
  busy: boolean
  onCancel: () => void
}

/** The end of a form: its primary submit button, disabled while busy, and "Abbrechen". */
export function FormActions({ submitLabel, busy, onCancel }: FormActionsProps) {
  return (
    <div className="actions">
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Abbrechen
      </button>
    </div>
  )
}
