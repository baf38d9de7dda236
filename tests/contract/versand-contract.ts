import { beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import { consent } from '../../src/domain/sending'
import { bytesToBase64 } from '../../src/render/embedded-image'
import { rejection } from './rejection'

/** A message as it arrived (the demo's Postausgang, or an SMTP server in the test process). */
export interface ReceivedMail {
  to: string
  subject: string
  html: string
  text: string
  headers: Record<string, string>
}

/** How the contract suite sees what a backend sent. */
export interface MailTarget {
  /** Messages that arrived since the last reset. */
  received(): Promise<ReceivedMail[]>
  /** Returns once every send that is due is through (the demo runs its worker, a server its own). */
  settle(sendDone: () => Promise<boolean>): Promise<void>
}

/** The demo backend's Postausgang as the suite's mail target; its worker runs when asked. */
export const outboxMailTarget = (server: {
  outbox: () => Promise<ReceivedMail[]>
  runSendWorker: () => Promise<void>
}): MailTarget => ({
  received: async () => [...(await server.outbox())].reverse(),
  settle: async (sendDone) => {
    await server.runSendWorker()
    expect(await sendDone()).toBe(true)
  },
})

export interface VersandContext {
  editor: () => Backend
  head: () => Backend
  designer: () => Backend
  anonymous: () => Backend
  /** The API's base URL, for the raw one-click POST a mail program sends. */
  baseUrl: () => string
  fetch: typeof fetch
  mail: MailTarget
  /** Approves the seed issue (deadline moved, alt texts written, warning acknowledged). */
  approveSeedIssue: () => Promise<{ id: string; version: number; fingerprint: string }>
}

const csvBase64 = (text: string) => bytesToBase64(new TextEncoder().encode(text))
/** Windows-1252, as Excel on German Windows writes "CSV (Trennzeichen-getrennt)". */
const windows1252Base64 = (text: string) =>
  bytesToBase64(
    Uint8Array.from(text, (char) => {
      const code = char.charCodeAt(0)
      if (code > 0xff) throw new Error(`Nicht in Windows-1252: ${char}`)
      return code
    }),
  )

const header = (mail: ReceivedMail, name: string) =>
  Object.entries(mail.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? ''

/** The token in a message's personal unsubscribe link. */
const unsubscribeToken = (mail: ReceivedMail) => {
  const match = /\/abmelden\/([A-Za-z0-9_.-]+)/.exec(mail.text)
  if (!match?.[1]) throw new Error(`Kein Abmeldelink in der Nachricht an ${mail.to}`)
  return match[1]
}

/** Recipients, sign-up, unsubscribing, test send and sending: the Versand part of the contract. */
export function defineVersandContract(context: () => VersandContext) {
  let c: VersandContext
  beforeEach(() => {
    c = context()
  })

  const addRecipients = async (...emails: string[]) => {
    for (const email of emails) await c.editor().addRecipient({ email })
  }

  describe('Empfänger', () => {
    it('zeigt Adressen nur Redaktion und Dezernentin; die Gestaltung bekommt 403', async () => {
      await rejection(c.designer().listRecipients(), 403)
      await rejection(c.designer().addRecipient({ email: 'x@gera.de' }), 403)
      await rejection(c.designer().exportRecipients(), 403)
      await rejection(
        c.designer().importRecipients({ file: csvBase64('a@gera.de'), commit: false }),
        403,
      )
      await rejection(c.anonymous().listRecipients(), 401)
      expect(await c.head().listRecipients()).toEqual([])
    })

    it('trägt ein, vergleicht ohne Groß-/Kleinschreibung, sucht und filtert', async () => {
      const added = await c.editor().addRecipient({
        email: '  Kerstin.Mueller@Gera.DE ',
        name: 'Kerstin Müller',
        organisation: 'Jugendamt',
      })
      expect(added).toMatchObject({ email: 'kerstin.mueller@gera.de', status: 'confirmed' })
      const duplicate = await rejection(
        c.editor().addRecipient({ email: 'KERSTIN.mueller@gera.de' }),
        422,
      )
      expect(duplicate.fieldErrors.email).toMatch(/schon eingetragen/)
      expect(
        (await rejection(c.editor().addRecipient({ email: 'keine-adresse' }), 422)).fieldErrors
          .email,
      ).toMatch(/gültige E-Mail-Adresse/)
      const tooLong = await rejection(
        c.editor().addRecipient({
          email: 'lang@gera.de',
          name: 'N'.repeat(201),
          organisation: 'O'.repeat(201),
        }),
        422,
      )
      expect(tooLong.fieldErrors).toEqual({
        name: 'Der Name darf höchstens 200 Zeichen lang sein.',
        organisation: 'Die Organisation darf höchstens 200 Zeichen lang sein.',
      })
      await addRecipients('b@awo-gera.de')
      expect((await c.head().listRecipients({ q: 'jugendamt' })).map((r) => r.email)).toEqual([
        'kerstin.mueller@gera.de',
      ])
      expect(await c.head().listRecipients({ status: 'unsubscribed' })).toEqual([])
      expect((await c.head().listRecipients({ status: 'confirmed' })).length).toBe(2)
    })

    it('löscht eine Adresse ganz; wieder eintragen nur ausdrücklich', async () => {
      const added = await c.editor().addRecipient({ email: 'weg@gera.de' })
      await c.editor().deleteRecipient(added.id)
      expect(await c.editor().listRecipients()).toEqual([])
      await rejection(c.editor().deleteRecipient(added.id), 404)
      const refused = await rejection(c.editor().addRecipient({ email: 'weg@gera.de' }), 422)
      expect(refused.fieldErrors.readdErased).toMatch(/gelöscht/)
      const imported = await c
        .editor()
        .importRecipients({ file: csvBase64('weg@gera.de\n'), commit: true })
      expect(imported).toMatchObject({ added: 0, suppressed: 1, committed: true })
      expect(await c.editor().listRecipients()).toEqual([])
      expect(
        (await c.editor().addRecipient({ email: 'weg@gera.de', readdErased: true })).email,
      ).toBe('weg@gera.de')
    })

    it('prüft einen Import, meldet schlechte Zeilen auf Deutsch und speichert dann nichts', async () => {
      await addRecipients('schon.da@gera.de')
      const file = windows1252Base64(
        'E-Mail;Name;Organisation\r\n' +
          'juergen@beispiel.de;Jürgen Weiß;Caritas\r\n' +
          'SCHON.DA@gera.de;;\r\n' +
          'kaputt-at-gera.de;Ohne At;\r\n' +
          'gruen@gera.de;Grün;Stadtrat\r\n' +
          'Gruen@Gera.de;;Stadtrat\r\n',
      )
      const preview = await c.editor().importRecipients({ file, commit: false })
      expect(preview).toMatchObject({
        encoding: 'Windows-1252',
        delimiter: ';',
        added: 2,
        alreadyPresent: 1,
        mergedDuplicates: 1,
        committed: false,
      })
      expect(preview.errors).toEqual([
        { line: 4, message: expect.stringMatching(/E-Mail-Adresse/) },
      ])
      expect(preview.preview[0]).toMatchObject({ name: 'Jürgen Weiß', outcome: 'added' })
      const refused = await rejection(c.editor().importRecipients({ file, commit: true }), 422)
      expect(refused.fieldErrors['zeile.4']).toMatch(/^Zeile 4:/)
      expect((await c.editor().listRecipients()).map((r) => r.email)).toEqual(['schon.da@gera.de'])

      const fixed = csvBase64('email,name\njuergen@beispiel.de,Jürgen Weiß\ngruen@gera.de,Grün\n')
      expect(await c.editor().importRecipients({ file: fixed, commit: true })).toMatchObject({
        added: 2,
        errors: [],
        committed: true,
      })
      expect((await c.editor().listRecipients()).map((r) => r.email)).toEqual([
        'gruen@gera.de',
        'juergen@beispiel.de',
        'schon.da@gera.de',
      ])
      expect(await c.editor().importRecipients({ file: fixed, commit: false })).toMatchObject({
        added: 0,
        alreadyPresent: 2,
      })
    })

    it('exportiert die Liste als CSV für Excel', async () => {
      await c.editor().addRecipient({
        email: 'a@gera.de',
        name: '=HYPERLINK("x")',
        organisation: 'Amt; Soziales',
      })
      const csv = new Uint8Array(await (await c.head().exportRecipients()).arrayBuffer())
      expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = new TextDecoder().decode(csv)
      expect(text).toContain('E-Mail;Name;Organisation;Status')
      expect(text).toContain(`a@gera.de;"'=HYPERLINK(""x"")";"Amt; Soziales";bestätigt`)
    })
  })

  describe('Anmeldung und Abmeldung', () => {
    const subscribe = (email: string, backend = c.anonymous()) =>
      backend.subscribe({ email, name: 'Leserin', consent: true, consentVersion: consent.version })

    it('meldet mit Double-Opt-in an: Bestätigungs-E-Mail, Link einmal gültig', async () => {
      const info = await c.anonymous().getSubscriptionInfo()
      expect(info).toMatchObject({ available: true, consentVersion: consent.version })
      const missingConsent = await rejection(
        c.anonymous().subscribe({
          email: 'leserin@example.org',
          consent: false as true,
          consentVersion: consent.version,
        }),
        422,
      )
      expect(missingConsent.fieldErrors.consent).toMatch(/stimmen Sie zu/)
      await rejection(
        c
          .anonymous()
          .subscribe({ email: 'leserin@example.org', consent: true, consentVersion: 'alt' }),
        422,
      )

      const answer = await subscribe('Leserin@Example.org')
      expect(answer.message).toMatch(/bestätigen/)
      const [confirmation] = (await c.mail.received()).filter(
        (mail) => mail.to === 'leserin@example.org',
      )
      expect(confirmation?.subject).toMatch(/bestätigen/i)
      const token = /\/abonnieren\/bestaetigen\/([^\s"<]+)/.exec(confirmation?.text ?? '')?.[1]
      expect(token).toBeTruthy()
      expect(confirmation?.text).not.toMatch(/Sozialplanung ist|Beitrag/)
      expect((await c.head().listRecipients())[0]).toMatchObject({
        status: 'pending',
        consentVersion: consent.version,
      })

      expect(await c.anonymous().confirmSubscription(token ?? '')).toEqual({
        email: 'leserin@example.org',
      })
      const [confirmed] = await c.head().listRecipients()
      expect(confirmed).toMatchObject({ status: 'confirmed', consentVersion: consent.version })
      expect(confirmed?.confirmedAt).not.toBeNull()
      await rejection(c.anonymous().confirmSubscription(token ?? ''), 404)
      await rejection(c.anonymous().confirmSubscription('erfunden'), 404)

      // a confirmed address gets the same answer and no second e-mail
      const before = (await c.mail.received()).length
      expect((await subscribe('leserin@example.org')).message).toBe(answer.message)
      expect((await c.mail.received()).length).toBe(before)
    })

    it('begrenzt Anmeldungen je Adresse', async () => {
      for (let attempt = 0; attempt < 3; attempt++) await subscribe('viel@example.org')
      const limited = await rejection(subscribe('viel@example.org'), 429)
      expect(limited.message).toMatch(/Stunde/)
    })

    it('meldet über die Seite (GET ändert nichts) und per One-Click-POST ab', async () => {
      const { id, version, fingerprint } = await c.approveSeedIssue()
      await addRecipients('eins@gera.de', 'zwei@gera.de')
      const send = await c.head().startSend(id, { version, fingerprint })
      await c.mail.settle(async () => (await c.head().getSend(send.id)).status === 'done')
      const received = await c.mail.received()
      const first = received.find((mail) => mail.to === 'eins@gera.de')
      const second = received.find((mail) => mail.to === 'zwei@gera.de')
      if (!first || !second) throw new Error('Nachrichten fehlen')

      const token = unsubscribeToken(first)
      expect(await c.anonymous().getUnsubscribeInfo(token)).toEqual({
        email: 'eins@gera.de',
        status: 'subscribed',
      })
      expect(await c.anonymous().getUnsubscribeInfo(token)).toEqual({
        email: 'eins@gera.de',
        status: 'subscribed',
      })
      expect(await c.anonymous().unsubscribe(token)).toEqual({
        email: 'eins@gera.de',
        status: 'unsubscribed',
      })

      // the mail program's one-click POST (RFC 8058) to the address in List-Unsubscribe
      const oneClick = /<(https?:[^>]+)>/.exec(header(second, 'List-Unsubscribe'))?.[1] ?? ''
      expect(oneClick).toContain('/api/subscription/unsubscribe/')
      const path = new URL(oneClick).pathname.replace(/^\/api/, '')
      const response = await c.fetch(`${c.baseUrl()}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      expect(response.status).toBe(200)
      expect(
        (await c.head().listRecipients({ status: 'unsubscribed' })).map((r) => r.email),
      ).toEqual(['eins@gera.de', 'zwei@gera.de'])
      await rejection(c.anonymous().getUnsubscribeInfo('erfunden.token'), 404)
    })
  })

  describe('Testversand und Versand', () => {
    it('schickt einen Testversand an höchstens fünf Adressen, auch vor der Freigabe und von der Gestaltung', async () => {
      const result = await c.designer().testSendIssue('ausgabe-2018-08', {
        addresses: ['gestaltung@gera.de', 'Zweite@Gera.de'],
      })
      expect(result.sentTo).toEqual(['gestaltung@gera.de', 'zweite@gera.de'])
      expect(result.subject).toMatch(/^\[Test\] /)
      const received = await c.mail.received()
      expect(received.map((mail) => mail.to).sort()).toEqual([
        'gestaltung@gera.de',
        'zweite@gera.de',
      ])
      expect(received[0]?.html).toContain('OTEGAU')
      const tooMany = await rejection(
        c.editor().testSendIssue('ausgabe-2018-08', {
          addresses: ['a@x.de', 'b@x.de', 'c@x.de', 'd@x.de', 'e@x.de', 'f@x.de'],
        }),
        422,
      )
      expect(tooMany.message).toMatch(/höchstens 5/)
      await rejection(c.editor().testSendIssue('gibt-es-nicht', { addresses: ['a@x.de'] }), 404)
    })

    it('versendet nur eine freigegebene Ausgabe mit passendem Fingerabdruck, an jede bestätigte Adresse genau einmal', async () => {
      await addRecipients('eins@gera.de', 'zwei@gera.de', 'drei@gera.de')
      const unapproved = await c.head().getSendPreview('ausgabe-2018-08')
      expect(unapproved.blocker).toMatch(/freigegebene/)
      const issueBefore = await c.head().getIssue('ausgabe-2018-08')
      await rejection(
        c.head().startSend('ausgabe-2018-08', { version: issueBefore.version, fingerprint: 'x' }),
        409,
      )

      const { id, version, fingerprint } = await c.approveSeedIssue()
      const preview = await c.head().getSendPreview(id)
      expect(preview).toMatchObject({ blocker: null, recipientCount: 3, fingerprint })
      expect(preview.subject).toContain('August 2018')
      await rejection(c.designer().getSendPreview(id), 403)
      await rejection(c.designer().startSend(id, { version, fingerprint }), 403)
      const stale = await rejection(
        c.head().startSend(id, { version, fingerprint: 'veraltet' }),
        409,
      )
      expect(stale.message).toMatch(/Freigabe/)

      const send = await c.head().startSend(id, { version, fingerprint })
      expect(send).toMatchObject({ status: 'running', total: 3 })
      expect(
        (await rejection(c.head().startSend(id, { version, fingerprint }), 409)).message,
      ).toMatch(/versendet/)
      await c.mail.settle(async () => (await c.head().getSend(send.id)).status === 'done')

      const done = await c.editor().getSend(send.id)
      expect(done.counts).toMatchObject({ sent: 3, failed: 0, pending: 0, sending: 0 })
      expect((await c.head().getIssue(id)).status).toBe('published')
      expect((await c.head().getIssueHistory(id)).at(-1)).toMatchObject({ action: 'issue.sent' })
      expect((await c.head().listSends(id)).map((item) => item.id)).toEqual([send.id])
      // what went out through Rundbrief cannot be taken back, nor sent a second time
      const published = await c.head().getIssue(id)
      expect(published.sentThroughRundbrief).toBe(true)
      expect(
        (await c.editor().listIssues()).find((issue) => issue.id === id)?.sentThroughRundbrief,
      ).toBe(true)
      const notUndone = await rejection(
        c.head().unpublishIssue(id, { version: published.version, reason: 'Versehen' }),
        409,
      )
      expect(notUndone.message).toMatch(/nicht zurücknehmen/)
      expect((await c.head().getSendPreview(id)).blocker).toMatch(/bereits/)

      const received = (await c.mail.received()).filter((mail) => mail.subject === preview.subject)
      expect(received.map((mail) => mail.to).sort()).toEqual([
        'drei@gera.de',
        'eins@gera.de',
        'zwei@gera.de',
      ])
      const messageIds = new Set(received.map((mail) => header(mail, 'Message-ID')))
      expect(messageIds.size).toBe(3)
      for (const mail of received) {
        expect(header(mail, 'List-Unsubscribe')).toMatch(
          /^<https?:\/\/[^>]+\/api\/subscription\/unsubscribe\/[^>]+>, <mailto:/,
        )
        expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
        expect(header(mail, 'List-Id')).toMatch(/<.+>/)
        expect(mail.html).toContain('Vom Newsletter abmelden')
        expect(mail.html).not.toContain('rundbrief.invalid')
        expect(mail.text).toContain(`/abmelden/${unsubscribeToken(mail)}`)
      }
      // apart from the personal link, every recipient's HTML is the same rendering
      const [first, ...others] = received.map((mail) =>
        mail.html.replaceAll(unsubscribeToken(mail), 'LINK'),
      )
      for (const other of others) expect(other).toBe(first)
    })

    it('plant einen Versand, hält ihn an, setzt ihn fort; eine zurückgenommene Freigabe streicht ihn', async () => {
      await addRecipients('eins@gera.de')
      const { id, version, fingerprint } = await c.approveSeedIssue()
      const later = new Date(Date.now() + 3 * 86_400_000).toISOString()
      const planned = await c.editor().startSend(id, { version, fingerprint, scheduledAt: later })
      expect(planned.status).toBe('scheduled')
      expect((await c.editor().pauseSend(planned.id)).status).toBe('paused')
      await rejection(c.editor().pauseSend(planned.id), 409)
      expect((await c.editor().resumeSend(planned.id)).status).toBe('scheduled')
      await rejection(c.editor().resumeSend(planned.id), 409)
      expect((await c.head().getSendPreview(id)).blocker).toMatch(/geplant/)

      const issue = await c.head().getIssue(id)
      await c.head().reopenIssue(id, { version: issue.version })
      expect(await c.head().listSends(id)).toEqual([])
      expect(await c.mail.received()).toEqual([])
    })
  })
}
