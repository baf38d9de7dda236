import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { lockFileName } from '../../src/server/node/data-dir-lock'
import { testServerBundle } from './build-test-server'
import { postgresForTests } from './postgres-available'
import { createDatabase } from './postgres-cluster'
import { spawnServer, temporaryDataDir, testServerEnv } from './spawn-server'

const bundleDir = dirname(testServerBundle)
const folders: { remove: () => void }[] = []
afterAll(() => folders.forEach((folder) => folder.remove()))

function freshFolder(): string {
  const folder = temporaryDataDir()
  folders.push(folder)
  return folder.dataDir
}

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a built entry (main.js: `npm start`, user-add.js) until it exits by itself. */
function runUntilExit(
  entry: 'main.js' | 'user-add.js',
  env: Record<string, string>,
  options: { args?: string[]; stdin?: string; uid?: number } = {},
): Promise<Finished> {
  const child = spawn(process.execPath, [join(bundleDir, entry), ...(options.args ?? [])], {
    env: {
      ...process.env,
      ...testServerEnv,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdin.end(options.stdin ?? '')
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${entry} endet nicht innerhalb von 30 s:\n${stdout}\n${stderr}`))
    }, 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolveExit({ code, stdout, stderr })
    })
  })
}

function expectNoStackTrace(finished: Finished) {
  expect(`${finished.stdout}\n${finished.stderr}`).not.toMatch(/^\s+at /m)
}

/** A port on loopback that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const address = server.address()
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
  if (address === null || typeof address === 'string') throw new Error('Kein Port')
  return address.port
}

describe('Sperre des PGlite-Datenordners', () => {
  it('verweigert einen zweiten Server und user:add, solange der erste läuft; danach startet ein neuer', async () => {
    const dataDir = freshFolder()
    const first = await spawnServer({ kind: 'pglite', dataDir })
    const lockPath = join(dataDir, lockFileName)
    try {
      expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: first.process.pid })

      const second = await runUntilExit('main.js', { DATA_DIR: dataDir, DATABASE_URL: '' })
      expect(second.code).toBe(1)
      expect(second.stderr).toContain(
        `Rundbrief konnte nicht starten. Der Datenordner ${dataDir} ist gesperrt: ein anderer Prozess (PID ${first.process.pid} `,
      )
      expectNoStackTrace(second)

      const userAdd = await runUntilExit(
        'user-add.js',
        { DATA_DIR: dataDir, DATABASE_URL: '' },
        {
          args: ['--login', 'neu.person', '--name', 'Neue Person', '--role', 'editor'],
          stdin: 'ein-langes-passwort-123\n',
        },
      )
      expect(userAdd.code).toBe(1)
      expect(userAdd.stderr).toContain(
        `Die Person wurde nicht angelegt. Der Datenordner ${dataDir} ist gesperrt`,
      )
      expect(userAdd.stderr).toContain('für „npm run user:add“ den Server vorher anhalten')
      expectNoStackTrace(userAdd)

      const ready = await fetch(`${first.url}/readyz`)
      expect(ready.status).toBe(200)
    } finally {
      await first.stop()
    }
    expect(existsSync(lockPath)).toBe(false)

    const added = await runUntilExit(
      'user-add.js',
      { DATA_DIR: dataDir, DATABASE_URL: '' },
      {
        args: ['--login', 'neu.person', '--name', 'Neue Person', '--role', 'editor'],
        stdin: 'ein-langes-passwort-123\n',
      },
    )
    expect(added).toMatchObject({ code: 0 })
    expect(added.stdout).toContain('Angelegt: Neue Person (Redaktion)')

    const weak = await runUntilExit(
      'user-add.js',
      { DATA_DIR: dataDir, DATABASE_URL: '' },
      {
        args: ['--login', 'kurz.passwort', '--name', 'Kurz', '--role', 'chef'],
        stdin: 'kurz\n',
      },
    )
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('Passwort: Das Passwort muss mindestens 12 Zeichen lang sein.')
    expect(weak.stderr).toMatch(/^Rolle: /m)
    expect(weak.stderr).not.toMatch(/password:|role:/)
    expect(existsSync(lockPath)).toBe(false)

    const third = await spawnServer({ kind: 'pglite', dataDir })
    await third.stop()
  })

  it('übernimmt die Sperre eines abgestürzten Servers (SIGKILL, PID beendet)', async () => {
    const dataDir = freshFolder()
    const crashed = await spawnServer({ kind: 'pglite', dataDir })
    await crashed.kill()
    const lockPath = join(dataDir, lockFileName)
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: crashed.process.pid })

    const next = await spawnServer({ kind: 'pglite', dataDir })
    try {
      expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: next.process.pid })
      expect((await fetch(`${next.url}/readyz`)).status).toBe(200)
    } finally {
      await next.stop()
    }
  })
})

describe('Startfehler', () => {
  it('nennt einen fehlenden übergeordneten Ordner', async () => {
    const dataDir = join(freshFolder(), 'fehlt', 'data')
    const finished = await runUntilExit('main.js', { DATA_DIR: dataDir, DATABASE_URL: '' })
    expect(finished.code).toBe(1)
    expect(finished.stderr).toContain(
      `Rundbrief konnte nicht starten. Der Datenordner ${dataDir} lässt sich nicht anlegen: der übergeordnete Ordner ${dirname(dataDir)} fehlt.`,
    )
    expectNoStackTrace(finished)
  })

  it('nennt einen Datenordner ohne Schreibrecht', async () => {
    const parent = freshFolder()
    const dataDir = join(parent, 'data')
    mkdirSync(dataDir)
    chmodSync(parent, 0o755)
    chmodSync(dataDir, 0o555)
    // root darf trotz Rechten schreiben: dann als „nobody“ starten.
    const uid = process.getuid?.() === 0 ? 65534 : undefined
    const finished = await runUntilExit('main.js', { DATA_DIR: dataDir, DATABASE_URL: '' }, { uid })
    chmodSync(dataDir, 0o755)
    expect(finished.code).toBe(1)
    expect(finished.stderr).toContain(
      `Rundbrief konnte nicht starten. Rundbrief darf im Datenordner ${dataDir} nicht schreiben: keine Berechtigung (${join(dataDir, lockFileName)}).`,
    )
    expectNoStackTrace(finished)
  })

  it('nennt einen PostgreSQL-Server, der nicht erreichbar ist', async () => {
    const port = await closedPort()
    const finished = await runUntilExit('main.js', {
      DATABASE_URL: `postgres://rundbrief:geheim@127.0.0.1:${port}/rundbrief`,
    })
    expect(finished.code).toBe(1)
    expect(finished.stderr).toContain(
      `Rundbrief konnte nicht starten. PostgreSQL unter 127.0.0.1:${port} ist nicht erreichbar: die Verbindung wurde abgelehnt.`,
    )
    expect(finished.stderr).toContain('Ursache: ECONNREFUSED')
    expect(`${finished.stdout}${finished.stderr}`).not.toContain('geheim')
    expectNoStackTrace(finished)
  })
})

