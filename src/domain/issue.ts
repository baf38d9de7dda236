import { z } from 'zod'
import { photoSchema } from './article'
import { cleanString, idSchema, maxIdLength, requiredText, versionSchema } from './clean-text'
import { berlinDate, timeLeft } from './deadline'
import type { FieldError } from './field-errors'
import { approvedPublicationSchema } from './publication'
import { richTextDocSchema } from './rich-text'

export const issueStatusSchema = z.enum([
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
])
/** Workflow state of an Ausgabe. */
export type IssueStatus = z.infer<typeof issueStatusSchema>

export const issueStatusLabels: Record<IssueStatus, string> = {
  draft: 'In Bearbeitung',
  in_review: 'Zur Freigabe eingereicht',
  changes_requested: 'Änderungen angefordert',
  approved: 'Freigegeben',
  published: 'Versendet',
}

const calendarDate = z.iso.date({ message: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })

/** The content an approval covers, kept so that later changes can be shown as a diff. */
export const approvedContentSchema = z.object({
  articles: z.array(
    z.object({
      id: idSchema(),
      headline: cleanString(),
      body: richTextDocSchema,
      photos: z.array(photoSchema),
    }),
  ),
  /**
   * The masthead, Impressum and layout the approval was given with, which the issue then goes
   * out with. Absent in approvals given before it was kept: those go out with the current ones.
   */
  publication: approvedPublicationSchema.optional(),
})
export type ApprovedContent = z.infer<typeof approvedContentSchema>

export const approvalSchema = z.object({
  approvedBy: idSchema(),
  approvedAt: z.iso.datetime(),
  fingerprint: cleanString().min(1),
  content: approvedContentSchema,
})
export type Approval = z.infer<typeof approvalSchema>

export const changeRequestSchema = z.object({
  comment: cleanString().min(1),
  requestedBy: idSchema(),
  requestedAt: z.iso.datetime(),
})
export type ChangeRequest = z.infer<typeof changeRequestSchema>

/** A request for changes with the content it was made on, so that a resubmission can be diffed. */
export const returnedContentSchema = changeRequestSchema.extend({ content: approvedContentSchema })
export type ReturnedContent = z.infer<typeof returnedContentSchema>

