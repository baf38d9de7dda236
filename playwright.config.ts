import { basename } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import chromiumArgs from './scripts/chromium-args.json' with { type: 'json' }

// E2E_PORT and RUNDBRIEF_TEST_SERVER_DIR let two checkouts run their browsers tests at the same time.
const port = Number(process.env.E2E_PORT ?? 4173)
const realServerPort = port + 1
const realServerData = `node_modules/.cache/rundbrief-e2e-data-${realServerPort}`
const testServerDirectory = `node_modules/.cache/${basename(process.env.RUNDBRIEF_TEST_SERVER_DIR ?? 'rundbrief-test-server')}`

/**
 * End-to-end tests in Debian's Chromium: against the demo build, and (project "echter-server")
 * against the real Node server with PGlite serving the production build. `npm run test:e2e`
 * builds all three.
 */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /real-server/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'echter-server',
      testMatch: /real-server/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
        baseURL: `http://127.0.0.1:${realServerPort}`,
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --outDir dist-demo --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `rm -rf ${realServerData} && node ${testServerDirectory}/test-server.js`,
      url: `http://127.0.0.1:${realServerPort}/readyz`,
      env: {
        PORT: String(realServerPort),
        HOST: '127.0.0.1',
        DATA_DIR: realServerData,
        DIST_DIR: 'dist',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        // sends into an SMTP server inside the test server (GET /testing/mails)
        RUNDBRIEF_TEST_SMTP_SINK: '1',
        RUNDBRIEF_TEST_SEND_POLL_MS: '500',
        PUBLIC_URL: `http://127.0.0.1:${realServerPort}`,
      },
      reuseExistingServer: false,
      timeout: 90_000,
    },
  ],
})
