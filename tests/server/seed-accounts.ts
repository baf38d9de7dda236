import { seedUsers } from '../../mocks/seed/august-2018'
import { hashPassword } from '../../src/server/node/passwords'
import type { Credential } from '../../src/server/store'
import type { Role } from '../../src/domain/user'

/** Login names and passwords of the three seed people, for tests of the real sign-in only. */
export const seedAccounts: Record<Role, { userId: string; login: string; password: string }> = {
  editor: { userId: 'frank-ruehling', login: 'frank.ruehling', password: 'Redaktion-Gera-2018' },
  head: { userId: 'sandra-wanzar', login: 'sandra.wanzar', password: 'Dezernat-Soziales-2018' },
  designer: { userId: 'jana-krause', login: 'jana.krause', password: 'Gestaltung-Gera-2018' },
}

let hashed: Promise<Credential[]> | null = null

/** The seed accounts with scrypt hashes (hashed once per process). */
export function seedCredentials(): Promise<Credential[]> {
  hashed ??= Promise.all(
    Object.values(seedAccounts).map(async (account) => {
      if (!seedUsers.some((user) => user.id === account.userId)) {
        throw new Error(`Unbekannte Seed-Person ${account.userId}`)
      }
      return {
        login: account.login,
        userId: account.userId,
        passwordHash: await hashPassword(account.password),
      }
    }),
  )
  return hashed
}
