import { afterEach, describe, expect, it } from 'vitest'
import { startSmtpSink } from '../../../tests/server/smtp-sink'
import type { OutgoingMessage } from '../mail/mail-port'
import { smtpMail } from './smtp-mail'

const message = (to: string): OutgoingMessage => ({
  from: 'Dezernat Soziales <jugend.soziales@gera.de>',
  to,
  subject: 'Nachrichten aus dem Dezernat Soziales – August 2018',
  html: '<p>Sozialplanung in Gera – „Integrationswerkstatt“</p>',
  text: 'Sozialplanung in Gera – „Integrationswerkstatt“',
  messageId: `<${to.replace('@', '.')}.2018-08@gera.de>`,
  headers: {
    'List-Unsubscribe': '<https://rundbrief.gera.de/abmelden/t0k3n>, <mailto:abmelden@gera.de>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': 'Nachrichten aus dem Dezernat Soziales <soziales.rundbrief.gera.de>',
  },
})

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

describe('Versand über SMTP (nodemailer, Pool)', () => {
  it('liefert HTML- und Textteil mit den Listen-Kopfzeilen und der eigenen Message-ID aus', async () => {
    const sink = await startSmtpSink()
    const mail = smtpMail({ url: sink.url, perMinute: 6000, connections: 2 })
    closers.push(mail.close, sink.close)

    expect(await mail.send(message('leser@example.org'))).toEqual({ kind: 'accepted' })
    const [arrived] = sink.received
    expect(arrived?.to).toEqual(['leser@example.org'])
    expect(arrived?.mail.subject).toBe('Nachrichten aus dem Dezernat Soziales – August 2018')
    expect(arrived?.mail.html).toContain('„Integrationswerkstatt“')
    expect(arrived?.mail.text?.trim()).toBe('Sozialplanung in Gera – „Integrationswerkstatt“')
    expect(arrived?.mail.messageId).toBe('<leser.example.org.2018-08@gera.de>')
    // header lines as sent, with folded continuation lines joined (RFC 5322, 2.2.3)
    const raw = (arrived?.raw.toString() ?? '').replace(/\r?\n[ \t]+/g, ' ')
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(raw).toContain(
      'List-Unsubscribe: <https://rundbrief.gera.de/abmelden/t0k3n>, <mailto:abmelden@gera.de>',
    )
    expect(raw).toMatch(
      /^List-Id: "Nachrichten aus dem Dezernat Soziales" <soziales\.rundbrief\.gera\.de>\r?$/im,
    )
  })

  it('kodiert im List-Id nur den Namen, nie die Listenkennung', async () => {
    const sink = await startSmtpSink()
    const mail = smtpMail({ url: sink.url, perMinute: 6000, connections: 1 })
    closers.push(mail.close, sink.close)
    const withUmlauts = message('leser@example.org')
    withUmlauts.headers['List-Id'] = 'Stadt Gera – Dezernat Soziales <newsletter.gera.de>'
    expect(await mail.send(withUmlauts)).toEqual({ kind: 'accepted' })
    const raw = (sink.received[0]?.raw.toString() ?? '').replace(/\r?\n[ \t]+/g, ' ')
    expect(raw).toMatch(
      /^List-Id: =\?UTF-8\?Q\?Stadt_Gera_=E2=80=93_Dezernat_Soziales\?= <newsletter\.gera\.de>\r?$/im,
    )
    expect(sink.received[0]?.mail.headers.get('list')).toMatchObject({
      id: { id: 'newsletter.gera.de' },
    })
  })

  it('meldet eine endgültige und eine vorübergehende Ablehnung mit Code, ohne zu werfen', async () => {
    const sink = await startSmtpSink((address) =>
      address.startsWith('weg')
        ? { code: 550, message: '5.1.1 Mailbox unavailable' }
        : address.startsWith('grau')
          ? { code: 451, message: '4.7.1 Greylisted, try again later' }
          : 'accept',
    )
    const mail = smtpMail({ url: sink.url, perMinute: 6000, connections: 1 })
    closers.push(mail.close, sink.close)

    expect(await mail.send(message('weg@example.org'))).toMatchObject({
      kind: 'rejected',
      code: 550,
      response: expect.stringContaining('Mailbox unavailable'),
    })
    expect(await mail.send(message('grau@example.org'))).toMatchObject({
      kind: 'rejected',
      code: 451,
    })
    expect(await mail.send(message('da@example.org'))).toEqual({ kind: 'accepted' })
    expect(sink.received.map((item) => item.to)).toEqual([['da@example.org']])
  })

  it('meldet einen nicht erreichbaren Mailserver als „nicht erreichbar“', async () => {
    const sink = await startSmtpSink()
    await sink.close()
    const mail = smtpMail({ url: sink.url, perMinute: 6000, connections: 1 })
    closers.push(mail.close)
    expect(await mail.send(message('leser@example.org'))).toMatchObject({ kind: 'unreachable' })
  })
})
