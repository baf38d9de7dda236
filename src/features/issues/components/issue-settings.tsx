import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../../../backend/api-error'
import { conflictCurrent } from '../../../backend/conflict'
import { formatBerlinDate, formatBerlinDateTime, isoToBerlinLocal } from '../../../domain/deadline'
import { issueSchema, type Issue } from '../../../domain/issue'
import { deadlineChangeProblem, withdrawsApproval } from '../../../domain/workflow'
import { useCurrentUser } from '../../../lib/session'
import { useUpdateIssue } from '../api/update-issue'
import { parseIssueSettingsForm, type IssueFormValues } from '../issue-form'
import { IssueFields } from './issue-fields'

const valuesOf = (issue: Issue): IssueFormValues => ({
  label: issue.label,
  deadlineLocal: isoToBerlinLocal(issue.deadline),
  plannedSendDate: issue.plannedSendDate,
})

/** "Ausgabe bearbeiten": label and dates, saved with the version they were based on. */
export function IssueSettings({ issue, onDone }: { issue: Issue; onDone: () => void }) {
  const update = useUpdateIssue(issue.id)
  const user = useCurrentUser()
  const [values, setValues] = useState(() => valuesOf(issue))
  const [baseVersion, setBaseVersion] = useState(issue.version)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [conflict, setConflict] = useState<Issue | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseIssueSettingsForm(values, issue, baseVersion, new Date())
    setErrors(parsed.success ? {} : parsed.errors)
    if (!parsed.success) return
    update.mutate(parsed.data, {
      onSuccess: () => onDone(),
      onError: (error) => {
        const current = conflictCurrent(error, issueSchema)
        if (current) {
          setConflict(current)
          setBaseVersion(current.version)
        } else if (error instanceof ApiError) setErrors(error.fieldErrors)
      },
    })
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="issue-settings-heading">
      <h2 id="issue-settings-heading">Ausgabe bearbeiten</h2>
      {withdrawsApproval(issue.status) && (
        <p className="notice" role="note">
          Die Ausgabe ist freigegeben. Ihr Titel und ihr Redaktionsschluss stehen in der Ausgabe
          (Betreff, Impressum), das Erscheinungsdatum, wenn der Kopf es nennt: Ändern Sie sie, wird
          die Freigabe zurückgenommen.
        </p>
      )}
      <IssueFields
        idPrefix="issue-settings"
        values={values}
        errors={errors}
        onChange={setValues}
        deadlineLockedReason={deadlineChangeProblem(issue, user.role, new Date())}
      />
      {conflict && (
        <div className="notice notice-warning" role="alert">
          <p>
            Die Ausgabe wurde inzwischen geändert. Gespeichert ist jetzt: „{conflict.label}“,
            Redaktionsschluss {formatBerlinDateTime(conflict.deadline)}, Erscheinungsdatum{' '}
            {formatBerlinDate(conflict.plannedSendDate)}.
          </p>
          <p>Ihre Eingaben stehen noch im Formular. Speichern Sie erneut, um sie zu übernehmen.</p>
        </div>
      )}
      {update.isError && !conflict && Object.keys(errors).length === 0 && (
        <p className="field-error" role="alert">
          {errorMessage(update.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          Speichern
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Abbrechen
        </button>
      </div>
    </form>
  )
}
