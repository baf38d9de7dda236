import { resolve } from 'node:path'
import { build } from 'vite'

/** Where the test server is built: outside dist/, never shipped. */
export const testServerBundle = resolve('node_modules/.cache/rundbrief-test-server/test-server.js')

/** Builds the real server plus the test hooks into one Node bundle. */
export async function buildTestServer(): Promise<string> {
  await build({ configFile: resolve('tests/server/vite.test-server.config.ts') })
  return testServerBundle
}
