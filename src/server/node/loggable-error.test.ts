import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { loggableError } from './loggable-error'

function logLine(error: unknown): Record<string, unknown> {
  const lines: string[] = []
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) })
  logger.error({ err: loggableError(error) }, 'Unerwarteter Fehler')
  return JSON.parse(lines[0] ?? '{}') as Record<string, unknown>
}

describe('Fehler im Log', () => {
  it('lässt die Parameter einer fehlgeschlagenen Abfrage weg, behält Meldung, Code und Abfrage', () => {
    const failed = Object.assign(new Error('could not extend file: No space left on device'), {
      code: '53100',
      query: 'insert into "articles" ("id", "data") values ($1, $2)',
      params: ['beitrag-1', '{"headline":"Vertraulicher Entwurf"}'],
    })
    const line = logLine(failed)
    expect(JSON.stringify(line)).not.toContain('Vertraulicher Entwurf')
    expect(line.err).toMatchObject({
      message: 'could not extend file: No space left on device',
      code: '53100',
      query: 'insert into "articles" ("id", "data") values ($1, $2)',
    })
    expect((line.err as { stack: string }).stack).toContain('No space left on device')
    expect(failed.params).toHaveLength(2)
  })

  it('gibt andere Fehler unverändert weiter', () => {
    const plain = new Error('Absichtlicher Testfehler im Speicher')
    expect(loggableError(plain)).toBe(plain)
    expect(loggableError('Text')).toBe('Text')
  })
})
