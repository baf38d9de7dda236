import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { intactReport } from './integrity-client'
import { postgresForTests } from './postgres-available'
import { createDatabase } from './postgres-cluster'
import { defineRaceTests } from './races'
import { runRandomWorkload, type WorkloadOptions } from './random-workload'
import { spawnServer, temporaryDataDir, type SpawnedServer } from './spawn-server'

/**
 * `npm test` runs a short workload; `npm run soak` sets RUNDBRIEF_SOAK_OPERATIONS (per client)
 * and RUNDBRIEF_SOAK_SEEDS for long runs and prints the figures for docs/performance.md.
 */
const soakOperations = Number(process.env.RUNDBRIEF_SOAK_OPERATIONS ?? '0')
const seeds = Array.from(
  { length: Number(process.env.RUNDBRIEF_SOAK_SEEDS ?? '1') },
  (_, index) => 20261201 + index,
)
const workload = (seed: number): WorkloadOptions => ({
  clients: 6,
  writeDelayMs: 15,
  pairShare: 0.3,
  operationsPerClient: soakOperations > 0 ? soakOperations : 60,
  issues: 4,
  articles: 10,
  seed,
})

function defineIntegrity(name: string, start: () => Promise<SpawnedServer[]>) {
  let servers: SpawnedServer[] = []
  beforeAll(async () => {
    servers = await start()
  })
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
  })

  describe(`Rennen: ${name}`, () => defineRaceTests(() => servers))

  describe(`Zufällige Last: ${name}`, () => {
    for (const seed of seeds) {
      it(
        `hält jede Regel über Zeilen hinweg (Seed ${seed})`,
        { timeout: 30 * 60_000 },
        async () => {
          const result = await runRandomWorkload(servers, workload(seed))
          console.info(
            `${name}, Seed ${seed}: ${result.operations} Operationen in ${result.seconds.toFixed(1)} s ` +
              `(${(result.operations / result.seconds).toFixed(0)}/s) ${JSON.stringify(result.answers)}`,
          )
          expect(result.serverErrors).toEqual([])
          expect(result.versionsWentBack).toEqual([])
          expect(result.report).toEqual(intactReport)
        },
      )
    }
  })
}

describe('PGlite (ein Prozess)', () => {
  const data = temporaryDataDir()
  afterAll(() => data.remove())
  defineIntegrity('PGlite', async () => [
    await spawnServer({ kind: 'pglite', dataDir: data.dataDir }),
  ])
})

const postgresUrl = postgresForTests()

describe.skipIf(!postgresUrl)('PostgreSQL (zwei Prozesse)', () => {
  defineIntegrity('PostgreSQL, zwei Prozesse', async () => {
    const url = await createDatabase(postgresUrl ?? '', 'rundbrief_integritaet')
    const first = await spawnServer({ kind: 'postgres', url })
    // The second process starts after the first has migrated the schema.
    return [first, await spawnServer({ kind: 'postgres', url })]
  })
})
