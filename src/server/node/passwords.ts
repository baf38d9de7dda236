import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const cost = { N: 16384, r: 8, p: 1 } as const
const keyLength = 64

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

/** Hashes a password with scrypt: `scrypt$N$r$p$salt$hash` (base64), parameters kept per hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  )
}

/** Checks a password against a stored hash in constant time; false for malformed hashes. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = passwordHash.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  if (expected.length !== keyLength) return false
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return timingSafeEqual(actual, expected)
}

/** Rules for a new password, with the German reason when it is too weak (null: fine). */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Das Passwort muss mindestens 12 Zeichen lang sein.'
  if (password.length > 1000) return 'Das Passwort darf höchstens 1000 Zeichen lang sein.'
  return null
}
