import { describe, expect, it } from 'vitest'
import { readinessProblems } from './article-findings'
import { docFromParagraphs } from './rich-text'
import { deadlineNote, issueDateErrors } from './issue'

describe('Daten einer Ausgabe', () => {
  const now = new Date('2026-11-25T12:00:00Z')

  it('akzeptiert Redaktionsschluss vor oder am Erscheinungstag', () => {
    expect(
      issueDateErrors(
        { deadline: '2026-12-01T11:00:00.000Z', plannedSendDate: '2026-12-01' },
        { now, creating: true },
      ),
    ).toEqual([])
  })

  it('lehnt Erscheinungsdatum vor dem Redaktionsschluss und vergangene Fristen ab', () => {
    const errors = issueDateErrors(
      { deadline: '2026-11-20T11:00:00.000Z', plannedSendDate: '2026-11-19' },
      { now, creating: true },
    )
    expect(errors.map((error) => error.path)).toEqual(['deadline', 'plannedSendDate'])
    expect(
      issueDateErrors(
        { deadline: '2026-11-20T11:00:00.000Z', plannedSendDate: '2026-11-21' },
        { now, creating: false },
      ),
    ).toEqual([])
  })

  it('lehnt beim Bearbeiten einen neuen Redaktionsschluss in der Vergangenheit ab, einen alten nicht', () => {
    const past = '2026-11-20T11:00:00.000Z'
    const dates = { deadline: past, plannedSendDate: '2026-11-21' }
    expect(issueDateErrors(dates, { now, creating: false, previousDeadline: past })).toEqual([])
    expect(
      issueDateErrors(dates, {
        now,
        creating: false,
        previousDeadline: '2026-11-24T11:00:00.000Z',
      }),
    ).toEqual([
      {
        path: 'deadline',
        message: 'Der Redaktionsschluss darf nicht in der Vergangenheit liegen.',
      },
    ])
    expect(
      issueDateErrors(
        { deadline: '2026-11-30T11:00:00.000Z', plannedSendDate: '2026-12-01' },
        { now, creating: false, previousDeadline: past },
      ),
    ).toEqual([])
  })

  it('nennt fehlende Überschrift und Alternativtexte, nicht aber dekorative Fotos', () => {
    const photo = { mediaId: 'm', caption: '', credit: 'Stadt Gera', alt: '', decorative: false }
    expect(
      readinessProblems({
        id: 'a',
        headline: ' ',
        body: docFromParagraphs(['Text']),
        photos: [photo, { ...photo, mediaId: 'n', decorative: true }],
      }),
    ).toEqual(['Die Überschrift fehlt.', 'Foto 1: Der Alternativtext fehlt.'])
  })
})

describe('Status eines Beitrags beim Speichern', () => {
  it('verweigert „fertig“ mit fehlenden Angaben, setzt fertige Beiträge aber still zurück', async () => {
    const { nextArticleStatus } = await import('./article')
    expect(nextArticleStatus('draft', 'ready', ['fehlt'])).toEqual({ refused: ['fehlt'] })
    expect(nextArticleStatus('ready', undefined, ['fehlt'])).toEqual({ status: 'draft' })
    expect(nextArticleStatus('ready', undefined, [])).toEqual({ status: 'ready' })
    expect(nextArticleStatus('draft', 'ready', [])).toEqual({ status: 'ready' })
    expect(nextArticleStatus('ready', 'draft', [])).toEqual({ status: 'draft' })
  })
})

describe('deadlineNote', () => {
  const now = new Date('2026-12-01T10:00:00Z')
  const deadline = '2026-12-04T10:00:00Z'
  it('zählt, solange die Redaktion arbeitet, und sagt danach, was erledigt ist', () => {
    expect(deadlineNote({ status: 'draft', deadline }, now)).toEqual({
      tone: 'ok',
      label: 'noch 3 Tage',
    })
    expect(
      deadlineNote({ status: 'changes_requested', deadline: '2026-11-30T10:00:00Z' }, now),
    ).toEqual({
      tone: 'overdue',
      label: 'überfällig',
    })
    expect(deadlineNote({ status: 'in_review', deadline }, now)).toEqual({
      tone: 'done',
      label: 'eingereicht',
    })
    expect(deadlineNote({ status: 'approved', deadline }, now)).toEqual({
      tone: 'done',
      label: 'freigegeben',
    })
    expect(deadlineNote({ status: 'published', deadline }, now)).toEqual({
      tone: 'done',
      label: 'versendet',
    })
  })
})
