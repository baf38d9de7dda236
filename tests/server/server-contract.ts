import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineContractSuite } from '../contract/contract-suite'
import { defineConcurrencyTests } from './concurrency'
import { seedAccounts } from './seed-accounts'
import { tinyPng } from '../fixtures/images'
import { sendTo, signInOn } from './server-api'
import type { SpawnedServer } from './spawn-server'
import { startSmtpSink } from './smtp-sink'
import { advanceClock } from './send-journey'
import type { ReceivedMail } from '../contract/versand-contract'
import type { ParsedMail } from 'mailparser'

/** The headers of a message as its lines say them (unfolded), e.g. `List-Unsubscribe`. */
function headersOf(mail: ParsedMail): Record<string, string> {
  return Object.fromEntries(
    mail.headerLines.map(({ line }) => {
      const colon = line.indexOf(':')
      return [
        line.slice(0, colon),
        line
          .slice(colon + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      ]
    }),
  )
}

/** What the server needs to send: an SMTP server in the test process, and a quick send worker. */
export const mailEnvironment = (smtpUrl: string) => ({
  SMTP_URL: smtpUrl,
  MAIL_FROM: 'Stadt Gera – Dezernat Soziales <newsletter@gera.de>',
  PUBLIC_URL: 'http://localhost:8080',
  RUNDBRIEF_TEST_SEND_POLL_MS: '200',
})

/**
 * The contract suite against a running server process, plus what only the real server does:
 * simultaneous writes, health checks and security headers.
 */
export function defineServerContract(
  name: string,
  start: (env: Record<string, string>) => Promise<SpawnedServer>,
) {
  let server: SpawnedServer | null = null
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | null = null
  const running = () => {
    if (!server) throw new Error('Der Server läuft nicht.')
    return server
  }
  beforeAll(async () => {
    sink = await startSmtpSink()
    server = await start(mailEnvironment(sink.url))
  })
  afterAll(async () => {
    await server?.stop()
    await sink?.close()
  })

  defineContractSuite(name, {
    get baseUrl() {
      return running().apiBaseUrl
    },
    reset: async () => {
      await running().reset()
      sink?.received.splice(0)
    },
    mail: {
      received: async () =>
        (sink?.received ?? []).map(({ to, mail }): ReceivedMail => ({
          to: to[0] ?? '',
          subject: mail.subject ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          text: mail.text ?? '',
          headers: headersOf(mail),
        })),
      settle: async (sendDone) => {
        for (const started = Date.now(); !(await sendDone());) {
          if (Date.now() - started > 30_000) throw new Error('Der Versand wird nicht fertig.')
          await new Promise((resolveWait) => setTimeout(resolveWait, 100))
        }
      },
    },
    advanceClock: (minutes) => advanceClock(running(), minutes),
    passwords: seedAccounts,
    signIn: async (backend, role) =>
      (await backend.loginWithPassword(seedAccounts[role].login, seedAccounts[role].password))
        .token,
  })

  describe(`Gleichzeitigkeit: ${name}`, () => defineConcurrencyTests(running))

  describe(`Betrieb: ${name}`, () => {
    beforeAll(() => running().reset())

    it('meldet Lebendigkeit und Bereitschaft (Datenbank erreichbar)', async () => {
      const health = await fetch(`${running().url}/healthz`)
      expect(health.status).toBe(200)
      const ready = await fetch(`${running().url}/readyz`)
      expect(ready.status).toBe(200)
      expect(await ready.json()).toEqual({ status: 'ok', database: 'beschreibbar' })
      expect(ready.headers.get('Cache-Control')).toBe('no-store')
    })

    it('sendet Sicherheits-Header; die CSP erlaubt kein Inline-Skript', async () => {
      const response = await fetch(`${running().apiBaseUrl}/session/options`)
      const csp = response.headers.get('Content-Security-Policy') ?? ''
      expect(csp).toMatch(/script-src 'self'(;|$)/)
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('Referrer-Policy')).toBe('same-origin')
      // the older header says the same as frame-ancestors 'none'
      expect(response.headers.get('X-Frame-Options')).toBe('DENY')
    })

    it('lässt API-Antworten nicht zwischenspeichern, Fotodateien schon', async () => {
      const token = await signInOn(running())
      const answers = [
        await fetch(`${running().apiBaseUrl}/session/options`),
        await fetch(`${running().apiBaseUrl}/issues`),
        await sendTo(running(), token, 'GET', '/issues'),
        await sendTo(running(), token, 'GET', '/gibt-es-nicht'),
        await sendTo(running(), token, 'POST', '/articles', { headline: 42 }),
      ]
      expect(answers.map((answer) => answer.status)).toEqual([200, 401, 200, 404, 422])
      for (const answer of answers) expect(answer.headers.get('Cache-Control')).toBe('no-store')

      const form = new FormData()
      form.append('file', new Blob([tinyPng()], { type: 'image/png' }), 'foto.png')
      const upload = await fetch(`${running().apiBaseUrl}/media`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      })
      expect(upload.status).toBe(201)
      expect(upload.headers.get('Cache-Control')).toBe('no-store')
      const { id } = (await upload.json()) as { id: string }
      const file = await fetch(`${running().apiBaseUrl}/media/${id}/file`)
      expect(file.status).toBe(200)
      expect(file.headers.get('Cache-Control')).toMatch(/immutable/)
    })

    it('nimmt das Schema „Bearer“ in beliebiger Schreibweise', async () => {
      const token = await signInOn(running())
      const withHeader = (value: string) =>
        fetch(`${running().apiBaseUrl}/session`, { headers: { Authorization: value } })
      for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
        expect((await withHeader(`${scheme} ${token}`)).status).toBe(200)
      }
      expect((await withHeader(`Basic ${token}`)).status).toBe(401)
      expect((await withHeader(`Bearer${token}`)).status).toBe(401)
      expect((await withHeader(token)).status).toBe(401)
    })

    it('zeigt bei internen Fehlern keinen Stacktrace, nur eine Fehler-ID, die im Log steht', async () => {
      await fetch(`${running().url}/testing/fail-next-transaction`, { method: 'POST' })
      const failed = await fetch(`${running().apiBaseUrl}/issues`, {
        headers: { Authorization: 'Bearer irgendein-token' },
      })
      expect(failed.status).toBe(500)
      expect(failed.headers.get('Content-Type')).toMatch(/problem\+json/)
      const problem = (await failed.json()) as { detail: string; errorId: string }
      expect(problem.detail).toBe(
        `Ein unerwarteter Fehler ist aufgetreten (Fehler-ID ${problem.errorId}).`,
      )
      expect(JSON.stringify(problem)).not.toMatch(/Testfehler|at .*:\d+:\d+|\.js/)
      await expect.poll(() => running().output()).toContain(problem.errorId)
      const logLine = running()
        .output()
        .split('\n')
        .find((line) => line.includes(problem.errorId))
      expect(JSON.parse(logLine ?? '{}')).toMatchObject({ level: 50, errorId: problem.errorId })
      expect(logLine).toContain('Absichtlicher Testfehler im Speicher')
    })

    it('lehnt einen zu großen Upload ab, bevor der Körper gelesen ist (413)', async () => {
      const token = await signInOn(running())
      const target = new URL(`${running().apiBaseUrl}/media`)
      const status = await new Promise<number>((resolveStatus, reject) => {
        const upload = request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'multipart/form-data; boundary=x',
              'Content-Length': String(200 * 1024 * 1024),
            },
          },
          (response) => {
            resolveStatus(response.statusCode ?? 0)
            response.resume()
            upload.destroy()
          },
        )
        upload.on('error', reject)
        upload.write('--x\r\n')
      })
      expect(status).toBe(413)
    })
  })
}
