import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { richTextDocSchema } from '../../domain/rich-text'
import { createArticleEditor } from '../../../tests/editor-helpers'
import { cleanPastedHtml } from './clean-pasted-html'

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/clipboard', name), 'utf8')

let editor: ReturnType<typeof createArticleEditor>
afterEach(() => editor.destroy())

function paste(html: string) {
  editor = createArticleEditor()
  editor.view.pasteHTML(html)
  const json = editor.getJSON()
  expect(richTextDocSchema.safeParse(json).success).toBe(true)
  return { html: editor.getHTML(), json }
}

describe('Einfügen aus Word', () => {
  it('behält Absätze, Fett, Kursiv, Links und Listen und verwirft den Rest', () => {
    const { html } = paste(fixture('word.html'))
    expect(html).toBe(
      '<p><strong>Sommerfest der Gemeinschaftsunterkunft</strong></p>' +
        '<p>Die Bewohnerinnen und Bewohner laden am <strong>12. September 2018</strong> ab 15.00 Uhr zu ihrem <em>traditionellen</em> Sommerfest ein. Weitere Informationen unter <a rel="noopener noreferrer" href="https://www.gera.de/sommerfest">www.gera.de</a>.</p>' +
        '<ul><li><p>Kulinarische Spezialitäten</p></li><li><p>Musik aus verschiedenen Kulturen</p><ul><li><p>auch für Kinder</p></li></ul></li></ul>' +
        '<p>Ablauf:</p>' +
        '<ol><li><p>Begrüßung</p></li><li><p>Buffet</p></li></ol>' +
        '<p>Alle sind herzlich eingeladen.</p>',
    )
  })

  it('lässt keine Word-Reste durch', () => {
    const cleaned = cleanPastedHtml(fixture('word.html'))
    expect(cleaned).not.toMatch(/mso-|Mso|class=|style=|<o:p|<!--|data:|<img|supportLists|·/)
  })
})

describe('Einfügen aus LibreOffice', () => {
  it('behält Formatierung, Listen und mailto-Links', () => {
    const { html } = paste(fixture('libreoffice.html'))
    expect(html).toBe(
      '<p><strong>Aktionsnachmittag</strong> an der Volkshochschule</p>' +
        '<p>Die Geraer Volkshochschule <em>„Aenne Biermann“</em> lädt ein. <strong>Probestunden</strong> und <em>Beratungen</em>.</p>' +
        '<ul><li><p>Sprachkurse</p></li><li><p>Malerei- und Grafikkurse</p></li></ul>' +
        '<ol><li><p>Anmeldung</p></li></ol>' +
        '<p><a rel="noopener noreferrer" href="mailto:vhs@gera.de">vhs@gera.de</a></p>',
    )
  })
})

describe('Einfügen aus Webseiten und Google Docs', () => {
  it('entschärft Skripte, Ereignisse und javascript:-Links', () => {
    const { html } = paste(fixture('web.html'))
    expect(html).toBe(
      '<h2>Weniger Geflüchtete im Leistungsbezug</h2>' +
        '<p>Die Zahl ist <strong>rückläufig</strong>. Mehr und <a rel="noopener noreferrer" href="https://www.jobcenter-gera.de/">Jobcenter</a>.</p>' +
        '<blockquote><p>„Wir konnten 211 Geflüchtete integrieren.“</p></blockquote>' +
        '<p>Zelle A</p><p>Zelle B</p>' +
        '<p><strong>Google fett</strong> <em>Google kursiv</em></p>',
    )
    const cleaned = cleanPastedHtml(fixture('web.html'))
    expect(cleaned).not.toMatch(
      /script|onerror|onclick|onmouseover|javascript:|<svg|<iframe|alert/i,
    )
  })
})
