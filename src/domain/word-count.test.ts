import { describe, expect, it } from 'vitest'
import { countText } from './word-count'

describe('Wörter und Zeichen', () => {
  it('zählt deutsche Wörter mit Bindestrich, Apostroph und Zahlen', () => {
    expect(
      countText('„Familie/Solidarisches Zusammenleben“ – am 1.000. Tag, Gera’s Ost-Teil'),
    ).toEqual({
      words: 8,
      characters: 70,
    })
    expect(countText('   ')).toEqual({ words: 0, characters: 3 })
  })
})
