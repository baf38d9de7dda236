import { dirname } from 'node:path'

/** A start-up failure whose message is already the German explanation for the operator. */
export class StartupError extends Error {
  override name = 'StartupError'
}

/** The database in question (DatabaseConfig; repeated here to keep database.ts out of a cycle). */
export type StartupDatabase =
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string }

/** Where the server listens, for explaining a port that is taken. */
export interface ListenTarget {
  host: string
  port: number
}

// Emscripten's errno numbers (PGlite's file system errors carry these instead of a code).
const emscriptenErrno: Record<number, string> = {
  2: 'EACCES',
  19: 'EDQUOT',
  20: 'EEXIST',
  44: 'ENOENT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
}

// Texts of PostgreSQL's own file errors (strerror), as PGlite reports them.
const postgresFileErrors: [RegExp, string][] = [
  [/No space left on device|Disk quota exceeded/i, 'ENOSPC'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied/i, 'EACCES'],
]

interface ErrorFacts {
  code: string | undefined
  path: string | undefined
  message: string
}

/** The facts of an error and of its causes (a failed migration wraps the connection error). */
function factsOf(error: unknown, depth = 0): ErrorFacts {
  const own = ownFactsOf(error)
  if (depth > 4 || !(error instanceof Error) || error.cause === undefined) return own
  const cause = factsOf(error.cause, depth + 1)
  return {
    code: own.code ?? cause.code,
    path: own.path ?? cause.path,
    message: [own.message, cause.message].filter(Boolean).join(': '),
  }
}

function ownFactsOf(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) {
    return { code: undefined, path: undefined, message: String(error) }
  }
  // PGlite's file system throws Emscripten's ErrnoError, a plain object { name, errno }.
  const details = error as { code?: unknown; path?: unknown; errno?: unknown; name?: unknown }
  let message = error instanceof Error ? error.message : ''
  if (!message && error instanceof AggregateError) {
    message = error.errors.map((inner: unknown) => ownFactsOf(inner).message).join('; ')
  }
  let code = typeof details.code === 'string' ? details.code : undefined
  if (!code && details.name === 'ErrnoError' && typeof details.errno === 'number') {
    code = emscriptenErrno[details.errno]
    message ||= `Dateisystemfehler ${code ?? details.errno} in PGlite`
  }
  code ??= postgresFileErrors.find(([pattern]) => pattern.test(message))?.[1]
  return { code, path: typeof details.path === 'string' ? details.path : undefined, message }
}

function technical(facts: ErrorFacts): string {
  const firstLine = facts.message.split('\n')[0]?.slice(0, 300) ?? ''
  return [facts.code, firstLine].filter(Boolean).join(' ')
}

function explainDataDir(facts: ErrorFacts, dataDir: string): string {
  const at = facts.path && facts.path !== dataDir ? ` (${facts.path})` : ''
  switch (facts.code) {
    case 'ENOENT':
      return facts.path === dataDir || facts.path === undefined
        ? `Der Datenordner ${dataDir} lässt sich nicht anlegen: der übergeordnete Ordner ${dirname(dataDir)} fehlt. Legen Sie ihn an oder setzen Sie DATA_DIR auf einen vorhandenen Ort.`
        : `Im Datenordner ${dataDir} fehlt eine Datei${at}. Ist der Ordner unvollständig kopiert?`
    case 'EACCES':
    case 'EPERM':
      return `Rundbrief darf im Datenordner ${dataDir} nicht schreiben: keine Berechtigung${at}. Geben Sie dem Benutzer, unter dem der Server läuft, Schreibrechte auf den Ordner (oder setzen Sie DATA_DIR auf einen anderen Ort).`
    case 'EROFS':
      return `Der Datenordner ${dataDir} liegt auf einem schreibgeschützten Dateisystem${at}. Rundbrief braucht einen beschreibbaren Ordner (DATA_DIR).`
    case 'ENOSPC':
    case 'EDQUOT':
      return `Auf dem Datenträger des Datenordners ${dataDir} ist kein Platz mehr${at}. Schaffen Sie Platz und starten Sie erneut.`
    case 'ENOTDIR':
    case 'EEXIST':
      return `Der Datenordner ${dataDir} ist kein Ordner, dort liegt eine Datei. Setzen Sie DATA_DIR auf einen Ordner.`
    default:
      return `Die Datenbank im Datenordner ${dataDir} ließ sich nicht öffnen.`
  }
}

