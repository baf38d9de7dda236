import { z } from 'zod'

/** Why a text with a NUL character or a lone surrogate half is refused, in German. */
export const uncleanTextMessage = 'Der Text enthält unzulässige Zeichen.'

/** Longest id (of an article, issue, photo or person) the API accepts in a path, query or body. */
export const maxIdLength = 200

/**
 * True when a text can be stored and sent: it contains no NUL character (PostgreSQL refuses it in
 * text and jsonb) and no lone UTF-16 surrogate half (it has no UTF-8 encoding and breaks JSON).
 */
export function isCleanText(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0) return false
    if (code >= 0xdc00 && code <= 0xdfff) return false
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      index++
    }
  }
  return true
}

/** The start of every string schema of the domain: a string that `isCleanText` accepts. */
export function cleanString() {
  return z.string().refine(isCleanText, { message: uncleanTextMessage })
}

/**
 * A text the user must give (a comment, a reason): trimmed, not empty, at most `maxLength`
 * characters. `noun` names it in the length message ("Der Kommentar", "Der Grund").
 */
export function requiredText(options: { maxLength: number; missing: string; noun: string }) {
  return cleanString()
    .trim()
    .min(1, { message: options.missing })
    .max(options.maxLength, {
      message: `${options.noun} darf höchstens ${options.maxLength} Zeichen lang sein.`,
    })
}

/** An id as the API accepts it: clean, not empty, at most `maxIdLength` characters. */
export function idSchema() {
  return cleanString()
    .min(1, { message: 'Die Kennung fehlt.' })
    .max(maxIdLength, { message: `Eine Kennung hat höchstens ${maxIdLength} Zeichen.` })
}

/** A version number as the API accepts it; the database stores versions as 32-bit integers. */
export const maxVersion = 2_147_483_647

export function versionSchema() {
  return z
    .number({ message: 'Die Version fehlt oder ist ungültig.' })
    .int({ message: 'Die Version fehlt oder ist ungültig.' })
    .positive({ message: 'Die Version fehlt oder ist ungültig.' })
    .max(maxVersion, { message: 'Die Version fehlt oder ist ungültig.' })
}

/** Where in a JSON value (dotted path) a string or key with forbidden characters sits, if anywhere. */
export function findUncleanText(value: unknown): string | null {
  // iterative, so that no nesting depth of the input can overflow the stack
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }]
  const join = (path: string, key: string | number) =>
    path === '' ? String(key) : `${path}.${key}`
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() ?? { value: null, path: '' }
    if (typeof current === 'string') {
      if (!isCleanText(current)) return path
    } else if (Array.isArray(current)) {
      current.forEach((element, index) => stack.push({ value: element, path: join(path, index) }))
    } else if (current !== null && typeof current === 'object') {
      for (const [key, element] of Object.entries(current)) {
        if (!isCleanText(key)) return join(path, '?')
        stack.push({ value: element, path: join(path, key) })
      }
    }
  }
  return null
}
