import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockDataDir, lockFileName, type DataDirLock } from './data-dir-lock'

let parent: string
let dataDir: string
const held: DataDirLock[] = []

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'rundbrief-sperre-'))
  dataDir = join(parent, 'data')
})
afterEach(() => {
  held.splice(0).forEach((lock) => lock.release())
  rmSync(parent, { recursive: true, force: true })
})

const lock = () => {
  const taken = lockDataDir(dataDir)
  held.push(taken)
  return taken
}
const lockPath = () => join(dataDir, lockFileName)
const owner = () => JSON.parse(readFileSync(lockPath(), 'utf8')) as { pid: number; host: string }
const writeLock = (content: object | string) => {
  writeFileSync(lockPath(), typeof content === 'string' ? content : JSON.stringify(content))
}

/** The id of a process that has ended. */
function deadPid(): number {
  const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(ended.stdout.toString())
}

describe('Sperre des PGlite-Datenordners', () => {
  it('legt Ordner und Sperrdatei mit der eigenen PID an und entfernt sie beim Freigeben', () => {
    const taken = lock()
    expect(taken.path).toBe(lockPath())
    expect(owner()).toMatchObject({ pid: process.pid, host: hostname() })
    taken.release()
    expect(existsSync(lockPath())).toBe(false)
    taken.release()
    lock()
    expect(owner().pid).toBe(process.pid)
  })

  it('verweigert einen zweiten Zugriff und nennt Ordner, PID und Sperrdatei', () => {
    lock()
    expect(() => lockDataDir(dataDir)).toThrow(
      `Der Datenordner ${dataDir} ist gesperrt: ein anderer Prozess (PID ${process.pid} auf ${hostname()}`,
    )
    expect(() => lockDataDir(dataDir)).toThrow(`löschen Sie die Datei ${lockPath()}.`)
  })

  it('verweigert den Zugriff, solange der Prozess der Sperre lebt', () => {
    lock().release()
    writeLock({ pid: process.ppid, host: hostname(), since: new Date().toISOString(), token: 'x' })
    expect(() => lockDataDir(dataDir)).toThrow(`PID ${process.ppid}`)
    expect(owner().pid).toBe(process.ppid)
  })

  it('übernimmt die Sperre eines beendeten Prozesses', () => {
    lock().release()
    const pid = deadPid()
    writeLock({ pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'alt' })
    lock()
    expect(owner().pid).toBe(process.pid)
  })

  it('übernimmt eine Sperre mit der eigenen PID aus einem früheren Leben (PID 1 im Container)', () => {
    lock().release()
    writeLock({
      pid: process.pid,
      host: hostname(),
      since: '2026-01-01T00:00:00.000Z',
      token: 'alt',
    })
    lock()
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).not.toMatchObject({ token: 'alt' })
  })

  it('verweigert die Sperre eines anderen Rechners (nicht prüfbar)', () => {
    lock().release()
    writeLock({
      pid: deadPid(),
      host: 'anderer-rechner',
      since: new Date().toISOString(),
      token: 'x',
    })
    expect(() => lockDataDir(dataDir)).toThrow(/auf anderer-rechner/)
  })

  it('wartet bei einer leeren, frischen Sperrdatei; eine alte leere übernimmt sie', () => {
    lock().release()
    writeLock('')
    expect(() => lockDataDir(dataDir)).toThrow(
      /gesperrt: ein anderer Prozess, der ihn gerade öffnet,/,
    )
    const minuteAgo = new Date(Date.now() - 60_000)
    utimesSync(lockPath(), minuteAgo, minuteAgo)
    lock()
    expect(owner().pid).toBe(process.pid)
  })

  it('legt keine übergeordneten Ordner an', () => {
    expect(() => lockDataDir(join(parent, 'fehlt', 'data'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    )
  })
})
