import type { TestProject } from 'vitest/node'
import { buildTestServer } from './build-test-server'
import {
  findPostgresBinaries,
  startPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL server for the tests, or null when none is installed. */
    postgresUrl: string | null
  }
}

/**
 * Once per run of the node project: builds the real server for the tests that spawn it, and
 * starts a throwaway PostgreSQL (or uses RUNDBRIEF_TEST_DATABASE_URL).
 */
export default async function setup(project: TestProject) {
  await buildTestServer()
  let cluster: PostgresCluster | null = null
  const given = process.env.RUNDBRIEF_TEST_DATABASE_URL
  if (given) {
    project.provide('postgresUrl', given)
  } else {
    const binaries = findPostgresBinaries()
    if (binaries) cluster = await startPostgresCluster(binaries)
    project.provide('postgresUrl', cluster?.url ?? null)
  }
  return () => cluster?.stop()
}
