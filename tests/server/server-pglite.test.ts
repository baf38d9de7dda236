import { afterAll } from 'vitest'
import { defineServerContract } from './server-contract'
import { spawnServer, temporaryDataDir } from './spawn-server'

const data = temporaryDataDir()
afterAll(() => data.remove())

defineServerContract('Node-Server mit PGlite', (env) =>
  spawnServer({ kind: 'pglite', dataDir: data.dataDir }, env),
)
