import { useId } from 'react'

interface ReasonFieldProps {
  label: string
  rows: number
  value: string
  error: string | null
  autoFocus?: boolean
  onChange: (value: string) => void
}

/** The required text of a workflow step (a change request's comment, a reason) with its error. */
export function ReasonField({ label, rows, value, error, autoFocus, onChange }: ReasonFieldProps) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
