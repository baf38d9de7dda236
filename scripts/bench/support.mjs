// Shared by the benchmarks: a production demo build served by `vite preview`, Debian's Chromium,
// and a page signed in as the Redaktion.
import { execFileSync, spawn } from 'node:child_process'
import { chromium } from 'playwright-core'
import chromiumArgs from '../chromium-args.json' with { type: 'json' }

export const benchOutDir = 'dist-bench'

/** The value below which `p` per cent of the values lie. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Builds the demo into dist-bench/ and serves it on `port`; returns the origin and a stop function. */
export async function serveDemoBuild(port) {
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', 'demo', '--outDir', benchOutDir, '--logLevel', 'error'],
    { stdio: 'inherit' },
  )
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', benchOutDir, '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  )
  const origin = `http://localhost:${port}`
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(origin)).ok) break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return { origin, stop: () => process.kill(-server.pid) }
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  })
}

/** Signs in through the demo picker as the Redaktion. */
export async function signInAsEditor(page, origin) {
  await page.goto(`${origin}/anmelden`)
  await page.getByLabel('Dr. Frank Rühling (Redaktion)').check()
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await page.getByRole('heading', { name: 'Ausgaben', level: 1 }).waitFor()
}

/** Builds and serves the demo, signs in as the Redaktion and runs `work(page, origin)`. */
export async function withSignedInDemo(port, viewport, work) {
  const served = await serveDemoBuild(port)
  try {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ viewport })
      await signInAsEditor(page, served.origin)
      return await work(page, served.origin)
    } finally {
      await browser.close()
    }
  } finally {
    served.stop()
  }
}
