import { describe, expect, it } from 'vitest'
import { docFromParagraphs, emptyDoc } from './rich-text'
import {
  daysUntilPurge,
  deletionProblem,
  isEmptyArticle,
  trashPurgeAt,
  trashPurgeBefore,
} from './trash'

describe('Papierkorb', () => {
  it('hält 30 Tage bereit und zählt die Tage bis zum endgültigen Löschen', () => {
    expect(trashPurgeAt('2026-03-01T09:00:00.000Z')).toBe('2026-03-31T09:00:00.000Z')
    expect(trashPurgeBefore(new Date('2026-03-31T09:00:00.000Z'))).toBe('2026-03-01T09:00:00.000Z')
    expect(daysUntilPurge('2026-03-31T09:00:00.000Z', new Date('2026-03-30T10:00:00Z'))).toBe(1)
    expect(daysUntilPurge('2026-03-31T09:00:00.000Z', new Date('2026-04-02T10:00:00Z'))).toBe(0)
  })

  it('erkennt einen Beitrag, in den nichts geschrieben wurde', () => {
    const empty = { headline: ' ', body: emptyDoc(), photos: [] }
    expect(isEmptyArticle(empty)).toBe(true)
    expect(isEmptyArticle({ ...empty, headline: 'Titel' })).toBe(false)
    expect(isEmptyArticle({ ...empty, body: docFromParagraphs(['', 'Ein Satz.']) })).toBe(false)
  })

  it('löscht nur Beiträge, die in keiner Ausgabe stehen', () => {
    expect(deletionProblem({ issueId: null })).toBeNull()
    expect(deletionProblem({ issueId: 'ausgabe-2018-08' })).toMatch(/aus der Ausgabe heraus/)
  })
})
