import { z } from 'zod'
import { photoSchema } from './article'
import { berlinDate } from './deadline'
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
const dateTime = z.iso.datetime({
  offset: true,
  message: 'Bitte Datum und Uhrzeit angeben.',
})

/** The content an approval covers, kept so that later changes can be shown as a diff. */
export const approvedContentSchema = z.object({
  articles: z.array(
    z.object({
      id: z.string().min(1),
      headline: z.string(),
      body: richTextDocSchema,
      photos: z.array(photoSchema),
    }),
  ),
})
export type ApprovedContent = z.infer<typeof approvedContentSchema>

export const approvalSchema = z.object({
  approvedBy: z.string().min(1),
  approvedAt: z.iso.datetime(),
  fingerprint: z.string().min(1),
  content: approvedContentSchema,
})
export type Approval = z.infer<typeof approvalSchema>

export const changeRequestSchema = z.object({
  comment: z.string().min(1),
  requestedBy: z.string().min(1),
  requestedAt: z.iso.datetime(),
})
export type ChangeRequest = z.infer<typeof changeRequestSchema>

export const issueSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  deadline: z.iso.datetime(),
  plannedSendDate: calendarDate,
  articleIds: z.array(z.string().min(1)),
  status: issueStatusSchema,
  approval: approvalSchema.nullable(),
  /** The last approval that a change, a request for changes or a reopening took back. */
  withdrawnApproval: approvalSchema
    .extend({ withdrawnAt: z.iso.datetime(), withdrawnBy: z.string().min(1) })
    .nullable(),
  changeRequest: changeRequestSchema.nullable(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
/** An Ausgabe: its Redaktionsschluss (`deadline`, UTC instant), send date and ordered articles. */
export type Issue = z.infer<typeof issueSchema>

/** Longest title of an Ausgabe. */
export const maxIssueLabelLength = 120

/** Longest Kommentar of a request for changes. */
export const maxChangeRequestCommentLength = 5000

const label = z
  .string()
  .trim()
  .min(1, { message: 'Bitte einen Titel der Ausgabe angeben.' })
  .max(maxIssueLabelLength, {
    message: `Der Titel der Ausgabe darf höchstens ${maxIssueLabelLength} Zeichen lang sein.`,
  })

export const createIssueInputSchema = z.object({
  label,
  deadline: dateTime,
  plannedSendDate: calendarDate,
})
export type CreateIssueInput = z.infer<typeof createIssueInputSchema>

export const updateIssueInputSchema = z.object({
  version: z.number().int().positive(),
  label: label.optional(),
  deadline: dateTime.optional(),
  plannedSendDate: calendarDate.optional(),
})
export type UpdateIssueInput = z.infer<typeof updateIssueInputSchema>

export const arrangeIssueInputSchema = z.object({
  version: z.number().int().positive(),
  articleIds: z.array(z.string().min(1)).refine((ids) => new Set(ids).size === ids.length, {
    message: 'Ein Beitrag darf nur einmal in der Ausgabe stehen.',
  }),
})
export type ArrangeIssueInput = z.infer<typeof arrangeIssueInputSchema>

export const workflowInputSchema = z.object({
  version: z.number().int().positive(),
})

export const approveInputSchema = workflowInputSchema.extend({
  /** Ids of the check warnings the Dezernentin has acknowledged. */
  acknowledgedWarnings: z.array(z.string()).max(500).default([]),
  /** Fingerprint of the content the Dezernentin reviewed; refused (409) if the content changed since. */
  fingerprint: z.string().optional(),
})
export type ApproveInput = z.input<typeof approveInputSchema>

export const requestChangesInputSchema = z.object({
  version: z.number().int().positive(),
  comment: z
    .string()
    .trim()
    .min(1, { message: 'Bitte einen Kommentar angeben.' })
    .max(maxChangeRequestCommentLength, {
      message: `Der Kommentar darf höchstens ${maxChangeRequestCommentLength} Zeichen lang sein.`,
    }),
})
export type RequestChangesInput = z.infer<typeof requestChangesInputSchema>

/** A field error in German, addressed by its field name. */
export interface FieldError {
  path: string
  message: string
}

/**
 * Rules that relate the dates of an issue: the Redaktionsschluss must lie before the send date
 * (same day allowed), and on creation it must not lie in the past.
 */
export function issueDateErrors(
  dates: { deadline: string; plannedSendDate: string },
  options: { now: Date; creating: boolean },
): FieldError[] {
  const errors: FieldError[] = []
  if (options.creating && new Date(dates.deadline).getTime() <= options.now.getTime()) {
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
