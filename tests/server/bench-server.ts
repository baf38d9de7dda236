import { request, Agent } from 'node:http'
import { createDatabase, findPostgresBinaries, startPostgresCluster } from './postgres-cluster'
import { signInOn } from './server-api'
import { spawnServer, temporaryDataDir, type SpawnedServer } from './spawn-server'

const clients = 20
const durationMs = Number(process.env.BENCH_SECONDS ?? '10') * 1000
const agent = new Agent({ keepAlive: true, maxSockets: clients })

interface Reply {
  status: number
  body: string
}

function send(url: string, method: string, token: string, body?: string): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const target = new URL(url)
    const call = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
            : {}),
        },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolveReply({ status: response.statusCode ?? 0, body: text }))
      },
    )
    call.on('error', reject)
    call.end(body)
  })
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

interface Result {
  database: string
  scenario: string
  requests: number
  errors: number
  perSecond: number
  p50: number
  p99: number
}

/** Runs `clients` loops of `step` for the bench duration and collects latencies. */
async function load(
  database: string,
  scenario: string,
  step: (client: number) => Promise<boolean>,
): Promise<Result> {
  const latencies: number[] = []
  let errors = 0
  const started = performance.now()
  const stopAt = started + durationMs
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < stopAt) {
        const before = performance.now()
        const ok = await step(client).catch(() => false)
        latencies.push(performance.now() - before)
        if (!ok) errors++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const sorted = latencies.sort((a, b) => a - b)
  return {
    database,
    scenario,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  }
}

const paragraphs = Array.from(
  { length: 12 },
  (_, index) =>
    `Absatz ${index + 1}: Die Sozialplanung der Stadt Gera beschreibt Angebote, Bedarfe und Wege der Beteiligung in den Stadtteilen, damit Entscheidungen auf belastbaren Zahlen beruhen.`,
)

async function benchOne(database: string, server: SpawnedServer): Promise<Result[]> {
  await server.reset()
  const token = await signInOn(server)
  const articles: { id: string; version: number }[] = []
  for (let client = 0; client < clients; client++) {
    const created = await send(
      `${server.apiBaseUrl}/articles`,
      'POST',
      token,
      JSON.stringify({ headline: `Lastprobe ${client + 1}` }),
    )
    articles.push(JSON.parse(created.body) as { id: string; version: number })
  }
  const save = async (client: number) => {
    const article = articles[client]
    if (!article) return false
    const reply = await send(
      `${server.apiBaseUrl}/articles/${article.id}`,
      'PATCH',
      token,
      JSON.stringify({
        version: article.version,
        body: {
          type: 'doc',
          content: paragraphs.map((text) => ({
            type: 'paragraph',
            content: [{ type: 'text', text: `${text} (${article.version})` }],
          })),
        },
      }),
    )
    if (reply.status !== 200) return false
    article.version = (JSON.parse(reply.body) as { version: number }).version
    return true
  }
  const readIssue = async () =>
    (await send(`${server.apiBaseUrl}/issues/ausgabe-2018-08`, 'GET', token)).status === 200
  const readIssueArticles = async () =>
    (await send(`${server.apiBaseUrl}/articles?issueId=ausgabe-2018-08`, 'GET', token)).status ===
    200
  return [
    await load(database, 'Beitrag speichern (PATCH, 300 Wörter)', save),
    await load(database, 'Ausgabe lesen (GET /issues/:id)', readIssue),
    await load(database, 'Beiträge der Ausgabe lesen (GET /articles?issueId=)', readIssueArticles),
  ]
}

const format = (value: number) => value.toFixed(1).replace('.', ',')

async function main() {
  const results: Result[] = []
  const data = temporaryDataDir()
  const pglite = await spawnServer({ kind: 'pglite', dataDir: data.dataDir })
  try {
    results.push(...(await benchOne('PGlite', pglite)))
  } finally {
    await pglite.stop()
    data.remove()
  }
  const binaries = findPostgresBinaries()
  if (binaries) {
    const cluster = await startPostgresCluster(binaries)
    try {
      const url = await createDatabase(cluster.url, 'rundbrief_bench')
      const postgres = await spawnServer({ kind: 'postgres', url })
      try {
        results.push(...(await benchOne('PostgreSQL', postgres)))
      } finally {
        await postgres.stop()
      }
    } finally {
      cluster.stop()
    }
  } else {
    console.log('Kein PostgreSQL installiert: nur PGlite gemessen.')
  }
  console.log(
    `\n${clients} gleichzeitige Clients, je ${durationMs / 1000} s, Loopback, ein Serverprozess\n`,
  )
  console.log('| Datenbank | Anfrage | Anfragen/s | p50 ms | p99 ms | Anfragen | Fehler |')
  console.log('|---|---|---:|---:|---:|---:|---:|')
  for (const result of results) {
    console.log(
      `| ${result.database} | ${result.scenario} | ${format(result.perSecond)} | ${format(result.p50)} | ${format(result.p99)} | ${result.requests} | ${result.errors} |`,
    )
  }
  agent.destroy()
}

await main()
