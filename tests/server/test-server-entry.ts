import { pino } from 'pino'
import { z } from 'zod'
import { createSeedMedia, createSeedState } from '../../mocks/seed/august-2018'
import { readConfig } from '../../src/server/node/config'
import { startServer } from '../../src/server/node/server'
import type { StoreTx } from '../../src/server/store'
import { seedCredentials } from './seed-accounts'
import { seedDatabase } from './seed-database'

z.config(z.locales.de())

/**
 * The real server for tests, e2e and benchmarks: `npm start`'s server plus `POST /testing/reset`
 * (the August 2018 demo data with the seed accounts) and `POST /testing/write-delay?ms=`
 * (widens the window between reading and writing, to provoke races) and
 * `POST /testing/fail-next-transaction` (an unexpected error). Never shipped.
 */
const config = readConfig()
const logger = pino({ level: config.logLevel })
let writeDelayMs = 0
let failNextTransaction = false
const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms))

/** Holds every versioned write back, so that simultaneous requests all read before any writes. */
function delayWrites(tx: StoreTx): StoreTx {
  const delayed =
    <Args extends unknown[]>(write: (...args: Args) => Promise<boolean>) =>
    async (...args: Args) => {
      if (writeDelayMs > 0) await sleep(writeDelayMs)
      return write(...args)
    }
  return {
    ...tx,
    updateArticle: delayed(tx.updateArticle),
    updateIssue: delayed(tx.updateIssue),
    updatePublication: delayed(tx.updatePublication),
  }
}

const server = await startServer(config, logger, {
  wrapStore: (store) => ({
    transaction: (work) => {
      if (failNextTransaction) {
        failNextTransaction = false
        return Promise.reject(new Error('Absichtlicher Testfehler im Speicher'))
      }
      return store.transaction((tx) => work(delayWrites(tx)))
    },
  }),
  extend: (root, db) => {
    root.post('/testing/fail-next-transaction', async (c) => {
      failNextTransaction = true
      return c.body(null, 204)
    })
    root.post('/testing/write-delay', async (c) => {
      writeDelayMs = Number(c.req.query('ms') ?? '0')
      return c.body(null, 204)
    })
    root.post('/testing/reset', async (c) => {
      const state = createSeedState()
      const bytes = await createSeedMedia(state)
      await seedDatabase(db, state, bytes, await seedCredentials())
      writeDelayMs = 0
      return c.body(null, 204)
    })
  },
})
process.stdout.write(`RUNDBRIEF_URL=${server.url}\n`)
const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
