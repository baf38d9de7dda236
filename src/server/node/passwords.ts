import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt's cost: N (CPU and memory), r (block size), p (parallelism). */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (128 MiB, ~0.4 s here). */
export const recommendedCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }
const keyLength = 64

/**
 * The cost new hashes get: the recommendation, unless PASSWORD_HASH_COST (log2 of N, 10–20)
 * says otherwise — the tests lower it, since every sign-in of theirs would take 0.4 s.
 */
export function currentCost(environment: NodeJS.ProcessEnv = process.env): ScryptCost {
  const log2 = Number(environment.PASSWORD_HASH_COST)
  if (!Number.isInteger(log2) || log2 < 10 || log2 > 20) return recommendedCost
  return { ...recommendedCost, N: 2 ** log2 }
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** Hashes a password with scrypt: `scrypt$N$r$p$salt$hash` (base64), parameters kept per hash. */
export async function hashPassword(
  password: string,
  cost: ScryptCost = currentCost(),
): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  )
}

interface ParsedHash {
  cost: ScryptCost
  salt: Buffer
  key: Buffer
}

function parseHash(passwordHash: string): ParsedHash | null {
  const [scheme, n, r, p, salt, key, ...rest] = passwordHash.split('$')
  if (scheme !== 'scrypt' || !salt || !key || rest.length > 0) return null
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const powerOfTwo = Number.isInteger(Math.log2(cost.N)) && cost.N >= 2 ** 10 && cost.N <= 2 ** 20
  if (!powerOfTwo || !Number.isInteger(cost.r) || !Number.isInteger(cost.p)) return null
  if (cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) return null
  const expected = Buffer.from(key, 'base64')
  if (expected.length !== keyLength) return null
  return { cost, salt: Buffer.from(salt, 'base64'), key: expected }
}

/** Whether a stored hash uses weaker parameters than today's, so it is replaced at the next sign-in. */
export function needsRehash(passwordHash: string, cost: ScryptCost = currentCost()): boolean {
  const parsed = parseHash(passwordHash)
  if (!parsed) return true
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p
}

/** After a successful sign-in: a hash at today's cost when the stored one is weaker (null: keep it). */
export async function rehashPassword(
  passwordHash: string,
  password: string,
): Promise<string | null> {
  return needsRehash(passwordHash) ? hashPassword(password) : null
}

let unknownLoginHash: Promise<string> | null = null

/**
 * Checks a password against a stored hash in constant time. For an unknown login (`null`) it
 * runs the same scrypt against a hash of a random password at today's cost, so that an unknown
 * login cannot be told from a wrong password by the time the answer takes. Malformed hashes
 * never match.
 */
export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  unknownLoginHash ??= hashPassword(randomBytes(32).toString('base64'))
  const parsed = parseHash(passwordHash ?? (await unknownLoginHash))
  if (!parsed) return false
  const actual = await derive(password, parsed.salt, parsed.cost)
  return timingSafeEqual(actual, parsed.key) && passwordHash !== null
}

/** Rules for a new password, with the German reason when it is too weak (null: fine). */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Das Passwort muss mindestens 12 Zeichen lang sein.'
  if (password.length > 1000) return 'Das Passwort darf höchstens 1000 Zeichen lang sein.'
  return null
}
