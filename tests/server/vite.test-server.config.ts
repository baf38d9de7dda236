import { basename, resolve } from 'node:path'
import { defineConfig } from 'vite'

/** The real server plus the test hooks (test-server-entry.ts), its benchmark and the shipped entries; never shipped. */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    // as testServerDirectory in build-test-server.ts (Vite's config loader wants no import here)
    outDir: resolve(
      'node_modules/.cache',
      basename(process.env.RUNDBRIEF_TEST_SERVER_DIR ?? 'rundbrief-test-server'),
    ),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: {
        'test-server': resolve('tests/server/test-server-entry.ts'),
        'bench-server': resolve('tests/server/bench-server.ts'),
        'bench-send': resolve('tests/server/bench-send.ts'),
        // The shipped entries, so tests can watch how `npm start` and `user:add` fail.
        main: resolve('src/server/node/main.ts'),
        'user-add': resolve('src/server/node/user-add.ts'),
        'user-admin': resolve('src/server/node/user-admin.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
