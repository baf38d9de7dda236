import { useRef } from 'react'
import { useFocusFirstInvalid } from '../../../components/ui/use-focus-first-invalid'
import { maxIssueLabelLength } from '../../../domain/issue'
import type { IssueFormValues } from '../issue-form'
import styles from './issue-fields.module.css'

interface IssueFieldsProps {
  idPrefix: string
  values: IssueFormValues
  errors: Record<string, string>
  onChange: (values: IssueFormValues) => void
  /** Why the Redaktionsschluss cannot be changed by this user, if it cannot. */
  deadlineLockedReason?: string | null
}

/** The three fields of an issue: Titel der Ausgabe, Redaktionsschluss, Erscheinungsdatum. */
export function IssueFields({
  idPrefix,
  values,
  errors,
  onChange,
  deadlineLockedReason,
}: IssueFieldsProps) {
  const container = useRef<HTMLDivElement>(null)
  useFocusFirstInvalid(container, Object.keys(errors).length > 0 ? errors : null)
  const field = (name: 'label' | 'deadline' | 'plannedSendDate') => ({
    id: `${idPrefix}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${idPrefix}-${name}-error` : `${idPrefix}-${name}-hint`,
  })
  const error = (name: string) =>
    errors[name] && (
      <p id={`${idPrefix}-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    )
  return (
    <div className={styles.issueFields} ref={container}>
      <div className="field">
        <label htmlFor={`${idPrefix}-label`}>Titel der Ausgabe</label>
        <input
          {...field('label')}
          type="text"
          autoFocus
          value={values.label}
          maxLength={maxIssueLabelLength}
          onChange={(event) => onChange({ ...values, label: event.target.value })}
        />
        {values.label.length >= maxIssueLabelLength ? (
          <p id={`${idPrefix}-label-hint`} className="hint hint-warning">
            Der Titel der Ausgabe darf höchstens {maxIssueLabelLength} Zeichen lang sein.
          </p>
        ) : (
          <p id={`${idPrefix}-label-hint`} className="hint">
            z. B. „Dezember 2026“
          </p>
        )}
        {error('label')}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-deadline`}>Redaktionsschluss</label>
        <input
          {...field('deadline')}
          type="datetime-local"
          value={values.deadlineLocal}
          readOnly={!!deadlineLockedReason}
          onChange={(event) => onChange({ ...values, deadlineLocal: event.target.value })}
        />
        <p id={`${idPrefix}-deadline-hint`} className="hint">
          {deadlineLockedReason ?? 'Datum und Uhrzeit in Gera'}
        </p>
        {error('deadline')}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-plannedSendDate`}>Erscheinungsdatum</label>
        <input
          {...field('plannedSendDate')}
          type="date"
          value={values.plannedSendDate}
          onChange={(event) => onChange({ ...values, plannedSendDate: event.target.value })}
        />
        <p id={`${idPrefix}-plannedSendDate-hint`} className="hint">
          Am oder nach dem Redaktionsschluss
        </p>
        {error('plannedSendDate')}
      </div>
    </div>
  )
}
