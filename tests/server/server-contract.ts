import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineContractSuite } from '../contract/contract-suite'
import { defineConcurrencyTests } from './concurrency'
import { seedAccounts } from './seed-accounts'
import type { SpawnedServer } from './spawn-server'

/**
 * The contract suite against a running server process, plus what only the real server does:
 * simultaneous writes, health checks and security headers.
 */
export function defineServerContract(name: string, start: () => Promise<SpawnedServer>) {
  let server: SpawnedServer | null = null
  const running = () => {
    if (!server) throw new Error('Der Server läuft nicht.')
    return server
  }
  beforeAll(async () => {
    server = await start()
  })
  afterAll(async () => {
    await server?.stop()
  })

  defineContractSuite(name, {
    get baseUrl() {
      return running().apiBaseUrl
    },
    reset: () => running().reset(),
    passwords: seedAccounts,
    signIn: async (backend, role) =>
      (await backend.loginWithPassword(seedAccounts[role].login, seedAccounts[role].password))
        .token,
  })

  describe(`Gleichzeitigkeit: ${name}`, () => defineConcurrencyTests(running))

  describe(`Betrieb: ${name}`, () => {
    it('meldet Lebendigkeit und Bereitschaft (Datenbank erreichbar)', async () => {
      const health = await fetch(`${running().url}/healthz`)
      expect(health.status).toBe(200)
      const ready = await fetch(`${running().url}/readyz`)
      expect(ready.status).toBe(200)
      expect(await ready.json()).toEqual({ status: 'ok', database: 'erreichbar' })
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
    })

    it('zeigt bei internen Fehlern keinen Stacktrace, nur eine Fehler-ID', async () => {
      const response = await fetch(`${running().apiBaseUrl}/issues/%E0%A4%A`, {
        headers: { Authorization: 'Bearer x' },
      })
      const text = await response.text()
      expect(text).not.toMatch(/at .*\.(js|ts):\d+/)
      expect(response.headers.get('Content-Type')).toMatch(/problem\+json/)
    })
  })
}
