import { z } from 'zod'
import { cleanString, idSchema } from './clean-text'

export const roleSchema = z.enum(['editor', 'head', 'designer'])
/** Role of a user: editorial staff, department head (Dezernentin) or designer. */
export type Role = z.infer<typeof roleSchema>

export const userSchema = z.object({
  id: idSchema(),
  name: cleanString().min(1),
  role: roleSchema,
})
export type User = z.infer<typeof userSchema>
