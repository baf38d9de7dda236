import { describe, expect, it } from 'vitest'
import { creditLine, creditWithoutPrefix } from './photo-credit'

describe('Fotonachweis', () => {
  it('druckt „Foto:“ genau einmal, auch wenn es schon eingetippt wurde', () => {
    expect(creditLine('Stadtverwaltung Gera (Steffen Weiß)')).toBe(
      'Foto: Stadtverwaltung Gera (Steffen Weiß)',
    )
    expect(creditLine('Foto: Stadt Gera')).toBe('Foto: Stadt Gera')
    expect(creditLine('  foto :Stadt Gera')).toBe('Foto: Stadt Gera')
    expect(creditLine('Foto: Foto: Stadt Gera')).toBe('Foto: Stadt Gera')
    expect(creditLine('Fotos: OTEGAU GmbH')).toBe('Foto: OTEGAU GmbH')
    expect(creditLine('Bild: OTEGAU GmbH')).toBe('Foto: OTEGAU GmbH')
  })

  it('lässt Nachweise in Ruhe, die nur mit „Foto“ anfangen', () => {
    expect(creditWithoutPrefix('Fotostudio Meyer')).toBe('Fotostudio Meyer')
    expect(creditWithoutPrefix('Fotograf: Max Muster')).toBe('Fotograf: Max Muster')
  })
})