export const issueSchema = z.object({
  id: idSchema(),
  label: cleanString().min(1),
  deadline: z.iso.datetime(),
  plannedSendDate: calendarDate,
  articleIds: z.array(idSchema()),
  status: issueStatusSchema,
  approval: approvalSchema.nullable(),
  /** The last approval that a change, a request for changes or a reopening took back. */
  withdrawnApproval: approvalSchema
    .extend({ withdrawnAt: z.iso.datetime(), withdrawnBy: idSchema() })
    .nullable(),
  changeRequest: changeRequestSchema.nullable(),
  /**
   * The last request for changes and the content it was made on; kept through resubmission until
   * the next approval ("Geändert seit Ihrer Rückgabe"). Absent in data stored before it existed.
   */
  lastChangeRequest: returnedContentSchema.nullable().default(null),
  /**
   * Whether a send through Rundbrief went out to the recipients: derived by the server from the
   * issue's sends, never stored with it. Such a Versand cannot be taken back.
   */
  sentThroughRundbrief: z.boolean().default(false),
  version: versionSchema(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
/** An Ausgabe: its Redaktionsschluss (`deadline`, UTC instant), send date and ordered articles. */
export type Issue = z.infer<typeof issueSchema>

/** Longest title of an Ausgabe. */
export const maxIssueLabelLength = 120

/** Longest Kommentar of a request for changes. */
export const maxChangeRequestCommentLength = 5000

const label = cleanString()
  .trim()
  .min(1, { message: 'Bitte einen Titel der Ausgabe angeben.' })
  .max(maxIssueLabelLength, {
    message: `Der Titel der Ausgabe darf höchstens ${maxIssueLabelLength} Zeichen lang sein.`,
  })

const deadlineInput = z.iso.datetime({
  offset: true,
  message: 'Bitte Datum und Uhrzeit des Redaktionsschlusses angeben.',
})
const plannedSendDateInput = z.iso.date({ message: 'Bitte das Erscheinungsdatum angeben.' })

export const createIssueInputSchema = z.object({
  label,
  deadline: deadlineInput,
  plannedSendDate: plannedSendDateInput,
})
export type CreateIssueInput = z.infer<typeof createIssueInputSchema>

export const updateIssueInputSchema = z.object({
  version: versionSchema(),
  label: label.optional(),
  deadline: deadlineInput.optional(),
  plannedSendDate: plannedSendDateInput.optional(),
})
export type UpdateIssueInput = z.infer<typeof updateIssueInputSchema>

export const arrangeIssueInputSchema = z.object({
  version: versionSchema(),
  articleIds: z.array(idSchema()).refine((ids) => new Set(ids).size === ids.length, {
    message: 'Ein Beitrag darf nur einmal in der Ausgabe stehen.',
  }),
})
export type ArrangeIssueInput = z.infer<typeof arrangeIssueInputSchema>

export const workflowInputSchema = z.object({
  version: versionSchema(),
})

export const approveInputSchema = workflowInputSchema.extend({
  /** Ids of the check warnings the Dezernentin has acknowledged. */
  acknowledgedWarnings: z.array(cleanString().max(maxIdLength)).max(500).default([]),
  /** Fingerprint of the content the Dezernentin reviewed; refused (409) if the content changed since. */
  fingerprint: cleanString().max(maxIdLength).optional(),
})
export type ApproveInput = z.input<typeof approveInputSchema>

export const requestChangesInputSchema = z.object({
  version: versionSchema(),
  comment: requiredText({
    maxLength: maxChangeRequestCommentLength,
    missing: 'Bitte einen Kommentar angeben: Was soll die Redaktion ändern?',
    noun: 'Der Kommentar',
  }),
})
export type RequestChangesInput = z.infer<typeof requestChangesInputSchema>

/** Longest reason for taking back "Als versendet markieren". */
export const maxUnpublishReasonLength = 2000

export const unpublishInputSchema = z.object({
  version: versionSchema(),
  reason: requiredText({
    maxLength: maxUnpublishReasonLength,
    missing: 'Bitte einen Grund angeben: Warum wird der Versand zurückgenommen?',
    noun: 'Der Grund',
  }),
})
export type UnpublishInput = z.infer<typeof unpublishInputSchema>

/**
 * Rules that relate the dates of an issue: the Redaktionsschluss must lie before the send date
 * (same day allowed), and a new one must not lie in the past — on creation, and on an edit that
 * changes it (`previousDeadline`: the stored one; an unchanged past deadline stays allowed).
 */
export function issueDateErrors(
  dates: { deadline: string; plannedSendDate: string },
  options: { now: Date; creating: boolean; previousDeadline?: string },
): FieldError[] {
  const errors: FieldError[] = []
  const deadline = new Date(dates.deadline).getTime()
  const changed =
    options.creating ||
    (options.previousDeadline !== undefined &&
      deadline !== new Date(options.previousDeadline).getTime())
  if (changed && deadline <= options.now.getTime()) {
    errors.push({
      path: 'deadline',
      message: 'Der Redaktionsschluss darf nicht in der Vergangenheit liegen.',
    })
  }
  if (berlinDate(dates.deadline) > dates.plannedSendDate) {
    errors.push({
      path: 'plannedSendDate',
      message: 'Das Erscheinungsdatum darf nicht vor dem Redaktionsschluss liegen.',
    })
  }
  return errors
}

/**
 * How an issue is named in headings and links: "Ausgabe August 2018". A label that already
 * says "Ausgabe …" is not prefixed again.
 */
export function issueTitle(label: string): string {
  return /^ausgabe\b/i.test(label.trim()) ? label.trim() : `Ausgabe ${label}`
}

/** What the Redaktionsschluss means for an issue now, as shown beside it. */
export interface DeadlineNote {
  tone: 'ok' | 'urgent' | 'overdue' | 'done'
  label: string
}

const doneLabels: Partial<Record<IssueStatus, string>> = {
  in_review: 'eingereicht',
  approved: 'freigegeben',
  published: 'versendet',
}

/**
 * The time left until the Redaktionsschluss while the Redaktion still works on the issue; once
 * it is submitted, approved or sent the deadline is met and the note says so instead of counting.
 */
export function deadlineNote(issue: Pick<Issue, 'status' | 'deadline'>, now: Date): DeadlineNote {
  const done = doneLabels[issue.status]
  if (done) return { tone: 'done', label: done }
  const left = timeLeft(issue.deadline, now)
  return { tone: left.overdue ? 'overdue' : left.urgent ? 'urgent' : 'ok', label: left.label }
}
