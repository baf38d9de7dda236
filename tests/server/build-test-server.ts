import { resolve } from 'node:path'
import { build } from 'vite'

/** Where the test server is built: outside dist/, never shipped. */
export const testServerBundle = resolve('node_modules/.cache/rundbrief-test-server/test-server.js')

/** Builds the real server plus the test reset hook into one Node bundle. */
export async function buildTestServer(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      outDir: resolve(testServerBundle, '..'),
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: { 'test-server': resolve('tests/server/test-server-entry.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  })
  return testServerBundle
}