describe('Auslieferung der App', () => {
  it('liefert keine Source Maps aus', async () => {
    const distDir = freshFolder()
    mkdirSync(join(distDir, 'assets'))
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Rundbrief</title>')
    writeFileSync(join(distDir, 'assets', 'index-abc.js'), 'console.log(1)')
    writeFileSync(join(distDir, 'assets', 'index-abc.js.map'), '{"version":3}')
    writeFileSync(join(distDir, 'sw.js.map'), '{"version":3}')
    const server = await spawnServer(
      { kind: 'pglite', dataDir: freshFolder() },
      { SERVE_APP: '1', DIST_DIR: distDir },
    )
    try {
      expect((await fetch(`${server.url}/assets/index-abc.js`)).status).toBe(200)
      expect((await fetch(`${server.url}/assets/index-abc.js.map`)).status).toBe(404)
      expect((await fetch(`${server.url}/sw.js.map`)).status).toBe(404)
      expect((await fetch(`${server.url}/assets/fehlt.js.map`)).status).toBe(404)
      expect((await fetch(`${server.url}/ausgaben`)).status).toBe(200)
    } finally {
      await server.stop()
    }
  })
})

const postgresUrl = postgresForTests()

describe.skipIf(!postgresUrl)('Bereitschaft mit PostgreSQL', () => {
  it('läuft weiter, wenn PostgreSQL Verbindungen mitten in Anfragen abbricht', async () => {
    const name = 'rundbrief_abbruch'
    const url = await createDatabase(postgresUrl ?? '', name)
    const admin = new pg.Client({ connectionString: postgresUrl ?? '' })
    await admin.connect()
    const server = await spawnServer({ kind: 'postgres', url })
    let running = true
    server.process.once('exit', () => (running = false))
    let probing = true
    const probes = (async () => {
      while (probing && running) await fetch(`${server.url}/readyz`).catch(() => {})
    })()
    try {
      for (let round = 0; round < 30 && running; round++) {
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
          [name],
        )
        await new Promise((resolveWait) => setTimeout(resolveWait, 30))
      }
      probing = false
      await probes
      expect(running).toBe(true)
      await expect.poll(async () => (await fetch(`${server.url}/readyz`)).status).toBe(200)
    } finally {
      probing = false
      await server.stop()
      await admin.end()
    }
  })

  it('meldet 503 „nicht beschreibbar“, solange die Datenbank nur lesen lässt', async () => {
    const name = 'rundbrief_nur_lesen'
    const url = await createDatabase(postgresUrl ?? '', name)
    const admin = new pg.Client({ connectionString: postgresUrl ?? '' })
    await admin.connect()
    const server = await spawnServer({ kind: 'postgres', url })
    const setReadOnly = async (on: boolean) => {
      await admin.query(
        `alter database "${name}" ${on ? 'set default_transaction_read_only = on' : 'reset default_transaction_read_only'}`,
      )
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      )
    }
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
      await setReadOnly(true)
      const readiness = async () => {
        const ready = await fetch(`${server.url}/readyz`)
        return { status: ready.status, body: (await ready.json()) as unknown }
      }
      await expect
        .poll(readiness, { timeout: 15_000 })
        .toEqual({ status: 503, body: { status: 'nicht bereit', database: 'nicht beschreibbar' } })
      await setReadOnly(false)
      await expect
        .poll(readiness, { timeout: 15_000 })
        .toEqual({ status: 200, body: { status: 'ok', database: 'beschreibbar' } })
    } finally {
      await server.stop()
      await admin.end()
    }
  })
})
