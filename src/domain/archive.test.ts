import { describe, expect, it } from 'vitest'
import { archiveSlug, archiveSlugSchema } from './archive'

describe('Archivadresse', () => {
  it('ist der Monat des Erscheinungsdatums, ab der zweiten Ausgabe mit Zähler', () => {
    expect(archiveSlug('2018-08-15', new Set())).toBe('2018-08')
    expect(archiveSlug('2018-08-15', new Set(['2018-07', '2018-09']))).toBe('2018-08')
    expect(archiveSlug('2018-08-30', new Set(['2018-08']))).toBe('2018-08-2')
    expect(archiveSlug('2018-08-30', new Set(['2018-08', '2018-08-2', '2018-08-3']))).toBe(
      '2018-08-4',
    )
    // a gap left by an address that was never used is filled
    expect(archiveSlug('2018-08-30', new Set(['2018-08', '2018-08-3']))).toBe('2018-08-2')
  })

  it('nimmt nur Adressen an, die archiveSlug vergeben kann', () => {
    for (const slug of ['2018-08', '2018-08-2', '2018-08-10', '2018-08-123'])
      expect(archiveSlugSchema.safeParse(slug).success, slug).toBe(true)
    for (const slug of ['2018-8', '2018-08-1', '2018-08-0', '2018-08-02', '2018-08-', 'rss.xml'])
      expect(archiveSlugSchema.safeParse(slug).success, slug).toBe(false)
  })
})
