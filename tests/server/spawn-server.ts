import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testServerBundle } from './build-test-server'

/** A real Rundbrief server in its own Node process. */
export interface SpawnedServer {
  url: string
  apiBaseUrl: string
  process: ChildProcess
  /** Restores the August 2018 demo data with the seed accounts. */
  reset(): Promise<void>
  /** Holds each versioned write (and a comment thread's deletion) back by `ms` (0: off; reset also turns it off). */
  delayWrites(ms: number): Promise<void>
  /** SIGTERM and wait. */
  stop(): Promise<void>
  /** SIGKILL and wait: no chance to flush or close anything. */
  kill(): Promise<void>
  output(): string
}

export type ServerDatabase = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }

/** A fresh folder for an embedded database, removed by the returned function. */
export function temporaryDataDir(): { dataDir: string; remove: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'rundbrief-data-'))
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) }
}

/** What every spawned server process of the tests gets: any free port, loopback, quiet, API only. */
export const testServerEnv = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SERVE_APP: '0',
} as const

/** Starts the built test server (see build-test-server.ts) and waits until it listens. */
export function spawnServer(
  database: ServerDatabase,
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [testServerBundle], {
    env: {
      ...process.env,
      ...testServerEnv,
      ...(database.kind === 'pglite'
        ? { DATA_DIR: database.dataDir, DATABASE_URL: '' }
        : { DATABASE_URL: database.url }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  return new Promise((resolveServer, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`Server startet nicht innerhalb von 60 s:\n${output}`))
    }, 60_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Server beendet (Code ${code}):\n${output}`))
    })
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /RUNDBRIEF_URL=(\S+)/.exec(output)?.[1]
      if (!url) return
      clearTimeout(timer)
      resolveServer({
        url,
        apiBaseUrl: `${url}/api`,
        process: child,
        output: () => output,
        async reset() {
          const response = await fetch(`${url}/testing/reset`, { method: 'POST' })
          if (response.status !== 204) throw new Error(`Reset: ${response.status}`)
        },
        async delayWrites(ms) {
          const response = await fetch(`${url}/testing/write-delay?ms=${ms}`, { method: 'POST' })
          if (response.status !== 204) throw new Error(`Verzögerung: ${response.status}`)
        },
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM')
          await exited
        },
        async kill() {
          if (child.exitCode === null) child.kill('SIGKILL')
          await exited
        },
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
}
