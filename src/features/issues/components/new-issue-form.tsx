import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { ApiError, errorMessage } from '../../../backend/api-error'
import { useCreateIssue } from '../api/create-issue'
import { parseNewIssueForm, type IssueFormValues } from '../issue-form'
import { IssueFields } from './issue-fields'
import { FormActions } from '../../../components/ui/form-actions'

/** "Neue Ausgabe": title, Redaktionsschluss, Erscheinungsdatum; opens the new issue's board. */
export function NewIssueForm({ onCancel }: { onCancel: () => void }) {
  const create = useCreateIssue()
  const navigate = useNavigate()
  const [values, setValues] = useState<IssueFormValues>({
    label: '',
    deadlineLocal: '',
    plannedSendDate: '',
  })
  const [errors, setErrors] = useState<Record<string, string>>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseNewIssueForm(values, new Date())
    setErrors(parsed.success ? {} : parsed.errors)
    if (!parsed.success) return
    create.mutate(parsed.data, {
      onSuccess: (issue) => navigate(`/ausgaben/${encodeURIComponent(issue.id)}`),
      onError: (error) => {
        if (error instanceof ApiError) setErrors(error.fieldErrors)
      },
    })
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-issue-heading">
      <h2 id="new-issue-heading">Neue Ausgabe</h2>
      <IssueFields idPrefix="new-issue" values={values} errors={errors} onChange={setValues} />
      {create.isError && Object.keys(errors).length === 0 && (
        <p className="field-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Bitte prüfen Sie die markierten Felder.
        </p>
      )}
      <FormActions submitLabel="Ausgabe anlegen" busy={create.isPending} onCancel={onCancel} />
    </form>
  )
}
