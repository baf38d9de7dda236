import { describe, expect, it } from 'vitest'
import { emlFileName } from './email-download'

describe('emlFileName', () => {
  it('schreibt Umlaute aus und nimmt nur Buchstaben, Ziffern und Bindestriche', () => {
    expect(emlFileName('März 2019')).toBe('rundbrief-maerz-2019.eml')
    expect(emlFileName('Größe & Übersicht')).toBe('rundbrief-groesse-uebersicht.eml')
  })

  it('lässt nichts durch, was die Kopfzeile Content-Disposition aufbrechen könnte', () => {
    expect(emlFileName('a"; filename="x.exe\r\nX-Evil: 1')).toBe(
      'rundbrief-a-filename-x-exe-x-evil-1.eml',
    )
    expect(emlFileName('„“')).toBe('rundbrief-ausgabe.eml')
  })
})
