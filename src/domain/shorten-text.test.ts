import { describe, expect, it } from 'vitest'
import { shortenAtWordBoundary } from './shorten-text'

describe('Lange Überschriften kürzen', () => {
  const headline =
    'Planungskoordination zur Entwicklung von Armutspräventionsstrategien in der Stadt Gera wird fortgesetzt'

  it('lässt kurze Texte, wie sie sind', () => {
    expect(shortenAtWordBoundary('Wohnen im Alter', 80)).toBe('Wohnen im Alter')
    expect(shortenAtWordBoundary('x'.repeat(80), 80)).toBe('x'.repeat(80))
  })

  it('schneidet an einer Wortgrenze und endet mit „…“, höchstens max Zeichen', () => {
    const short = shortenAtWordBoundary(headline, 60)
    expect(short).toBe('Planungskoordination zur Entwicklung von…')
    expect(short.length).toBeLessThanOrEqual(60)
    expect(headline.startsWith(short.slice(0, -1))).toBe(true)
  })

  it('lässt kein Satzzeichen vor „…“ stehen und schneidet ein überlanges Wort notfalls', () => {
    expect(shortenAtWordBoundary('Sommerfest – Musik, Essen und Spiele für alle', 22)).toBe(
      'Sommerfest – Musik…',
    )
    expect(shortenAtWordBoundary('Armutspräventionsstrategien', 10)).toBe('Armutsprä…')
  })
})
