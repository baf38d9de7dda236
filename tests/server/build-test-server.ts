import { basename, resolve } from 'node:path'
import { build } from 'vite'

/**
 * Where the test server is built: outside dist/, never shipped, inside node_modules so that the
 * bundle finds its packages. RUNDBRIEF_TEST_SERVER_DIR names a folder of its own (only its last
 * part counts) for runs that go on at the same time in two checkouts.
 */
export const testServerDirectory = resolve(
  'node_modules/.cache',
  basename(process.env.RUNDBRIEF_TEST_SERVER_DIR ?? 'rundbrief-test-server'),
)
export const testServerBundle = resolve(testServerDirectory, 'test-server.js')

/** Builds the real server plus the test hooks into one Node bundle. */
export async function buildTestServer(): Promise<string> {
  await build({ configFile: resolve('tests/server/vite.test-server.config.ts') })
  return testServerBundle
}