function describeServer(url: string): { server: string; user: string; database: string } {
  try {
    const parsed = new URL(url)
    const port = parsed.port || '5432'
    return {
      server: `${parsed.hostname || 'localhost'}:${port}`,
      user: decodeURIComponent(parsed.username) || '(Standard)',
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(Standard)',
    }
  } catch {
    return { server: '(unlesbare DATABASE_URL)', user: '', database: '' }
  }
}

function explainPostgres(facts: ErrorFacts, url: string): string {
  const { server, user, database } = describeServer(url)
  const where = `PostgreSQL unter ${server}`
  switch (facts.code) {
    case 'ECONNREFUSED':
      return `${where} ist nicht erreichbar: die Verbindung wurde abgelehnt. Läuft der Datenbankserver, und stimmen Host und Port in DATABASE_URL?`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where} ist nicht erreichbar: den Rechnernamen kennt das DNS nicht. Stimmt der Host in DATABASE_URL?`
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} ist nicht erreichbar: keine Antwort aus dem Netz. Stimmen Host und Port, lässt eine Firewall die Verbindung durch?`
    case '28P01':
    case '28000':
      return `${where} hat die Anmeldung als „${user}“ abgelehnt. Stimmen Benutzer und Passwort in DATABASE_URL, erlaubt pg_hba.conf die Verbindung?`
    case '3D000':
      return `${where} hat keine Datenbank „${database}“. Legen Sie sie an (createdb) oder korrigieren Sie DATABASE_URL.`
    case '42501':
      return `${where}: dem Benutzer „${user}“ fehlen Rechte in der Datenbank „${database}“ (er muss Tabellen anlegen dürfen).`
    case '25006':
      return `${where} nimmt keine Schreibzugriffe an (schreibgeschützt, z. B. ein Replikat). DATABASE_URL muss auf den Primärserver zeigen.`
    case '53100':
      return `${where} hat keinen Platz mehr auf dem Datenträger.`
    case '57P03':
      return `${where} nimmt noch keine Verbindungen an (startet gerade oder fährt herunter).`
    default:
      if (/timeout/i.test(facts.message)) {
        return `${where} antwortet nicht (keine Verbindung innerhalb der Wartezeit). Stimmen Host und Port, lässt eine Firewall die Verbindung durch?`
      }
      return `${where} ließ sich nicht benutzen.`
  }
}

/**
 * The German explanation of why the server (or user:add) could not start: the cause, the data
 * folder or database host, and on a second line the technical cause, without a stack trace.
 */
export function explainStartupError(
  error: unknown,
  database: StartupDatabase,
  listen?: ListenTarget,
): string {
  if (error instanceof StartupError) return error.message
  const facts = factsOf(error)
  let explanation: string
  if (facts.code === 'EADDRINUSE' && listen) {
    explanation = `Port ${listen.port} auf ${listen.host} ist schon belegt (läuft Rundbrief schon?). Wählen Sie mit PORT einen anderen.`
  } else if (facts.code === 'EADDRNOTAVAIL' && listen) {
    explanation = `Die Adresse ${listen.host} gibt es auf diesem Rechner nicht. Korrigieren Sie HOST.`
  } else if (database.kind === 'postgres') {
    explanation = explainPostgres(facts, database.url)
  } else if (database.dataDir) {
    explanation = explainDataDir(facts, database.dataDir)
  } else {
    explanation = 'Die eingebettete Datenbank ließ sich nicht öffnen.'
  }
  const cause = technical(facts)
  return cause ? `${explanation}\n  Ursache: ${cause}` : explanation
}
