// Shared by the benchmarks: a production demo build served by `vite preview`, Debian's Chromium,
// and a page signed in as the Redaktion.
import { execFileSync, spawn } from 'node:child_process'
import { chromium } from 'playwright-core'
import chromiumArgs from './chromium-args.json' with { type: 'json' }

export const benchOutDir = 'dist-bench'

/** The value below which `p` per cent of the values lie. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Builds the demo, serves it on `port`, signs in as the Redaktion and runs `work(page, origin)`. */
export async function withSignedInDemo(port, viewport, work) {
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', 'demo', '--outDir', benchOutDir, '--logLevel', 'error'],
    {
      stdio: 'inherit',
    },
  )
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', benchOutDir, '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  )
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    })
    try {
      const page = await browser.newPage({ viewport })
      const origin = `http://localhost:${port}`
      await page.goto(`${origin}/anmelden`)
      await page.getByLabel('Dr. Frank Rühling (Redaktion)').check()
      await page.getByRole('button', { name: 'Anmelden' }).click()
      await page.getByRole('heading', { name: 'Ausgaben', level: 1 }).waitFor()
      return await work(page, origin)
    } finally {
      await browser.close()
    }
  } finally {
    process.kill(-server.pid)
  }
}
