import { expect } from 'vitest'
import { ApiError } from '../../src/backend/api-error'

/** Awaits a rejection with an ApiError of `status`, and returns it for further checks. */
export async function rejection(promise: Promise<unknown>, status: number): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error, `erwartet: Fehler ${status}`).toBeInstanceOf(ApiError)
  expect((error as ApiError).status).toBe(status)
  return error as ApiError
}
