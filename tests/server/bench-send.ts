import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTransport } from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { composeIssueMessage } from '../../src/server/mail/compose-issue-message'
import type { OutgoingMessage } from '../../src/server/mail/mail-port'
import { createUnsubscribeToken } from '../../src/server/mail/unsubscribe-token'
import { createDatabase, findPostgresBinaries, startPostgresCluster } from './postgres-cluster'
import {
  addReaders,
  approveSeedIssue,
  backendOn,
  sendNow,
  storedSend,
  waitForSend,
} from './send-journey'
import { spawnServer, temporaryDataDir, type ServerDatabase } from './spawn-server'

/*
 * `npm run bench:send`: the approved seed issue to 10,000 recipients through the server's send
 * worker, and right after it the same message 10,000 times through a bare nodemailer pool with
 * as many connections, both in processes of their own to the same SMTP server (smtp-server in
 * this process, counting messages and reading them to the end). Memory: the server's resident
 * memory before the send and at its peak during it.
 */

const recipients = Number(process.env.BENCH_RECIPIENTS ?? '10000')
const poolSize = 5
const secret = 'rundbrief-bench-'.padEnd(48, 'x')

/** Resident memory of a process in MB (Linux). */
const residentMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function startCountingSink() {
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        received++
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The child process of the bare pool: sends `count` copies of the message, prints the seconds. */
async function barePool(smtpUrl: string, messageFile: string, count: number) {
  const message = JSON.parse(readFileSync(messageFile, 'utf8')) as OutgoingMessage
  const transport = createTransport({ url: smtpUrl, pool: true, maxConnections: poolSize })
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: poolSize }, async () => {
      while (next < count) {
        const index = next++
        await transport.sendMail({
          from: message.from,
          to: message.to.replace('@', `+${index}@`),
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: message.messageId.replace('@', `.${index}@`),
          headers: message.headers,
        })
      }
    }),
  )
  process.stdout.write(`${(performance.now() - started) / 1000}\n`)
  transport.close()
}

async function runBarePool(smtpUrl: string, message: OutgoingMessage): Promise<number> {
  const messageFile = join(tmpdir(), `rundbrief-bench-nachricht-${process.pid}.json`)
  writeFileSync(messageFile, JSON.stringify(message))
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), 'bare', smtpUrl, messageFile, String(recipients)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`Nodemailer-Pool beendet mit Code ${code}`)
  return Number(output.trim())
}

interface Result {
  database: string
  serverPerSecond: number
  barePerSecond: number
  baseMb: number
  peakMb: number
}

async function benchOne(name: string, database: ServerDatabase): Promise<Result> {
  const sink = await startCountingSink()
  const server = await spawnServer(database, {
    SMTP_URL: sink.url,
    MAIL_FROM: 'Stadt Gera – Dezernat Soziales <jugend.soziales@gera.de>',
    PUBLIC_URL: 'https://rundbrief.gera.de',
    SMTP_RATE_PER_MINUTE: '1000000',
    SMTP_POOL_SIZE: String(poolSize),
    MAIL_SECRET: secret,
    // BENCH_PROFILE=folder: a CPU profile of the server (open in Chrome DevTools)
    ...(process.env.BENCH_PROFILE
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
      : {}),
  })
  try {
    await server.reset()
    await addReaders(server, recipients)
    const [editor, head] = await Promise.all([
      backendOn(server, 'editor'),
      backendOn(server, 'head'),
    ])
    await approveSeedIssue(editor, head)
    const pid = server.process.pid ?? 0
    const baseMb = residentMb(pid)
    let peakMb = baseMb
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, residentMb(pid))), 20)
    const started = performance.now()
    const send = await sendNow(head)
    // the send page asks for the progress once a second meanwhile
    const done = waitForSend(head, send.id, undefined, 30 * 60_000, 1000)
    while (sink.received() < recipients) await new Promise((resolve) => setTimeout(resolve, 5))
    const serverSeconds = (performance.now() - started) / 1000
    const progress = await done
    clearInterval(sampler)
    if (progress.counts.sent !== recipients || sink.received() !== recipients)
      throw new Error(`Gesendet ${progress.counts.sent}, angekommen ${sink.received()}`)

    const stored = await storedSend(server, send.id)
    const message = composeIssueMessage(
      { ...send, message: stored.message },
      { id: 'leser-0001', email: 'leser@example.org' },
      await createUnsubscribeToken(secret, 'leser-0001'),
      {
        publicUrl: 'https://rundbrief.gera.de',
        listId: 'newsletter.rundbrief.gera.de',
        listName: 'Stadt Gera – Dezernat Soziales',
        unsubscribeMailbox: 'jugend.soziales@gera.de',
        messageDomain: 'gera.de',
      },
    )
    const bareSeconds = await runBarePool(sink.url, message)
    if (sink.received() !== 2 * recipients)
      throw new Error(`Nodemailer-Pool: ${sink.received() - recipients} angekommen`)
    return {
      database: name,
      serverPerSecond: recipients / serverSeconds,
      barePerSecond: recipients / bareSeconds,
      baseMb,
      peakMb,
    }
  } finally {
    await server.stop()
    await sink.close()
  }
}

const format = (value: number, digits = 0) => value.toFixed(digits).replace('.', ',')

async function main() {
  const results: Result[] = []
  const data = temporaryDataDir()
  try {
    results.push(await benchOne('PGlite', { kind: 'pglite', dataDir: data.dataDir }))
  } finally {
    data.remove()
  }
  const binaries = findPostgresBinaries()
  if (binaries) {
    const cluster = await startPostgresCluster(binaries)
    try {
      const url = await createDatabase(cluster.url, 'rundbrief_bench_versand')
      results.push(await benchOne('PostgreSQL', { kind: 'postgres', url }))
    } finally {
      cluster.stop()
    }
  } else {
    console.log('Kein PostgreSQL installiert: nur PGlite gemessen.')
  }
  console.log(
    `\n${recipients} Empfänger, ${poolSize} SMTP-Verbindungen, smtp-server auf Loopback, ohne Drosselung\n`,
  )
  console.log(
    '| Datenbank | Server Nachrichten/s | nodemailer-Pool Nachrichten/s | Verhältnis | RSS vorher MB | RSS Spitze MB | Zuwachs MB |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|')
  for (const result of results)
    console.log(
      `| ${result.database} | ${format(result.serverPerSecond)} | ${format(result.barePerSecond)} | ${format(result.serverPerSecond / result.barePerSecond, 2)} | ${format(result.baseMb)} | ${format(result.peakMb)} | ${format(result.peakMb - result.baseMb)} |`,
    )
}

if (process.argv[2] === 'bare')
  await barePool(process.argv[3] ?? '', process.argv[4] ?? '', Number(process.argv[5]))
else await main()
