import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testServerBundle } from './build-test-server'
import { postgresForTests } from './postgres-available'
import { createDatabase } from './postgres-cluster'
import { seedAccounts } from './seed-accounts'
import { spawnServer, type SpawnedServer } from './spawn-server'

const run = promisify(execFile)
const idleSeconds = 3

/** Signs in as the browser app does: the session comes as a cookie, the answer holds no token. */
async function cookieSignIn(server: SpawnedServer, role: keyof typeof seedAccounts = 'editor') {
  const response = await fetch(`${server.apiBaseUrl}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Rundbrief-Session': 'cookie' },
    body: JSON.stringify({
      login: seedAccounts[role].login,
      password: seedAccounts[role].password,
    }),
  })
  const setCookie = response.headers.get('Set-Cookie') ?? ''
  const body = (await response.json()) as { csrfToken: string; token?: string }
  return { status: response.status, setCookie, body, cookie: setCookie.split(';')[0] ?? '' }
}

const call = (server: SpawnedServer, path: string, init: RequestInit & { cookie: string }) =>
  fetch(`${server.apiBaseUrl}${path}`, {
    ...init,
    headers: { Cookie: init.cookie, ...init.headers },
  })

describe('Sitzung im Cookie (Node-Server)', () => {
  let server: SpawnedServer | null = null
  let databaseUrl = ''
  const running = () => {
    if (!server) throw new Error('Der Server läuft nicht.')
    return server
  }
  beforeAll(async () => {
    const url = postgresForTests()
    if (!url) return
    databaseUrl = await createDatabase(url, 'rundbrief_sitzungen')
    server = await spawnServer(
      { kind: 'postgres', url: databaseUrl },
      { SESSION_IDLE_MINUTES: String(idleSeconds / 60) },
    )
  })
  afterAll(async () => {
    await server?.stop()
  })

  it.skipIf(!postgresForTests())(
    'setzt ein HttpOnly-, Secure-, SameSite=Strict-Cookie und gibt keinen Schlüssel heraus',
    async () => {
      await running().reset()
      const signIn = await cookieSignIn(running())
      expect(signIn.status).toBe(201)
      expect(signIn.body.token).toBeUndefined()
      expect(signIn.body.csrfToken).toMatch(/^[\w-]{43}$/)
      expect(signIn.setCookie).toMatch(/^rundbrief_sitzung=\w+;/)
      for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api']) {
        expect(signIn.setCookie).toContain(attribute)
      }
      const session = await call(running(), '/session', { cookie: signIn.cookie })
      expect(await session.json()).toMatchObject({ csrfToken: signIn.body.csrfToken })
    },
  )

  it.skipIf(!postgresForTests())(
    'verlangt bei Änderungen das CSRF-Merkmal; ohne es bleibt alles, wie es war',
    async () => {
      await running().reset()
      const { cookie, body } = await cookieSignIn(running())
      const create = (headers: Record<string, string>) =>
        call(running(), '/articles', {
          cookie,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ headline: 'Über das Cookie' }),
        })
      const forged = await create({})
      expect(forged.status).toBe(403)
      expect(((await forged.json()) as { detail: string }).detail).toMatch(/Sicherheitsmerkmal/)
      expect((await create({ 'X-CSRF-Token': 'falsch' })).status).toBe(403)
      expect((await create({ 'X-CSRF-Token': body.csrfToken })).status).toBe(201)
      const logout = await call(running(), '/session', {
        cookie,
        method: 'DELETE',
        headers: { 'X-CSRF-Token': body.csrfToken },
      })
      expect(logout.status).toBe(204)
      expect(logout.headers.get('Set-Cookie')).toMatch(/rundbrief_sitzung=;.*Max-Age=0/)
      expect((await call(running(), '/issues', { cookie })).status).toBe(401)
    },
  )

  it.skipIf(!postgresForTests())(
    `beendet eine Sitzung nach ${idleSeconds} s ohne Anfrage, nicht solange gearbeitet wird`,
    async () => {
      await running().reset()
      const { cookie } = await cookieSignIn(running())
      // Working keeps it open: a request every second for longer than the idle time.
      for (let second = 0; second < idleSeconds + 2; second++) {
        expect((await call(running(), '/issues', { cookie })).status).toBe(200)
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
      await new Promise((resolve) => setTimeout(resolve, (idleSeconds + 1) * 1000))
      const idle = await call(running(), '/issues', { cookie })
      expect(idle.status).toBe(401)
      expect(((await idle.json()) as { detail: string }).detail).toMatch(
        /ohne Aktivität abgemeldet/,
      )
    },
  )

  it.skipIf(!postgresForTests())(
    '„npm run user:disable“ beendet die Sitzungen der Person sofort, „user:enable“ gibt sie frei',
    async () => {
      await running().reset()
      const { cookie } = await cookieSignIn(running())
      expect((await call(running(), '/issues', { cookie })).status).toBe(200)
      const admin = join(dirname(testServerBundle), 'user-admin.js')
      const env = { ...process.env, DATABASE_URL: databaseUrl }
      const disabled = await run(
        process.execPath,
        [admin, 'disable', '--login', seedAccounts.editor.login],
        { env },
      )
      expect(disabled.stdout).toContain('ist gesperrt; 1 offene Sitzung(en) beendet.')
      expect((await call(running(), '/issues', { cookie })).status).toBe(401)
      expect((await cookieSignIn(running())).status).toBe(401)
      const listed = await run(process.execPath, [admin, 'list'], { env })
      expect(listed.stdout).toMatch(/frank\.ruehling\tDr\. Frank Rühling\tRedaktion\tgesperrt/)
      await run(process.execPath, [admin, 'enable', '--login', seedAccounts.editor.login], { env })
      expect((await cookieSignIn(running())).status).toBe(201)
      const passwd = execFile(
        process.execPath,
        [admin, 'passwd', '--login', seedAccounts.editor.login],
        { env },
      )
      passwd.stdin?.end('ein ganz neues Passwort\n')
      await new Promise((resolve) => passwd.once('exit', resolve))
      expect((await cookieSignIn(running())).status).toBe(401)
    },
  )
})
