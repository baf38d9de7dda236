import type { Role } from './user'

/** The roles as the UI names them. Apart from the user schema, so that showing a name needs no zod. */
export const roleLabels: Record<Role, string> = {
  editor: 'Redaktion',
  head: 'Dezernentin',
  designer: 'Gestaltung',
}
