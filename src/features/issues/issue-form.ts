import { fieldErrors } from '../../domain/field-errors'
import { berlinLocalToIso, isoToBerlinLocal } from '../../domain/deadline'
import {
  createIssueInputSchema,
  issueDateErrors,
  updateIssueInputSchema,
  type CreateIssueInput,
  type Issue,
  type UpdateIssueInput,
} from '../../domain/issue'

/** What the issue form holds: wall-clock values as the inputs give them. */
export interface IssueFormValues {
  label: string
  /** "YYYY-MM-DDTHH:mm" in Europe/Berlin */
  deadlineLocal: string
  /** "YYYY-MM-DD" */
  plannedSendDate: string
}

/** The form's values parsed by the domain schema, or German errors keyed by form field. */
export type IssueFormResult<Input> =
  { success: true; data: Input } | { success: false; errors: Record<string, string> }

/**
 * The Redaktionsschluss as the schema takes it: an ISO instant, or "" for an incomplete input,
 * which the schema refuses under the field name `deadline` the form shows its error at.
 */
function deadlineIso(local: string): string {
  try {
    return berlinLocalToIso(local)
  } catch {
    return ''
  }
}

function withDateRules<Input>(
  data: Input,
  dates: { deadline: string; plannedSendDate: string },
  options: { now: Date; creating: boolean },
): IssueFormResult<Input> {
  const errors = issueDateErrors(dates, options)
  if (errors.length > 0) {
    const byField = errors.map((error) => [error.path, error.message] as const)
    return { success: false, errors: Object.fromEntries(byField) }
  }
  return { success: true, data }
}

/** "Neue Ausgabe": the create schema, then the date rules of the backend. */
export function parseNewIssueForm(
  values: IssueFormValues,
  now: Date,
): IssueFormResult<CreateIssueInput> {
  const result = createIssueInputSchema.safeParse(
    {
      label: values.label,
      deadline: deadlineIso(values.deadlineLocal),
      plannedSendDate: values.plannedSendDate,
    },
    { reportInput: true },
  )
  if (!result.success) return { success: false, errors: fieldErrors(result.error.issues) }
  return withDateRules(result.data, result.data, { now, creating: true })
}

/**
 * "Ausgabe bearbeiten": the update schema, sending the Redaktionsschluss only when it changed;
 * then the date rules of the backend.
 */
export function parseIssueSettingsForm(
  values: IssueFormValues,
  issue: Issue,
  version: number,
  now: Date,
): IssueFormResult<UpdateIssueInput> {
  const deadlineChanged = values.deadlineLocal !== isoToBerlinLocal(issue.deadline)
  const result = updateIssueInputSchema.safeParse(
    {
      version,
      label: values.label,
      ...(deadlineChanged && { deadline: deadlineIso(values.deadlineLocal) }),
      plannedSendDate: values.plannedSendDate,
    },
    { reportInput: true },
  )
  if (!result.success) return { success: false, errors: fieldErrors(result.error.issues) }
  const { deadline = issue.deadline, plannedSendDate = values.plannedSendDate } = result.data
  return withDateRules(result.data, { deadline, plannedSendDate }, { now, creating: false })
}
