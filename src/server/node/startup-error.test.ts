import { describe, expect, it } from 'vitest'
import { explainStartupError, StartupError } from './startup-error'

const pglite = { kind: 'pglite', dataDir: '/srv/rundbrief/data' } as const
const postgres = { kind: 'postgres', url: 'postgres://rundbrief:geheim@db.intern:6432/rb' } as const

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: something, open '${path}'`), { code, path })
}

describe('Erklärung von Startfehlern', () => {
  it('gibt die Meldung eines StartupError unverändert weiter', () => {
    expect(explainStartupError(new StartupError('Der Datenordner ist gesperrt.'), pglite)).toBe(
      'Der Datenordner ist gesperrt.',
    )
  })

  it('nennt beim Datenordner Ursache und Pfad, dazu die technische Ursache ohne Stacktrace', () => {
    const missing = explainStartupError(fsError('ENOENT', '/srv/rundbrief/data'), pglite)
    expect(missing).toBe(
      'Der Datenordner /srv/rundbrief/data lässt sich nicht anlegen: der übergeordnete Ordner ' +
        '/srv/rundbrief fehlt. Legen Sie ihn an oder setzen Sie DATA_DIR auf einen vorhandenen Ort.' +
        "\n  Ursache: ENOENT ENOENT: something, open '/srv/rundbrief/data'",
    )
    expect(
      explainStartupError(fsError('EACCES', '/srv/rundbrief/data/rundbrief.lock'), pglite),
    ).toMatch(
      /^Rundbrief darf im Datenordner \/srv\/rundbrief\/data nicht schreiben: keine Berechtigung \(\/srv\/rundbrief\/data\/rundbrief\.lock\)/,
    )
    expect(explainStartupError(fsError('EROFS', '/srv/rundbrief/data'), pglite)).toMatch(
      /^Der Datenordner \/srv\/rundbrief\/data liegt auf einem schreibgeschützten Dateisystem/,
    )
    expect(explainStartupError(fsError('ENOSPC', '/srv/rundbrief/data/x'), pglite)).toMatch(
      /^Auf dem Datenträger des Datenordners \/srv\/rundbrief\/data ist kein Platz mehr/,
    )
    expect(explainStartupError(fsError('ENOTDIR', '/srv/rundbrief/data'), pglite)).toMatch(
      /ist kein Ordner/,
    )
  })

  it('erkennt die Dateifehler von PGlite (Emscripten-errno und PostgreSQL-Texte)', () => {
    const errno = { name: 'ErrnoError', errno: 51 }
    expect(explainStartupError(errno, pglite)).toMatch(/kein Platz mehr/)
    const text = new Error('could not write to file "pg_wal/xlogtemp.42": No space left on device')
    expect(explainStartupError(text, pglite)).toMatch(/kein Platz mehr[\s\S]*xlogtemp/)
    expect(explainStartupError(new Error('kaputt'), pglite)).toBe(
      'Die Datenbank im Datenordner /srv/rundbrief/data ließ sich nicht öffnen.\n  Ursache: kaputt',
    )
  })

  it('nennt bei PostgreSQL Host und Port, nie das Passwort', () => {
    const refused = new AggregateError(
      [new Error('connect ECONNREFUSED ::1:6432'), new Error('connect ECONNREFUSED 10.0.0.9:6432')],
      '',
    )
    Object.assign(refused, { code: 'ECONNREFUSED' })
    const explained = explainStartupError(refused, postgres)
    expect(explained).toMatch(
      /^PostgreSQL unter db\.intern:6432 ist nicht erreichbar: die Verbindung wurde abgelehnt\./,
    )
    expect(explained).toContain('Ursache: ECONNREFUSED connect ECONNREFUSED ::1:6432')
    const cases: [object, RegExp][] = [
      [{ code: 'ENOTFOUND' }, /den Rechnernamen kennt das DNS nicht/],
      [{ code: '28P01' }, /hat die Anmeldung als „rundbrief“ abgelehnt/],
      [{ code: '3D000' }, /hat keine Datenbank „rb“/],
      [{ code: '25006' }, /nimmt keine Schreibzugriffe an/],
      [{ message: 'timeout exceeded when trying to connect' }, /antwortet nicht/],
    ]
    for (const [details, expected] of cases) {
      const text = explainStartupError(Object.assign(new Error('x'), details), postgres)
      expect(text).toMatch(expected)
      expect(text).not.toContain('geheim')
    }
  })

  it('sieht durch eine fehlgeschlagene Migration hindurch auf die Ursache', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:6432'), {
      code: 'ECONNREFUSED',
    })
    const wrapped = new Error('Datenbank-Migration  fehlgeschlagen', { cause: refused })
    expect(explainStartupError(wrapped, postgres)).toBe(
      'PostgreSQL unter db.intern:6432 ist nicht erreichbar: die Verbindung wurde abgelehnt. ' +
        'Läuft der Datenbankserver, und stimmen Host und Port in DATABASE_URL?\n' +
        '  Ursache: ECONNREFUSED Datenbank-Migration  fehlgeschlagen: connect ECONNREFUSED 10.0.0.9:6432',
    )
  })

  it('erklärt einen belegten Port', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' })
    expect(explainStartupError(inUse, pglite, { host: '0.0.0.0', port: 8080 })).toMatch(
      /^Port 8080 auf 0\.0\.0\.0 ist schon belegt/,
    )
  })
})
