import { z } from 'zod'
import { cleanString, idSchema } from './clean-text'

/** Demo sign-in: the person is picked from the list, no password. */
export const demoSignInInputSchema = z.object({ userId: idSchema() })

/** Password sign-in on the real server. */
export const passwordSignInInputSchema = z.object({
  login: cleanString().trim().min(1, 'Bitte den Benutzernamen angeben.').max(200),
  password: cleanString().min(1, 'Bitte das Passwort angeben.').max(1000),
})
export type PasswordSignInInput = z.infer<typeof passwordSignInInputSchema>
