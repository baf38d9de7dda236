// All front-end figures in one run and one table (not a test; tests never assert timings):
// chunk sizes, time to interactive, keystroke latency, board render and drag frames, renderers,
// e-mail size — each against its budget from docs/performance.md where one is set.
// Usage: npm run bench   (production demo build, Debian's Chromium; CHROMIUM_PATH overrides)
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { build } from 'vite'
import { boardFrames } from './bench/board.mjs'
import { chunkSizes, initialRouteChunks, keystrokeLatency } from './bench/editor.mjs'
import {
  benchOutDir,
  launchChromium,
  percentile,
  serveDemoBuild,
  signInAsEditor,
} from './bench/support.mjs'

const rows = []
const row = (measure, value, budget = '', ok = null) =>
  rows.push({ measure, value, budget, verdict: ok === null ? '' : ok ? '✓' : '✗ über Budget' })
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value) => `${value.toFixed(1)} ms`
// pages and their shared pieces: listed one by one they would fill the table
const smallChunkBytes = 5 * 1024

/** Milliseconds from navigation start until `ready()` holds in the page (checked every frame). */
async function timeToInteractive(page, url, ready) {
  await page.goto(url, { waitUntil: 'commit' })
  return page.evaluate(
    (source) =>
      new Promise((done) => {
        const check = new Function(`return (${source})()`)
        const poll = () => (check() ? done(performance.now()) : requestAnimationFrame(poll))
        poll()
      }),
    ready.toString(),
  )
}

const loginReady = () => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Anmelden')
  return !!button && document.querySelectorAll('input[type=radio]').length >= 3
}
const boardReady = () => document.querySelectorAll('[data-article-id]').length >= 10

const served = await serveDemoBuild(4192)
const browser = await launchChromium()
try {
  const initial = initialRouteChunks(benchOutDir)
  const initialRaw = initial.reduce((sum, chunk) => sum + chunk.raw, 0)
  const initialGzip = initial.reduce((sum, chunk) => sum + chunk.gzip, 0)
  row(
    `Initiale Route JS, roh (${initial.map((chunk) => chunk.file.replace(/-[\w-]{8}\.js$/, '')).join(' + ')})`,
    kb(initialRaw),
  )
  row('Initiale Route JS, gzip -9', kb(initialGzip), '≤ 110 KB', initialGzip <= 110 * 1024)
  const lazy = chunkSizes(benchOutDir)
    .filter((item) => !initial.some((chunk) => chunk.file === item.file))
    .sort((a, b) => b.raw - a.raw)
  const small = lazy.filter((chunk) => chunk.raw < smallChunkBytes)
  for (const chunk of lazy.filter((item) => item.raw >= smallChunkBytes)) {
    row(
      `Lazy Chunk ${chunk.file.replace(/-[\w-]{8}\.js$/, '')} (roh / gzip)`,
      `${kb(chunk.raw)} / ${kb(chunk.gzip)}`,
    )
  }
  row(
    `${small.length} kleine Lazy Chunks unter ${kb(smallChunkBytes)} roh, zusammen (roh / gzip)`,
    `${kb(small.reduce((sum, chunk) => sum + chunk.raw, 0))} / ${kb(small.reduce((sum, chunk) => sum + chunk.gzip, 0))}`,
  )

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const first = await fresh.newPage()
  row(
    'Bereit: Anmelden, erster Besuch (Service Worker + Demo-Daten anlegen)',
    ms(await timeToInteractive(first, `${served.origin}/anmelden`, loginReady)),
  )
  row(
    'Bereit: Anmelden, erneuter Besuch',
    ms(await timeToInteractive(first, `${served.origin}/anmelden`, loginReady)),
  )
  await signInAsEditor(first, served.origin)
  row(
    'Bereit: Ausgabe (Board mit 10 Beiträgen), neu geladen',
    ms(await timeToInteractive(first, `${served.origin}/ausgaben/ausgabe-2018-08`, boardReady)),
  )

  for (const words of [100, 10_000]) {
    const latencies = await keystrokeLatency(first, served.origin, words)
    const p95 = percentile(latencies, 95)
    row(
      `Tastendruck → Bild, ${words.toLocaleString('de-DE')} Wörter, Median / p95 (n=${latencies.length})`,
      `${ms(percentile(latencies, 50))} / ${ms(p95)}`,
      words === 10_000 ? 'p95 ≤ 16 ms' : '',
      words === 10_000 ? p95 <= 16 : null,
    )
  }
  await fresh.close()

  const boardContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  const boardPage = await boardContext.newPage()
  await signInAsEditor(boardPage, served.origin)
  const board = await boardFrames(boardPage, served.origin)
  const dragP95 = percentile(board.frames, 95)
  row(`Board mit ${board.poolSize + 10} Beiträgen: erstes Rendern`, ms(board.renderMs))
  row(
    `Board: Ziehen 600 px, Frame-Abstand Median / p95 / max (n=${board.frames.length})`,
    `${ms(percentile(board.frames, 50))} / ${ms(dragP95)} / ${ms(Math.max(...board.frames))}`,
    'p95 ≤ 16 ms (60 Hz: 16,7)',
    dragP95 <= 16.8,
  )
  await boardContext.close()
} finally {
  await browser.close()
  served.stop()
}

const renderOut = resolve('node_modules/.cache/rundbrief-bench')
await build({
  configFile: false,
  logLevel: 'error',
  publicDir: false,
  build: {
    ssr: resolve('scripts/bench/render-entry.ts'),
    outDir: renderOut,
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'render-entry.js' } },
  },
})
const { renderTimings } = await import(resolve(renderOut, 'render-entry.js'))
const rendering = renderTimings()
for (const timing of rendering.timings) {
  row(
    `Vorschau rendern, ${timing.name}, 30 Beiträge, Mittel / p95`,
    `${ms(timing.mean)} / ${ms(timing.p95)}`,
  )
}
row(
  'E-Mail-HTML, Ausgabe August 2018',
  kb(rendering.emailBytesSeed),
  '< 102 KB (Gmail)',
  rendering.emailBytesSeed < 102 * 1024,
)
row(
  'E-Mail-HTML, 30 Beiträge',
  kb(rendering.emailBytesThirty),
  '< 102 KB (Gmail)',
  rendering.emailBytesThirty < 102 * 1024,
)

console.log(
  `\nRundbrief-Messung ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpus().length} Kerne (${cpus()[0]?.model ?? '?'}) · Node ${process.version} · Produktions-Demo-Build · Chromium headless\n`,
)
console.log('| Messung | Wert | Budget | |')
console.log('|---|---:|---|---|')
for (const item of rows)
  console.log(`| ${item.measure} | ${item.value} | ${item.budget} | ${item.verdict} |`)
const over = rows.filter((item) => item.verdict.startsWith('✗'))
console.log(
  over.length === 0 ? '\nAlle Budgets eingehalten.' : `\n${over.length} Budget(s) überschritten.`,
)
