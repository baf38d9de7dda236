import { describe, expect, it } from 'vitest'
import {
  endsEditingSession,
  milestoneVersion,
  saveMayKeepVersion,
  summariseVersion,
  versionsForRestore,
  versionsForSave,
  type ArticleVersion,
} from './article-versions'
import { docFromParagraphs, emptyDoc } from './rich-text'

const at = (minutes: number) => new Date(Date.UTC(2026, 9, 1, 8, minutes)).toISOString()

const state = (
  text: string,
  overrides: { minutes?: number; by?: string; status?: 'draft' | 'ready' } = {},
) => ({
  id: 'beitrag',
  headline: 'Sprechzeiten',
  body: docFromParagraphs([text]),
  photos: [],
  status: overrides.status ?? ('draft' as const),
  updatedAt: at(overrides.minutes ?? 0),
  updatedBy: overrides.by ?? 'frank',
})

describe('Versionen eines Beitrags', () => {
  it('beginnt eine neue Sitzung nach 10 Minuten oder mit einer anderen Person', () => {
    const last = { at: at(0), by: 'frank' }
    expect(endsEditingSession(last, { at: at(9), by: 'frank' })).toBe(false)
    expect(endsEditingSession(last, { at: at(10), by: 'frank' })).toBe(true)
    expect(endsEditingSession(last, { at: at(1), by: 'sandra' })).toBe(true)
  })

  it('hält bei einer Speicherung in derselben Sitzung nichts fest', () => {
    const stored = state('Alt')
    const saved = state('Alt und neu', { minutes: 3 })
    expect(saveMayKeepVersion(stored, saved)).toBe(false)
    expect(versionsForSave({ latest: null, stored, saved })).toEqual([])
  })

  it('hält nach einer Pause den Stand davor fest, mit wem und wann er gespeichert wurde', () => {
    const stored = state('Stand vor der Pause', { minutes: 0 })
    const saved = state('Weiter geschrieben', { minutes: 25 })
    expect(versionsForSave({ latest: null, stored, saved })).toEqual([
      {
        articleId: 'beitrag',
        headline: 'Sprechzeiten',
        body: stored.body,
        photos: [],
        createdAt: at(0),
        createdBy: 'frank',
        reason: 'pause',
        restoredFrom: null,
      },
    ])
  })

  it('hält einen leeren Stand oder einen, den die letzte Version schon hat, nicht noch einmal fest', () => {
    const saved = state('Erster Satz', { minutes: 30 })
    const empty = { ...state(''), headline: '', body: emptyDoc() }
    expect(versionsForSave({ latest: null, stored: empty, saved })).toEqual([])
    const stored = state('Schon festgehalten')
    expect(versionsForSave({ latest: stored, stored, saved })).toEqual([])
  })

  it('hält bei einem Statuswechsel den gespeicherten Stand fest, eine gleiche Pausenversion nicht', () => {
    const stored = state('Fertiger Text', { minutes: 0 })
    const saved = state('Fertiger Text', { minutes: 30, by: 'sandra', status: 'ready' })
    expect(
      versionsForSave({ latest: null, stored, saved }).map(({ reason, createdBy }) => ({
        reason,
        createdBy,
      })),
    ).toEqual([{ reason: 'status', createdBy: 'sandra' }])

    const changed = { ...saved, body: docFromParagraphs(['Geänderter fertiger Text']) }
    expect(
      versionsForSave({ latest: null, stored, saved: changed }).map((version) => version.reason),
    ).toEqual(['pause', 'status'])
  })

  it('hält beim Wiederherstellen den ersetzten und den wiederhergestellten Stand fest', () => {
    const restoring: ArticleVersion = {
      ...milestoneVersion(state('Eingereicht'), 'submitted', { at: at(0), by: 'frank' }),
      number: 4,
    }
    const stored = state('Danach verdorben', { minutes: 5 })
    const kept = versionsForRestore({
      latest: restoring,
      stored,
      restoring,
      by: { at: at(6), by: 'sandra' },
    })
    expect(
      kept.map(({ reason, restoredFrom, createdBy }) => ({ reason, restoredFrom, createdBy })),
    ).toEqual([
      { reason: 'before_restore', restoredFrom: null, createdBy: 'frank' },
      { reason: 'restored', restoredFrom: 4, createdBy: 'sandra' },
    ])
    expect(kept[1]?.body).toEqual(restoring.body)

    // the replaced state is the newest version already: only the restored one is added
    expect(
      versionsForRestore({ latest: stored, stored, restoring, by: { at: at(6), by: 'sandra' } }),
    ).toHaveLength(1)
  })

  it('zählt die Wörter des Textes wie der Zähler im Editor (ohne Überschrift)', () => {
    const version: ArticleVersion = {
      ...milestoneVersion(state('Drei kurze Wörter.'), 'approved', { at: at(0), by: 'sandra' }),
      number: 1,
    }
    expect(summariseVersion(version)).toEqual({
      number: 1,
      createdAt: at(0),
      createdBy: 'sandra',
      reason: 'approved',
      restoredFrom: null,
      wordCount: 3,
    })
  })
})
