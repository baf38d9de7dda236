import type { Role } from './user'

/** Everything a user may or may not do, checked by the UI and enforced by the backend. */
export type Permission =
  | 'article.write'
  | 'article.delete'
  | 'issue.create'
  | 'issue.edit'
  | 'issue.arrange'
  | 'issue.submit'
  | 'issue.approve'
  | 'issue.requestChanges'
  | 'issue.publish'
  | 'issue.unpublish'
  | 'issue.reopen'
  | 'issue.extendDeadline'
  | 'publication.edit'
  | 'media.upload'
  | 'layout.edit'
  | 'preview.export'
  | 'recipients.read'
  | 'recipients.manage'
  | 'issue.send'
  | 'issue.testSend'
  | 'issue.archiveWithdraw'

const editorial: readonly Role[] = ['editor', 'head']
const everyone: readonly Role[] = ['editor', 'head', 'designer']

const matrix: Record<Permission, readonly Role[]> = {
  'article.write': editorial,
  'article.delete': editorial,
  'issue.create': editorial,
  'issue.edit': editorial,
  'issue.arrange': editorial,
  'issue.submit': editorial,
  'issue.approve': ['head'],
  'issue.requestChanges': ['head'],
  'issue.publish': editorial,
  'issue.unpublish': ['head'],
  'issue.reopen': ['head'],
  'issue.extendDeadline': ['head'],
  'publication.edit': editorial,
  'media.upload': [...editorial, 'designer'],
  'layout.edit': ['head', 'designer'],
  'preview.export': everyone,
  // Gestaltung sees no addresses (data minimisation), so it neither reads the list nor sends
  'recipients.read': editorial,
  'recipients.manage': editorial,
  'issue.send': editorial,
  'issue.testSend': everyone,
  // a legal takedown is the Dezernentin's decision
  'issue.archiveWithdraw': ['head'],
}

const deniedMessages: Record<Permission, string> = {
  'article.write': 'Nur die Redaktion und die Dezernentin dürfen Beiträge bearbeiten.',
  'article.delete':
    'Nur die Redaktion und die Dezernentin dürfen Beiträge löschen oder wiederherstellen.',
  'issue.create': 'Nur die Redaktion und die Dezernentin dürfen Ausgaben anlegen.',
  'issue.edit': 'Nur die Redaktion und die Dezernentin dürfen Ausgaben ändern.',
  'issue.arrange': 'Nur die Redaktion und die Dezernentin dürfen Ausgaben zusammenstellen.',
  'issue.submit': 'Nur die Redaktion und die Dezernentin dürfen eine Ausgabe einreichen.',
  'issue.approve': 'Nur die Dezernentin darf eine Ausgabe freigeben.',
  'issue.requestChanges': 'Nur die Dezernentin darf Änderungen anfordern.',
  'issue.publish': 'Nur die Redaktion und die Dezernentin dürfen eine Ausgabe versenden.',
  'issue.unpublish': 'Nur die Dezernentin darf einen Versand zurücknehmen.',
  'issue.reopen': 'Nur die Dezernentin darf eine Ausgabe wieder öffnen.',
  'issue.extendDeadline':
    'Nur die Dezernentin darf einen abgelaufenen Redaktionsschluss verlängern.',
  'publication.edit': 'Nur die Redaktion und die Dezernentin dürfen das Impressum ändern.',
  'media.upload': 'Fotos hochladen dürfen Redaktion, Dezernentin und Gestaltung.',
  'layout.edit': 'Nur die Gestaltung und die Dezernentin dürfen das Layout ändern.',
  'preview.export': 'Export ist nicht erlaubt.',
  'recipients.read': 'Die Empfängerliste sehen nur die Redaktion und die Dezernentin.',
  'recipients.manage': 'Nur die Redaktion und die Dezernentin dürfen Empfänger ändern.',
  'issue.send': 'Nur die Redaktion und die Dezernentin dürfen eine Ausgabe versenden.',
  'issue.testSend': 'Testversand ist nicht erlaubt.',
  'issue.archiveWithdraw':
    'Nur die Dezernentin darf eine Ausgabe aus dem Archiv nehmen oder wieder hineinstellen.',
}

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return matrix[permission].includes(role)
}

/** The German explanation shown (and returned as 403 detail) when a role lacks a permission. */
export function permissionDeniedMessage(permission: Permission): string {
  return deniedMessages[permission]
}

/** All permissions, for table tests and documentation. */
export const allPermissions = Object.keys(matrix) as Permission[]
