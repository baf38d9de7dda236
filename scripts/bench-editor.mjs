// Editor benchmark (not a test): keystroke-to-paint latency while typing into a 100- and a
// 10,000-word article in Chromium (production demo build), the 10,000 words also with 50 comment
// threads anchored in them (side by side, with the ratio), and the size of the chunks.
// Usage: npm run bench:editor   (CHROMIUM_PATH overrides /usr/bin/chromium); `npm run bench` has all.
import { chunkSizes, initialRouteChunks, keystrokes, typingMeasurement } from './bench/editor.mjs'
import { benchOutDir, percentile, withSignedInDemo } from './bench/support.mjs'

/** Rounds of the two 10,000-word cases, alternated so that a busy moment of the machine hits both. */
const rounds = 3
const commentThreads = 50

const median = (values) => percentile(values, 50)

await withSignedInDemo(4190, { width: 1280, height: 900 }, async (page, origin) => {
  console.log(
    `\nKeystroke → next paint (${keystrokes} keys per article, production build, headless Chromium)`,
  )
  const cases = [
    { words: 100, threads: 0, runs: [] },
    { words: 10_000, threads: 0, runs: [] },
    { words: 10_000, threads: commentThreads, runs: [] },
  ]
  cases[0].runs.push(await typingMeasurement(page, origin, 100))
  for (let round = 0; round < rounds; round++) {
    for (const measured of cases.slice(1))
      measured.runs.push(await typingMeasurement(page, origin, measured.words, measured.threads))
  }
  const figures = cases.map(({ words, threads, runs }) => {
    const latencies = runs.flatMap((run) => run.latencies)
    return {
      words,
      threads,
      median: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      // per article, then the median article: one disturbed article does not move it
      script: median(runs.map((run) => run.scriptMsPerKey)),
      task: median(runs.map((run) => run.taskMsPerKey)),
    }
  })
  console.log(
    '| words | comment threads | median ms | p95 ms | max ms | script ms/key | main thread ms/key |',
  )
  console.log('|---:|---:|---:|---:|---:|---:|---:|')
  for (const f of figures) {
    console.log(
      `| ${f.words} | ${f.threads} | ${f.median.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.max.toFixed(1)} | ${f.script.toFixed(2)} | ${f.task.toFixed(2)} |`,
    )
  }
  const [, without, withThreads] = figures
  const ratio = (key) => `×${(withThreads[key] / without[key]).toFixed(2)}`
  console.log(
    `\n10,000 words with ${commentThreads} comment threads ÷ without, ${rounds} alternating articles each (the issue allows ×1.10):` +
      ` median ${ratio('median')}, p95 ${ratio('p95')}, script ${ratio('script')}, main thread ${ratio('task')}`,
  )
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
