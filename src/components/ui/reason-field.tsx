import { useId, useRef, useState, type FormEvent } from 'react'
import type { z } from 'zod'
import { fieldErrors } from '../../domain/field-errors'
import { useFocusFirstInvalid } from './use-focus-first-invalid'

/**
 * State of a required text checked with its domain schema: the text, its German error (cleared
 * on typing) and a submit handler that passes on the parsed text only when it is valid.
 */
export function useReasonField(schema: z.ZodType<string>) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  return {
    value,
    error,
    onChange: (next: string) => {
      setValue(next)
      setError(null)
    },
    handleSubmit: (onValid: (text: string) => void) => (event: FormEvent) => {
      event.preventDefault()
      const parsed = schema.safeParse(value, { reportInput: true })
      if (parsed.success) onValid(parsed.data)
      else setError(fieldErrors(parsed.error.issues)[''] ?? null)
    },
  }
}

interface ReasonFieldProps {
  label: string
  rows: number
  value: string
  error: string | null
  autoFocus?: boolean
  onChange: (value: string) => void
}

/**
 * The required text of a workflow step (a change request's comment, a reason) with its error;
 * a new error takes the focus to the field, whose description it is.
 */
export function ReasonField({ label, rows, value, error, autoFocus, onChange }: ReasonFieldProps) {
  const id = useId()
  const container = useRef<HTMLDivElement>(null)
  useFocusFirstInvalid(container, error)
  return (
    <div className="field" ref={container}>
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
