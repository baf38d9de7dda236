import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** The real server plus the test hooks (test-server-entry.ts) and its benchmark; never shipped. */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: resolve('node_modules/.cache/rundbrief-test-server'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: {
        'test-server': resolve('tests/server/test-server-entry.ts'),
        'bench-server': resolve('tests/server/bench-server.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
