import { describe, expect, it } from 'vitest'
import {
  describePosition,
  movedAnnouncement,
  reduceKeyboardMove,
  type KeyOnCard,
  type KeyboardMoveOutcome,
  type LiftedCard,
} from './board-keyboard'

const order = ['a', 'b', 'c']
const onA = (key: string, shown: readonly string[] = order): KeyOnCard => ({
  key,
  articleId: 'a',
  headline: 'Alpha',
  order: shown,
})

/** Presses keys one after another on card a, starting with nothing lifted. */
function press(keys: string[], shown: readonly string[] = order) {
  const outcomes: (KeyboardMoveOutcome | null)[] = []
  let lifted: LiftedCard | null = null
  for (const key of keys) {
    const outcome = reduceKeyboardMove(lifted, onA(key, shown))
    if (outcome) lifted = outcome.lifted
    outcomes.push(outcome)
  }
  return { outcomes, lifted, last: outcomes.at(-1) }
}

describe('Verschieben per Tastatur', () => {
  it('nimmt mit Leertaste oder Enter auf und sagt an, wie es weitergeht', () => {
    for (const key of [' ', 'Enter']) {
      expect(reduceKeyboardMove(null, onA(key))).toEqual({
        lifted: { articleId: 'a', headline: 'Alpha', origin: order, order },
        announcement:
          '„Alpha“ aufgenommen, Position 1 von 3 im Inhalt der Ausgabe. Mit den Pfeiltasten verschieben, mit der Leertaste ablegen, mit Escape abbrechen.',
        commit: null,
      })
    }
  })

  it('lässt andere Tasten unberührt, solange nichts aufgenommen ist', () => {
    expect(reduceKeyboardMove(null, onA('ArrowDown'))).toBeNull()
    expect(reduceKeyboardMove(null, onA('Tab'))).toBeNull()
    expect(press([' ', 'Tab']).last).toBeNull()
  })

  it('verschiebt nach unten und oben und speichert erst beim Ablegen', () => {
    const { outcomes, lifted } = press([' ', 'ArrowDown', 'ArrowDown', 'ArrowUp'])
    expect(outcomes.map((outcome) => outcome?.announcement.split('.')[0])).toEqual([
      '„Alpha“ aufgenommen, Position 1 von 3 im Inhalt der Ausgabe',
      'Position 2 von 3 im Inhalt der Ausgabe',
      'Position 3 von 3 im Inhalt der Ausgabe',
      'Position 2 von 3 im Inhalt der Ausgabe',
    ])
    expect(outcomes.every((outcome) => outcome?.commit === null)).toBe(true)
    expect(lifted?.order).toEqual(['b', 'a', 'c'])

    const dropped = reduceKeyboardMove(lifted, onA(' '))
    expect(dropped).toEqual({
      lifted: null,
      announcement: '„Alpha“ abgelegt, Position 2 von 3 im Inhalt der Ausgabe.',
      commit: ['b', 'a', 'c'],
    })
  })

  it('legt ohne Speichern ab, wenn die Karte wieder am Ausgangsort liegt', () => {
    expect(press([' ', 'ArrowDown', 'ArrowUp', 'Enter']).last).toMatchObject({
      lifted: null,
      commit: null,
    })
  })

  it('bricht mit Escape ab und nennt den Ausgangsort', () => {
    expect(press([' ', 'ArrowDown', 'Escape']).last).toEqual({
      lifted: null,
      announcement:
        'Verschieben abgebrochen. „Alpha“ bleibt Position 1 von 3 im Inhalt der Ausgabe.',
      commit: null,
    })
  })

  it('nimmt mit links heraus und mit rechts wieder ans Ende auf', () => {
    const out = press([' ', 'ArrowLeft'])
    expect(out.last?.announcement).toBe('im Themenspeicher.')
    expect(out.lifted?.order).toEqual(['b', 'c'])
    const back = reduceKeyboardMove(out.lifted, onA('ArrowRight'))
    expect(back?.lifted?.order).toEqual(['b', 'c', 'a'])
    expect(back?.announcement).toBe('Position 3 von 3 im Inhalt der Ausgabe.')
  })

  it('sagt, wenn es in eine Richtung nicht weitergeht, und behält die Karte', () => {
    const atTop = press([' ', 'ArrowUp'])
    expect(atTop.last).toEqual({
      lifted: atTop.lifted,
      announcement: 'Weiter geht es in diese Richtung nicht.',
      commit: null,
    })
    expect(atTop.lifted?.order).toEqual(order)
    expect(press([' ', 'ArrowRight']).last?.announcement).toBe(
      'Weiter geht es in diese Richtung nicht.',
    )
    const inPool = press([' ', 'ArrowDown'], ['b', 'c'])
    expect(inPool.last?.announcement).toBe(
      'Im Themenspeicher gibt es keine Reihenfolge. Pfeil nach rechts nimmt den Beitrag in die Ausgabe auf.',
    )
    expect(press([' ', 'ArrowLeft'], ['b', 'c']).last?.lifted?.order).toEqual(['b', 'c'])
  })

  it('nimmt eine andere Karte auf, ohne die erste zu speichern', () => {
    const { lifted } = press([' ', 'ArrowDown'])
    const other = reduceKeyboardMove(lifted, { key: ' ', articleId: 'c', headline: 'Gamma', order })
    expect(other).toMatchObject({
      lifted: { articleId: 'c', origin: order, order },
      commit: null,
    })
    expect(reduceKeyboardMove(lifted, { ...onA('ArrowDown'), articleId: 'c' })).toBeNull()
  })
})

describe('Ansagen zum Verschieben', () => {
  it('nennt die Position in der Ausgabe oder den Themenspeicher', () => {
    expect(describePosition(order, 'c')).toBe('Position 3 von 3 im Inhalt der Ausgabe')
    expect(describePosition(order, 'x')).toBe('im Themenspeicher')
    expect(movedAnnouncement(order, 'b', 'Beta')).toBe(
      '„Beta“ auf Position 2 von 3 im Inhalt der Ausgabe verschoben.',
    )
    expect(movedAnnouncement(order, 'x', 'Xi')).toBe('„Xi“ in den Themenspeicher verschoben.')
  })
})
