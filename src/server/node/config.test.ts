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
      trustProxy: false,
      sessionTtlHours: 12,
    })
  })

  it('nimmt mit DATABASE_URL PostgreSQL; leere Variablen gelten als nicht gesetzt', () => {
    expect(
      readConfig({ DATABASE_URL: 'postgres://rundbrief@db/rundbrief', PORT: '', TRUST_PROXY: '1' }),
    ).toMatchObject({
      port: 8080,
      database: { kind: 'postgres', url: 'postgres://rundbrief@db/rundbrief' },
      trustProxy: true,
    })
  })

  it('erklärt jede falsche Variable auf Deutsch', () => {
    expect(() =>
      readConfig({ PORT: 'achtzig', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'vielleicht' }),
    ).toThrow(
      /Die Konfiguration ist ungültig:\n {2}PORT: .*\n {2}DATABASE_URL: muss mit postgres:\/\/ beginnen\n {2}TRUST_PROXY: erwartet 1 oder 0/,
    )
  })
})
