import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { StartupError } from './startup-error'

/** The lock file inside a PGlite data folder, present while a process has the folder open. */
export const lockFileName = 'rundbrief.lock'

/** A held lock on a data folder. */
export interface DataDirLock {
  path: string
  /** Removes the lock file (only if it is still this process's); safe to call twice. */
  release(): void
}

interface LockOwner {
  pid: number
  host: string
  since: string
  token: string
}

/** Folders this process holds: a second open in the same process is refused, not taken over. */
const heldHere = new Set<string>()

/** The lock's owner; null when the file is empty or not ours (a lock being written, or garbage). */
function readOwner(path: string): LockOwner | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
  try {
    const parsed: unknown = JSON.parse(text)
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'pid' in parsed &&
      typeof parsed.pid === 'number' &&
      'host' in parsed &&
      typeof parsed.host === 'string' &&
      'since' in parsed &&
      typeof parsed.since === 'string' &&
      'token' in parsed &&
      typeof parsed.token === 'string'
    ) {
      return { pid: parsed.pid, host: parsed.host, since: parsed.since, token: parsed.token }
    }
    return null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

function formatSince(since: string): string {
  const date = new Date(since)
  if (Number.isNaN(date.getTime())) return since
  return date.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })
}

function lockedError(dataDir: string, path: string, owner: LockOwner | null): StartupError {
  const who = owner
    ? `ein anderer Prozess (PID ${owner.pid} auf ${owner.host}, seit ${formatSince(owner.since)})`
    : 'ein anderer Prozess, der ihn gerade öffnet,'
  return new StartupError(
    `Der Datenordner ${dataDir} ist gesperrt: ${who} benutzt ihn schon. ` +
      'Mit PGlite darf nur ein Prozess den Datenordner öffnen. Beenden Sie den anderen Prozess ' +
      '(für „npm run user:add“ den Server vorher anhalten) oder stellen Sie auf PostgreSQL um ' +
      `(DATABASE_URL). Läuft sicher kein solcher Prozess mehr, löschen Sie die Datei ${path}.`,
  )
}

/**
 * Takes the data folder for this process: creates the folder (not its parents) and the lock
 * file with `open(…, 'wx')`. A lock whose process is gone on this machine is taken over; a live
 * one, or one from another machine (not checkable), ends in a German StartupError.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  try {
    mkdirSync(dataDir, { mode: 0o700 })
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error
  }
  const path = join(dataDir, lockFileName)
  if (heldHere.has(dataDir)) throw lockedError(dataDir, path, readOwner(path))
  const host = hostname()
  const owner: LockOwner = {
    pid: process.pid,
    host,
    since: new Date().toISOString(),
    token: crypto.randomUUID(),
  }

  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx', 0o644)
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error
      const existing = readOwner(path)
      if (!existing) {
        // Either a lock being written this instant, or garbage left by a crash.
        const stat = statSync(path, { throwIfNoEntry: false })
        if (stat && Date.now() - stat.mtimeMs < 10_000) throw lockedError(dataDir, path, null)
      } else if (existing.host !== host) {
        throw lockedError(dataDir, path, existing)
      } else if (existing.pid !== process.pid && isAlive(existing.pid)) {
        throw lockedError(dataDir, path, existing)
      }
      // Stale: its process is gone (or is an earlier life of our own PID, e.g. PID 1 in a container).
      try {
        unlinkSync(path)
      } catch (unlinkError) {
        if (errorCode(unlinkError) !== 'ENOENT') throw unlinkError
      }
      continue
    }
    try {
      writeSync(fd, `${JSON.stringify(owner)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    heldHere.add(dataDir)
    const release = () => {
      if (!heldHere.delete(dataDir)) return
      process.off('exit', release)
      try {
        if (readOwner(path)?.token === owner.token) unlinkSync(path)
      } catch {
        // Gone or unreadable: nothing left that is ours.
      }
    }
    process.on('exit', release)
    return { path, release }
  }
  throw lockedError(dataDir, path, readOwner(path))
}
