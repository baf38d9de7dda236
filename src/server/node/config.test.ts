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

  it('liest PUBLIC_URL auch ohne SMTP (für das Archiv), ohne Schrägstrich am Ende', () => {
    expect(readConfig({}).publicUrl).toBeNull()
    expect(readConfig({ PUBLIC_URL: 'https://rundbrief.gera.de/' })).toMatchObject({
      publicUrl: 'https://rundbrief.gera.de',
      mail: null,
    })
    expect(() => readConfig({ PUBLIC_URL: 'http://rundbrief.gera.de' })).toThrow(
      /PUBLIC_URL: erwartet die öffentliche Adresse des Servers mit https:\/\//,
    )
  })

  describe('Versand über SMTP', () => {
    const smtp = {
      SMTP_URL: 'smtp://rundbrief:geheim@relay.gera.de:587',
      MAIL_FROM: 'Stadt Gera – Dezernat Soziales <newsletter@gera.de>',
      PUBLIC_URL: 'https://rundbrief.gera.de/',
    }
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n'

    it('startet ohne SMTP_URL ohne Versand', () => {
      expect(readConfig({}).mail).toBeNull()
      expect(readConfig({ MAIL_FROM: 'newsletter@gera.de' }).mail).toBeNull()
    })

    it('leitet Listenkennung, Listenname, Abmeldepostfach und Message-ID-Domain ab', () => {
      expect(readConfig(smtp).mail).toEqual({
        smtpUrl: 'smtp://rundbrief:geheim@relay.gera.de:587',
        from: 'Stadt Gera – Dezernat Soziales <newsletter@gera.de>',
        publicUrl: 'https://rundbrief.gera.de',
        perMinute: 600,
        poolSize: 5,
        listId: 'newsletter.rundbrief.gera.de',
        listName: 'Stadt Gera – Dezernat Soziales',
        unsubscribeMailbox: 'newsletter@gera.de',
        messageDomain: 'gera.de',
        dkim: null,
        confirmationHours: 48,
        secret: null,
      })
    })

    it('nimmt die ausdrücklichen Werte', () => {
      const secret = 'a'.repeat(64)
      const mail = readConfig(
        {
          ...smtp,
          SMTP_URL: 'smtps://relay.gera.de:465',
          MAIL_FROM: 'newsletter@Gera.de',
          PUBLIC_URL: 'http://localhost:8080',
          SMTP_RATE_PER_MINUTE: '120',
          SMTP_POOL_SIZE: '2',
          LIST_ID: 'soziales.gera.de',
          LIST_NAME: 'Nachrichten aus dem Dezernat Soziales',
          UNSUBSCRIBE_MAILBOX: 'abmelden@gera.de',
          SUBSCRIPTION_CONFIRM_HOURS: '24',
          MAIL_SECRET: secret,
          DKIM_DOMAIN: 'gera.de',
          DKIM_SELECTOR: 'rundbrief2026',
          DKIM_PRIVATE_KEY_FILE: '/etc/rundbrief/dkim.pem',
        },
        (path) => (path === '/etc/rundbrief/dkim.pem' ? pem : ''),
      ).mail
      expect(mail).toMatchObject({
        smtpUrl: 'smtps://relay.gera.de:465',
        publicUrl: 'http://localhost:8080',
        perMinute: 120,
        poolSize: 2,
        listId: 'soziales.gera.de',
        listName: 'Nachrichten aus dem Dezernat Soziales',
        unsubscribeMailbox: 'abmelden@gera.de',
        messageDomain: 'gera.de',
        confirmationHours: 24,
        secret,
        dkim: { domainName: 'gera.de', keySelector: 'rundbrief2026', privateKey: pem },
      })
      expect(readConfig({ ...smtp, MAIL_FROM: 'newsletter@gera.de' }).mail?.listName).toBe(
        'Newsletter',
      )
    })

    it('verlangt mit SMTP_URL Absender und öffentliche Adresse', () => {
      expect(() => readConfig({ SMTP_URL: smtp.SMTP_URL })).toThrow(
        /Die Konfiguration ist ungültig:\n {2}MAIL_FROM: fehlt \(nötig mit SMTP_URL\).*\n {2}PUBLIC_URL: fehlt \(nötig mit SMTP_URL, für die Links in den E-Mails\)/,
      )
    })

    it('erklärt falsche Werte auf Deutsch', () => {
      expect(() =>
        readConfig({
          SMTP_URL: 'http://relay.gera.de',
          MAIL_FROM: 'Newsletter',
          PUBLIC_URL: 'http://rundbrief.gera.de',
          SMTP_RATE_PER_MINUTE: '0',
          SMTP_POOL_SIZE: 'viele',
          LIST_ID: 'newsletter',
          SUBSCRIPTION_CONFIRM_HOURS: '1000',
          MAIL_SECRET: 'kurz',
        }),
      ).toThrow(
        new RegExp(
          [
            'SMTP_URL: erwartet smtp://host:587 oder smtps://host:465',
            'MAIL_FROM: erwartet eine Absenderadresse wie newsletter@gera.de',
            'PUBLIC_URL: erwartet die öffentliche Adresse des Servers mit https://',
            'SMTP_RATE_PER_MINUTE: erwartet mindestens 1 Nachricht pro Minute',
            'SMTP_POOL_SIZE: erwartet die Anzahl gleichzeitiger SMTP-Verbindungen',
            'LIST_ID: erwartet eine Listenkennung mit Punkten',
            'SUBSCRIPTION_CONFIRM_HOURS: erwartet höchstens 336 Stunden',
            'MAIL_SECRET: erwartet mindestens 32 Zeichen',
          ]
            .map((line) => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
            .join('.*\\n.*'),
        ),
      )
    })

    it('verlangt für DKIM alle drei Angaben und einen lesbaren Schlüssel', () => {
      expect(() => readConfig({ ...smtp, DKIM_DOMAIN: 'gera.de' })).toThrow(
        /DKIM_SELECTOR: fehlt: DKIM braucht.*\n {2}DKIM_PRIVATE_KEY_FILE: fehlt/,
      )
      const dkim = { DKIM_DOMAIN: 'gera.de', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: '/x.pem' }
      expect(() =>
        readConfig({ ...smtp, ...dkim }, () => {
          throw new Error('ENOENT')
        }),
      ).toThrow(/DKIM_PRIVATE_KEY_FILE: die Datei \/x.pem lässt sich nicht lesen/)
      expect(() => readConfig({ ...smtp, ...dkim }, () => 'kein Schlüssel')).toThrow(
        /DKIM_PRIVATE_KEY_FILE: enthält keinen privaten Schlüssel im PEM-Format/,
      )
    })
  })
})
