import { afterEach, describe, expect, it } from 'vitest'
import { createSeedState } from '../../mocks/seed/august-2018'
import { richTextDocSchema } from '../domain/rich-text'
import { createArticleEditor } from '../../tests/editor-helpers'

let editor: ReturnType<typeof createArticleEditor>
afterEach(() => editor.destroy())

describe('Artikel-Schema des Editors', () => {
  it('erzeugt nur JSON, das das Backend annimmt', () => {
    editor = createArticleEditor(
      '<h2>Titel</h2><p><strong>f</strong><em>k</em><u>u</u><a href="https://gera.de">l</a><br>x</p>' +
        '<ul><li><p>a</p><ol><li><p>b</p></li></ol></li></ul><blockquote><p>z</p></blockquote>' +
        '<h1>eins</h1><h5>fünf</h5><pre><code>code</code></pre><s>durch</s><hr><img src="x.png">',
    )
    const json = editor.getJSON()
    const result = richTextDocSchema.safeParse(json)
    expect(result.error?.issues ?? []).toEqual([])
    expect(JSON.stringify(json)).not.toMatch(/codeBlock|strike|horizontalRule|image/)
  })

  it('lädt die Beiträge der Vorlage verlustfrei', () => {
    for (const article of createSeedState().articles) {
      editor = createArticleEditor(article.body)
      expect(editor.getJSON()).toEqual(article.body)
      editor.destroy()
    }
    editor = createArticleEditor()
  })

  it('verweigert Links außer http, https und mailto', () => {
    editor = createArticleEditor('<p>klick</p>')
    editor.commands.selectAll()
    expect(editor.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false)
    expect(editor.getHTML()).not.toContain('javascript')
    editor.commands.setLink({ href: 'mailto:jugend.soziales@gera.de' })
    expect(editor.getHTML()).toContain('href="mailto:jugend.soziales@gera.de"')
    editor.commands.setContent(
      '<p><a href="javascript:alert(1)">x</a><a href="data:text/html,1">y</a></p>',
    )
    expect(editor.getHTML()).toBe('<p>xy</p>')
  })
})
