import { z } from 'zod'
import { cleanString, idSchema } from './clean-text'

export const auditActionSchema = z.enum([
  'issue.created',
  'issue.updated',
  'issue.arranged',
  'issue.submitted',
  'issue.approved',
  'issue.changes_requested',
  'issue.published',
  'issue.reopened',
  'issue.approval_withdrawn',
  'issue.deadline_changed',
  'article.created',
  'article.updated',
  'article.deleted',
  'publication.updated',
  'media.uploaded',
])
export type AuditAction = z.infer<typeof auditActionSchema>

export const auditActionLabels: Record<AuditAction, string> = {
  'issue.created': 'Ausgabe angelegt',
  'issue.updated': 'Ausgabe geändert',
  'issue.arranged': 'Inhalt der Ausgabe geändert',
  'issue.submitted': 'Zur Freigabe eingereicht',
  'issue.approved': 'Freigegeben',
  'issue.changes_requested': 'Änderungen angefordert',
  'issue.published': 'Als versendet markiert',
  'issue.reopened': 'Wieder geöffnet',
  'issue.approval_withdrawn': 'Freigabe zurückgenommen (Inhalt geändert)',
  'issue.deadline_changed': 'Redaktionsschluss geändert',
  'article.created': 'Beitrag angelegt',
  'article.updated': 'Beitrag geändert',
  'article.deleted': 'Beitrag gelöscht',
  'publication.updated': 'Einstellungen geändert',
  'media.uploaded': 'Foto hochgeladen',
}

export const auditEventSchema = z.object({
  id: idSchema(),
  at: z.iso.datetime(),
  actorId: idSchema(),
  action: auditActionSchema,
  resourceType: z.enum(['issue', 'article', 'publication', 'media']),
  resourceId: idSchema(),
  detail: cleanString().nullable(),
})
/** One entry of the Verlauf: who did what, when, to which resource. */
export type AuditEvent = z.infer<typeof auditEventSchema>
