import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readConfig } from './config'

describe('Server-Konfiguration', () => {
  it('nimmt ohne Angaben PGlite unter data/ und Port 8080', () => {
    const config = readConfig({})
    expect(config).toMatchObject({
      port: 8080,
      database: { kind: 'pglite', dataDir: resolve('data') },
      distDir: resolve('dist'),
      trustedProxies: 0,
      sessionTtlHours: 12,
    })
  })

  it('nimmt mit DATABASE_URL PostgreSQL; leere Variablen gelten als nicht gesetzt', () => {
    expect(
      readConfig({ DATABASE_URL: 'postgres://rundbrief@db/rundbrief', PORT: '', TRUST_PROXY: '' }),
    ).toMatchObject({
      port: 8080,
      database: { kind: 'postgres', url: 'postgres://rundbrief@db/rundbrief' },
      trustedProxies: 0,
    })
  })

  it('zählt vertrauenswürdige Proxys; das alte TRUST_PROXY=1 heißt einer', () => {
    expect(readConfig({ TRUSTED_PROXIES: '2' }).trustedProxies).toBe(2)
    expect(readConfig({ TRUSTED_PROXIES: '0' }).trustedProxies).toBe(0)
    expect(readConfig({ TRUST_PROXY: '1' }).trustedProxies).toBe(1)
    expect(readConfig({ TRUST_PROXY: 'ja' }).trustedProxies).toBe(1)
    expect(readConfig({ TRUST_PROXY: '0' }).trustedProxies).toBe(0)
    expect(readConfig({ TRUST_PROXY: '1', TRUSTED_PROXIES: '2' }).trustedProxies).toBe(2)
    expect(readConfig({ TRUST_PROXY: '1', TRUSTED_PROXIES: '0' }).trustedProxies).toBe(0)
  })

  it('erklärt jede falsche Variable auf Deutsch', () => {
    expect(() =>
      readConfig({
        PORT: 'achtzig',
        DATABASE_URL: 'mysql://x',
        TRUSTED_PROXIES: 'alle',
        TRUST_PROXY: 'vielleicht',
      }),
    ).toThrow(
      /Die Konfiguration ist ungültig:\n {2}PORT: .*\n {2}DATABASE_URL: muss mit postgres:\/\/ beginnen\n {2}TRUSTED_PROXIES: erwartet die Anzahl eigener Proxys vor dem Server \(0 bis 10\)\n {2}TRUST_PROXY: erwartet 1 oder 0/,
    )
    expect(() => readConfig({ TRUSTED_PROXIES: '-1' })).toThrow(/TRUSTED_PROXIES: erwartet/)
    expect(() => readConfig({ TRUSTED_PROXIES: '1.5' })).toThrow(/TRUSTED_PROXIES: erwartet/)
  })
})
