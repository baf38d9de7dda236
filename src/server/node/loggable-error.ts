/**
 * PGlite's query errors carry the failed query's parameters (article text, password hashes):
 * the log gets a copy of the error without them.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof Error) || !('params' in error)) return error
  const copy = Object.assign(new Error(error.message), error, { params: undefined })
  copy.name = error.name
  copy.stack = error.stack
  return copy
}
