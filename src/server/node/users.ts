import type { Kysely } from 'kysely'
import { z } from 'zod'
import { emailAddressSchema } from '../../domain/subscriber'
import { roleSchema, type Role, type User } from '../../domain/user'
import type { Database } from './database-schema'
import { hashPassword, passwordProblem } from './passwords'

export const newUserSchema = z.object({
  login: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9._-]{1,62}$/i,
      'Der Benutzername darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten (2–63 Zeichen).',
    ),
  name: z.string().trim().min(1, 'Bitte den Namen angeben.').max(200),
  role: roleSchema,
  /** Where notifications go by e-mail (optional; `user:email` sets or removes it later). */
  email: emailAddressSchema.optional(),
  password: z.string().superRefine((password, context) => {
    const problem = passwordProblem(password)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  }),
})
export type NewUser = z.infer<typeof newUserSchema>

/** Creates a person who signs in with login name and password; refuses a login that exists. */
export async function addUser(db: Kysely<Database>, input: NewUser): Promise<User> {
  const { login, name, role, password, email } = newUserSchema.parse(input)
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .executeTakeFirst()
  if (existing) throw new Error(`Den Benutzernamen „${login}“ gibt es schon.`)
  const user: User = { id: crypto.randomUUID(), name, role: role satisfies Role }
  await db
    .insertInto('users')
    .values({ ...user, login, email: email ?? null, password_hash: await hashPassword(password) })
    .execute()
  return user
}

/** Sets (or with null removes) the e-mail address of a login, for notification e-mails. */
export async function setUserEmail(db: Kysely<Database>, login: string, email: string | null) {
  const parsed = email === null ? null : emailAddressSchema.safeParse(email)
  if (parsed && !parsed.success) throw new Error(parsed.error.issues[0]?.message)
  const address = parsed ? parsed.data : null
  const result = await db
    .updateTable('users')
    .set({ email: address })
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) throw new Error(`Den Benutzernamen „${login}“ gibt es nicht.`)
}

/** Sets a new password for an existing login and ends that person's sessions. */
export async function setPassword(db: Kysely<Database>, login: string, password: string) {
  const problem = passwordProblem(password)
  if (problem) throw new Error(problem)
  const user = await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password) })
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .returning('id')
    .executeTakeFirst()
  if (!user) throw new Error(`Den Benutzernamen „${login}“ gibt es nicht.`)
  await db.deleteFrom('sessions').where('user_id', '=', user.id).execute()
}

/** One line of `user:list`. */
export interface AccountSummary {
  login: string | null
  name: string
  role: Role
  disabled: boolean
  openSessions: number
}

/** Every person with login, role, whether the account is disabled, and how many sessions are open. */
export async function listAccounts(
  db: Kysely<Database>,
  now = new Date(),
): Promise<AccountSummary[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('sessions', (join) =>
      join.onRef('sessions.user_id', '=', 'users.id').on('sessions.expires_at', '>', now),
    )
    .select((eb) => [
      'users.login',
      'users.name',
      'users.role',
      'users.disabled_at',
      eb.fn.count<string>('sessions.token_hash').as('open_sessions'),
    ])
    .groupBy(['users.id', 'users.login', 'users.name', 'users.role', 'users.disabled_at'])
    .orderBy('users.name')
    .execute()
  return rows.map((row) => ({
    login: row.login,
    name: row.name,
    role: row.role,
    disabled: row.disabled_at !== null,
    openSessions: Number(row.open_sessions),
  }))
}

/**
 * Disables an account: no more sign-ins, and every open session ends at once (the next request
 * of that person, in any browser, is answered 401). Returns how many sessions were ended.
 */
export async function disableUser(db: Kysely<Database>, login: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
      .returning('id')
      .executeTakeFirst()
    if (!user) throw new Error(`Den Benutzernamen „${login}“ gibt es nicht.`)
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst()
    return Number(ended.numDeletedRows)
  })
}

/** Lets a disabled account sign in again. */
export async function enableUser(db: Kysely<Database>, login: string): Promise<void> {
  const user = await db
    .updateTable('users')
    .set({ disabled_at: null })
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .returning('id')
    .executeTakeFirst()
  if (!user) throw new Error(`Den Benutzernamen „${login}“ gibt es nicht.`)
}
