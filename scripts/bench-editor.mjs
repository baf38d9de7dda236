// Editor benchmark (not a test): keystroke-to-paint latency while typing into a 100- and a
// 10,000-word article in Chromium (production demo build), and the size of the chunks.
// Usage: npm run bench:editor   (CHROMIUM_PATH overrides /usr/bin/chromium); `npm run bench` has all.
import { chunkSizes, initialRouteChunks, keystrokeLatency, keystrokes } from './bench/editor.mjs'
import { benchOutDir, percentile, withSignedInDemo } from './bench/support.mjs'

await withSignedInDemo(4190, { width: 1280, height: 900 }, async (page, origin) => {
  console.log(
    `\nKeystroke → next paint (${keystrokes} keys each, production build, headless Chromium)`,
  )
  console.log('| words | median ms | p95 ms | max ms |')
  console.log('|---:|---:|---:|---:|')
  for (const wordCount of [100, 10_000]) {
    const latencies = await keystrokeLatency(page, origin, wordCount)
    console.log(
      `| ${wordCount} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${Math.max(...latencies).toFixed(1)} |`,
    )
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1)
  const initial = initialRouteChunks(benchOutDir)
  console.log('\n| chunk | raw KB | gzip -9 KB |')
  console.log('|---|---:|---:|')
  console.log(
    `| initial route (${initial.map((c) => c.file).join(', ')}) | ${kb(initial.reduce((s, c) => s + c.raw, 0))} | ${kb(initial.reduce((s, c) => s + c.gzip, 0))} |`,
  )
  for (const chunk of chunkSizes(benchOutDir).filter(
    (c) => !initial.some((i) => i.file === c.file),
  ))
    console.log(`| ${chunk.file} | ${kb(chunk.raw)} | ${kb(chunk.gzip)} |`)
})
