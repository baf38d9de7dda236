import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { richTextDocSchema } from '../../domain/rich-text'
import { startsWithListDebris } from '../../domain/word-debris'
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

describe('Einfügen aus Word 2016/365 (echte Zwischenablage)', () => {
  it('macht aus Words Listenabsätzen echte Listen: Punkte, Nummern, Ebenen, getrennte Listen', () => {
    const { html } = paste(fixture('word-2016-lists-table.html'))
    expect(html).toBe(
      '<p><strong>Planungskoordination zur Entwicklung von Armutspräventionsstrategien</strong></p>' +
        '<p>Mit dem Fördermittelantrag will das Dezernat Soziales</p>' +
        '<ul><li><p>Armutspräventionsstrategien entwickeln</p></li>' +
        '<li><p>die Sozialstatistik fortschreiben,</p>' +
        '<ul><li><p>Sozialraumanalysen und</p></li><li><p>Netzwerkarbeit</p></li></ul></li>' +
        '<li><p>eine <strong>Sozialplanungskonferenz</strong> etablieren.</p></li></ul>' +
        '<p>Der Zeitplan:</p>' +
        '<ol><li><p>Antrag beim Freistaat Thüringen</p>' +
        '<ol><li><p>Personalkosten</p></li><li><p>Sachkosten</p></li></ol></li>' +
        '<li><p>Förderung vom 1. Oktober 2018 bis zum 30. September 2021</p></li></ol>' +
        '<ul><li><p>Ansprechpartner: Fachdienst Soziales</p></li>' +
        '<li><p>Beteiligt: Seniorenbeirat und Jugendrat</p></li></ul>' +
        '<p><strong>Termin</strong> – <strong>Gremium</strong></p>' +
        '<p>30. September 2018 – Ende der laufenden Förderung</p>' +
        '<p>20. September 2018 – Stadtrat</p>' +
        '<p>Die Planungskoordination wird bereits bis 30. September 2018 gefördert.</p>',
    )
  })

  it('lässt weder Words Aufzählungszeichen noch leere Absätze noch Word-Reste übrig', () => {
    const { json } = paste(fixture('word-2016-lists-table.html'))
    const texts: string[] = []
    const walk = (node: { text?: string; content?: unknown[] }) => {
      if (node.text) texts.push(node.text)
      ;(node.content as (typeof node)[] | undefined)?.forEach(walk)
    }
    walk(json)
    expect(texts.filter(startsWithListDebris)).toEqual([])
    expect(texts.filter((text) => /^[·•§o]\s/.test(text))).toEqual([])
    expect(texts.join('')).not.toMatch(/\u00a0/)
    const cleaned = cleanPastedHtml(fixture('word-2016-lists-table.html'))
    expect(cleaned).not.toMatch(/mso-|Mso|class=|style=|<o:p|<!--|supportLists|<table|<td/)
  })

  it('nimmt ohne Words Markierungs-Span das getippte Zeichen vor dem Listentext weg', () => {
    const { html } = paste(
      "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>·&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Eins</p>" +
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>·&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Zwei</p>" +
        "<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'>a)&nbsp;&nbsp; Erstens</p>",
    )
    expect(html).toBe(
      '<ul><li><p>Eins</p></li><li><p>Zwei</p></li></ul><ol><li><p>Erstens</p></li></ol>',
    )
  })

  it('macht aus Absätzen, die nur mit Words Aufzählungszeichen beginnen (Outlook, Webseiten), eine Liste', () => {
    const { html } = paste(
      '<p class=MsoNormal><span style="font-family:Symbol">·</span><span style="font:7.0pt">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Armutsprävention</p>' +
        '<p class=MsoNormal>·&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Sozialstatistik</p>' +
        '<p class=MsoNormal>§ 3 SGB II bleibt ein Absatz.</p>',
    )
    expect(html).toBe(
      '<ul><li><p>Armutsprävention</p></li><li><p>Sozialstatistik</p></li></ul>' +
        '<p>§ 3 SGB II bleibt ein Absatz.</p>',
    )
  })

  it('hängt einen eingerückten Absatz ohne Aufzählungszeichen an den Listenpunkt davor', () => {
    const { html } = paste(
      "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.</span>Antrag</p>" +
        '<p class=MsoListParagraphCxSpLast>mit Begründung</p>',
    )
    expect(html).toBe('<ol><li><p>Antrag</p><p>mit Begründung</p></li></ol>')
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
        '<p>Zelle A – Zelle B</p>' +
        '<p><strong>Google fett</strong> <em>Google kursiv</em></p>',
    )
    const cleaned = cleanPastedHtml(fixture('web.html'))
    expect(cleaned).not.toMatch(
      /script|onerror|onclick|onmouseover|javascript:|<svg|<iframe|alert/i,
    )
  })
})

describe('Einfügen und Kommentare', () => {
  it('übernimmt keine Kommentar-Anker aus eingefügtem HTML (auch nicht aus einer Kopie im Editor)', () => {
    const cleaned = cleanPastedHtml(
      '<p>Das <span data-comment-thread="t1" class="comment-anchor">Sommerfest</span> beginnt</p>',
    )
    expect(cleaned).toBe('<p>Das Sommerfest beginnt</p>')
  })
})
