import type { DataTag, QueryClient, QueryKey } from '@tanstack/react-query'
import type { z } from 'zod'
import { ConflictError } from './api-error'

/**
 * The server's current version sent with a 409, parsed by the domain schema: the typed value,
 * or null when the error is no conflict or `current` is missing or malformed.
 */
export function conflictCurrent<T>(error: unknown, schema: z.ZodType<T>): T | null {
  if (!(error instanceof ConflictError) || error.current == null) return null
  const parsed = schema.safeParse(error.current)
  return parsed.success ? parsed.data : null
}

/**
 * Takes the server's current version of a 409 as the new base: it replaces the cached value, so
 * the next write goes out with the current version. Returns the adopted value, or null.
 */
export function adoptConflictCurrent<T, TError>(
  queryClient: QueryClient,
  queryKey: DataTag<QueryKey, T, TError>,
  error: unknown,
  schema: z.ZodType<T>,
): T | null {
  const current = conflictCurrent(error, schema)
  if (current) queryClient.setQueryData(queryKey, current)
  return current
}
