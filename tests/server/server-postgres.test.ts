import { describe } from 'vitest'
import { createDatabase } from './postgres-cluster'
import { postgresForTests } from './postgres-available'
import { defineServerContract } from './server-contract'
import { spawnServer } from './spawn-server'

const postgresUrl = postgresForTests()

describe.skipIf(!postgresUrl)('PostgreSQL', () => {
  defineServerContract('Node-Server mit PostgreSQL', async (env) =>
    spawnServer(
      { kind: 'postgres', url: await createDatabase(postgresUrl ?? '', 'rundbrief_vertrag') },
      env,
    ),
  )
})
