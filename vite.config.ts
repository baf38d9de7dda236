import react from '@vitejs/plugin-react'
import { rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { loadEnv, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

/** A build for a real backend ships no demo code: not even MSW's service worker file. */
function dropMockServiceWorker(backend: string | undefined): Plugin {
  let outDir = 'dist'
  return {
    name: 'rundbrief:drop-mock-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      if (backend !== 'msw') await rm(resolve(outDir, 'mockServiceWorker.js'), { force: true })
    },
  }
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), dropMockServiceWorker(loadEnv(mode, process.cwd(), 'VITE_').VITE_BACKEND)],
  build: {
    target: 'es2022',
    // Built for our own debugging, never referenced from the bundles (the server does not serve them).
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Chunks for what is loaded on demand in one piece: the domain's rules and schemas with
        // zod and the response schemas come with the backend's first answer, not with the app
        // (see docs/decisions/0007); docx with the first Word export. A domain module the entry
        // imports must stay out of the group, or the entry would load all of it: role-labels; and
        // permissions (the navigation asks it), a group of its own because domain modules import it.
        codeSplitting: {
          groups: [
            { name: 'permissions', test: /[\\/]src[\\/]domain[\\/]permissions\.ts$/, priority: 1 },
            {
              name: 'domain',
              test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]domain[\\/](?!role-labels\.ts$)|[\\/]src[\\/]backend[\\/]response-schemas\.ts$/,
            },
            { name: 'docx', test: /[\\/]node_modules[\\/]docx[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    // scrypt at the recommended cost takes 0.4 s per sign-in; tests sign in hundreds of times.
    env: { PASSWORD_HASH_COST: '14' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          benchmark: { include: ['src/render/**/*.bench.ts'] },
          include: [
            'src/domain/**/*.test.ts',
            'src/server/**/*.test.ts',
            'src/backend/**/*.test.ts',
            'mocks/**/*.test.ts',
            'tests/contract/**/*.test.ts',
            'tests/server/**/*.test.ts',
          ],
          globalSetup: ['tests/server/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'src/**/*.test.tsx',
            'src/lib/**/*.test.ts',
            'src/editor/**/*.test.ts',
            'src/render/**/*.test.ts',
            'src/features/**/*.test.ts',
            'tests/integration/**/*.test.tsx',
          ],
          setupFiles: ['tests/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
}))
