import { resolve } from 'node:path'
import { build } from 'vite'

/**
 * Where the test server is built: outside dist/, never shipped. RUNDBRIEF_TEST_SERVER_DIR gives
 * runs that go on at the same time (two checkouts, two terminals) a folder each.
 */
export const testServerDirectory = resolve(
  process.env.RUNDBRIEF_TEST_SERVER_DIR ?? 'node_modules/.cache/rundbrief-test-server',
)
export const testServerBundle = resolve(testServerDirectory, 'test-server.js')

/** Builds the real server plus the test hooks into one Node bundle. */
export async function buildTestServer(): Promise<string> {
  await build({ configFile: resolve('tests/server/vite.test-server.config.ts') })
  return testServerBundle
}
