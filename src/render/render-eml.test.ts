import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { seedRenderModel } from '../../tests/fixtures/render-model'
import { issueSubject } from '../domain/issue-subject'
import { renderEmail } from './render-email'
import { quotedPrintable, renderEml } from './render-eml'
import { renderText } from './render-text'

const model = seedRenderModel()
const subject = `${issueSubject(model.publication, model.issue)} – „Grüße“ aus dem Dezernat Soziales`
// trailing spaces and tabs, a long line and an equals sign that quoted-printable must carry over
const html = `${renderEmail(model)}<p style="color:#123">Ende  </p>\t\n${'ä'.repeat(300)}`
const text = `${renderText(model)}\nZeile mit Leerzeichen am Ende   \n`

const draft = () =>
  renderEml({
    subject,
    html,
    text,
    date: new Date('2018-08-15T08:00:00Z'),
  })

describe('renderEml: der Entwurf für Outlook', () => {
  it('mailparser liest Betreff, HTML und Text unverändert zurück, mit X-Unsent und leerem Empfänger', async () => {
    const parsed = await simpleParser(draft(), { keepCidLinks: true })
    expect(subject).toMatch(/[äöü„“–]/)
    expect(parsed.subject).toBe(subject)
    expect(parsed.html).toBe(html)
    expect(parsed.text).toBe(text)
    expect(parsed.headers.get('x-unsent')).toBe('1')
    expect(parsed.headers.get('mime-version')).toBe('1.0')
    expect(parsed.headers.get('to')).toMatchObject({ value: [] })
    expect(parsed.date?.toISOString()).toBe('2018-08-15T08:00:00.000Z')
  })

  it('ist eine multipart/alternative-Nachricht ohne Anhänge', async () => {
    const parsed = await simpleParser(draft())
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' })
    expect(parsed.attachments).toEqual([])
    expect(parsed.html).toBe(html)
  })

  it('hält die Zeilenregeln von RFC 5322 und 2045 ein: nur CRLF, keine Zeile über 998, kodierte höchstens 76', () => {
    const raw = draft()
    expect(raw).not.toMatch(/[^\r]\n/)
    expect(raw).not.toMatch(/\r(?!\n)/)
    const lines = raw.split('\r\n')
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(998)
    const [headers = '', ...body] = raw.split('\r\n\r\n')
    expect(headers).toMatch(/^To:\r\n/)
    expect(headers).not.toMatch(/[^\x20-\x7e\r\n\t]/)
    for (const line of headers.split('\r\n')) {
      if (!line.startsWith(' boundary=')) expect(line.length).toBeLessThanOrEqual(78)
    }
    for (const line of body.join('\r\n\r\n').split('\r\n')) {
      // encoded lines; only the boundary header may be longer
      if (!line.startsWith('Content-Type:')) expect(line.length).toBeLessThanOrEqual(76)
      expect(line).not.toMatch(/[ \t]$/)
    }
  })

  it('quoted-printable maskiert Leerzeichen am Zeilenende, Gleichheitszeichen und Umlaute', () => {
    expect(quotedPrintable('a = b \nä\t')).toBe('a =3D b=20\r\n=C3=A4=09')
  })

  it('zerteilt keinen Umlaut beim weichen Zeilenumbruch', () => {
    const encoded = quotedPrintable('ü'.repeat(40))
    for (const line of encoded.split('\r\n')) expect(line).toMatch(/^(=C3=BC)+=?$/)
  })
})
