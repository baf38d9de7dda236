import type { LoginFailures } from './store'

/** Failed sign-ins allowed per key before each further attempt has to wait. */
export const freeLoginAttempts = 5
/** Failures older than this are forgotten. */
export const loginFailureWindowMs = 15 * 60 * 1000
const maxWaitMs = 15 * 60 * 1000

/** Milliseconds a sign-in for this key must still wait (0: it may try now). */
export function loginWaitMs(failures: LoginFailures | null, now: Date): number {
  if (!failures || failures.count < freeLoginAttempts) return 0
  const since = now.getTime() - new Date(failures.lastFailedAt).getTime()
  if (since >= loginFailureWindowMs) return 0
  const wait = Math.min(1000 * 2 ** (failures.count - freeLoginAttempts), maxWaitMs)
  return Math.max(0, wait - since)
}

/** The failure record after one more failed attempt. */
export function withOneMoreFailure(
  key: string,
  failures: LoginFailures | null,
  now: Date,
): LoginFailures {
  const fresh =
    failures !== null &&
    now.getTime() - new Date(failures.lastFailedAt).getTime() < loginFailureWindowMs
  return { key, count: fresh ? failures.count + 1 : 1, lastFailedAt: now.toISOString() }
}
