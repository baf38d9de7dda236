import type { z } from 'zod'

/** A field error in German, addressed by its field name. */
export interface FieldError {
  path: string
  message: string
}

/**
 * The German messages of zod issues by dotted field path ("impressum.email", "articleIds.0"),
 * the first one per field. An issue that reports its input (forms parse with `reportInput: true`)
 * about a too-long text also says how long the text is now; the server never echoes input.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const path = issue.path.map(String).join('.')
    if (path in errors) continue
    errors[path] =
      issue.code === 'too_big' && typeof issue.input === 'string'
        ? issue.message.replace(/\.?$/, ` (jetzt ${issue.input.length.toLocaleString('de-DE')}).`)
        : issue.message
  }
  return errors
}

/** Field errors as a list, in the order of their fields. */
export function fieldErrorList(errors: Record<string, string>): FieldError[] {
  return Object.entries(errors).map(([path, message]) => ({ path, message }))
}
