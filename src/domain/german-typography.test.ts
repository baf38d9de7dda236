import { describe, expect, it } from 'vitest'
import { germanTypography, typographyAfterTyping } from './german-typography'

/** Types a text into a plain field character by character, as the fields in the editor do. */
function typeIntoField(text: string) {
  let value = ''
  let caret = 0
  for (const char of text) {
    const next = value.slice(0, caret) + char + value.slice(caret)
    const corrected = typographyAfterTyping(value, next, caret + 1)
    value = corrected?.value ?? next
    caret = corrected?.caret ?? caret + 1
  }
  return { value, caret }
}

describe('Deutsche Typografie in Überschrift, Bildunterschrift und Fotonachweis', () => {
  it('setzt beim Tippen „…“, ’, – und … wie im Text', () => {
    expect(typeIntoField('"Wohnen im Alter" -- ab Montag...').value).toBe(
      '„Wohnen im Alter“ – ab Montag…',
    )
    expect(typeIntoField("Gera's Archiv").value).toBe('Gera’s Archiv')
  })

  it('setzt den Cursor hinter die Ersetzung, auch mitten im Text', () => {
    expect(typeIntoField('a--').caret).toBe(2)
    expect(typographyAfterTyping('ab', 'a"b', 2)).toEqual({ value: 'a“b', caret: 2 })
    expect(typographyAfterTyping('x -b', 'x --b', 4)).toEqual({ value: 'x –b', caret: 3 })
  })

  it('lässt Einfügen, Löschen und andere Zeichen unverändert', () => {
    expect(typographyAfterTyping('', '"ab" -- c', 9)).toBeNull()
    expect(typographyAfterTyping('a--', 'a-', 2)).toBeNull()
    expect(typographyAfterTyping('a', 'ab', 2)).toBeNull()
  })

  it('korrigiert einen ganzen Text auf einmal', () => {
    expect(germanTypography('Die "Alte Mühle" -- heute...')).toBe('Die „Alte Mühle“ – heute…')
  })
})
