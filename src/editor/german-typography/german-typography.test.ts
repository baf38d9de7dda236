import { afterEach, describe, expect, it } from 'vitest'
import { createArticleEditor, typeText } from '../../../tests/editor-helpers'
import { germanQuotes } from '../../domain/german-typography'

let editor: ReturnType<typeof createArticleEditor>
afterEach(() => editor.destroy())

describe('Deutsche Typografie beim Tippen', () => {
  it('setzt „…“ und ’ und lässt Apostrophe Apostrophe sein', () => {
    editor = createArticleEditor()
    typeText(editor, 'Er sagte "Hallo" und "(so") – Gera\'s Geschichte \'n bisschen')
    expect(editor.getText()).toBe('Er sagte „Hallo“ und „(so“) – Gera’s Geschichte ’n bisschen')
  })

  it('öffnet am Absatzanfang und schließt nach Satzzeichen', () => {
    editor = createArticleEditor()
    typeText(editor, '"Ja!", rief sie.')
    expect(editor.getText()).toBe('„Ja!“, rief sie.')
  })

  it('macht aus -- einen Halbgeviertstrich und aus ... eine Ellipse', () => {
    editor = createArticleEditor()
    typeText(editor, '15.00--17.30 Uhr und so weiter...')
    expect(editor.getText()).toBe('15.00–17.30 Uhr und so weiter…')
  })

  it('nimmt die Ersetzung mit Rücktaste zurück', () => {
    editor = createArticleEditor()
    typeText(editor, 'a--')
    expect(editor.getText()).toBe('a–')
    expect(editor.commands.undoInputRule()).toBe(true)
    expect(editor.getText()).toBe('a--')
  })

  it('korrigiert gerade Anführungszeichen im ganzen Text per Befehl, mit Formatierung', () => {
    editor = createArticleEditor(
      '<p>Die "Aenne Biermann" <strong>VHS\'s "Kurse"</strong></p><p>"Zweiter"</p>',
    )
    expect(editor.can().fixStraightQuotes()).toBe(true)
    editor.commands.fixStraightQuotes()
    expect(editor.getText({ blockSeparator: '|' })).toBe(
      'Die „Aenne Biermann“ VHS’s „Kurse“|„Zweiter“',
    )
    expect(editor.getHTML()).toContain('<strong>VHS’s „Kurse“</strong>')
    expect(editor.can().fixStraightQuotes()).toBe(false)
  })

  it('korrigiert per Befehl auch „--“ zum Halbgeviertstrich', () => {
    editor = createArticleEditor('<p>"Wohnen im Alter" -- ab Montag</p>')
    editor.commands.fixStraightQuotes()
    expect(editor.getText()).toBe('„Wohnen im Alter“ – ab Montag')
    expect(editor.can().fixStraightQuotes()).toBe(false)
  })

  it('wandelt Text auch ohne Editor um', () => {
    expect(germanQuotes('"a" \'b\'')).toBe('„a“ ’b’')
    expect(germanQuotes('"', 'x')).toBe('“')
  })
})
