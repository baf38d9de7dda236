import { pino } from 'pino'
import { z } from 'zod'
import { createSeedMedia, createSeedState } from '../../mocks/seed/august-2018'
import { readConfig } from '../../src/server/node/config'
import { startServer } from '../../src/server/node/server'
import { seedCredentials } from './seed-accounts'
import { seedDatabase } from './seed-database'

z.config(z.locales.de())

/**
 * The real server for tests, e2e and benchmarks: `npm start`'s server plus `POST /testing/reset`,
 * which restores the August 2018 demo data with the seed accounts. Never shipped.
 */
const config = readConfig()
const logger = pino({ level: config.logLevel })
const server = await startServer(config, logger, {
  extend: (root, db) => {
    root.post('/testing/reset', async (c) => {
      const state = createSeedState()
      const bytes = await createSeedMedia(state)
      await seedDatabase(db, state, bytes, await seedCredentials())
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
