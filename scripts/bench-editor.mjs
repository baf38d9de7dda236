// Editor benchmark (not a test): keystroke-to-paint latency while typing into a 10,000-word
// article in Chromium (production demo build), and the size of the editor chunk.
// Usage: npm run bench:editor   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { benchOutDir, percentile, withSignedInDemo } from './bench-support.mjs'

const port = 4190
const outDir = benchOutDir
const keystrokes = 300

function chunkSizes() {
  const assets = join(outDir, 'assets')
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(assets, file))
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    })
}

function words(count) {
  const vocabulary =
    'Die Stadt Gera fördert Integration und Teilhabe im Dezernat Soziales mit Beratung Planung Netzwerken Projekten für Familien Senioren Jugendliche und Zugewanderte'.split(
      ' ',
    )
  const paragraphs = []
  for (let written = 0; written < count;) {
    const length = Math.min(100, count - written)
    const text = Array.from(
      { length },
      (_, i) => vocabulary[(written + i) % vocabulary.length],
    ).join(' ')
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text: `${text}.` }] })
    written += length
  }
  return { type: 'doc', content: paragraphs }
}

async function measure(page, wordCount) {
  const id = await page.evaluate(async (body) => {
    const token = localStorage.getItem('rundbrief.sitzung')
    const response = await fetch('/api/articles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ headline: 'Benchmark', body }),
    })
    return (await response.json()).id
  }, words(wordCount))
  await page.goto(`http://localhost:${port}/beitraege/${id}`)
  const editor = page.getByRole('textbox', { name: 'Text', exact: true })
  await editor.waitFor()
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.evaluate(() => {
    window.__latencies = []
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp
        requestAnimationFrame(() =>
          setTimeout(() => window.__latencies.push(performance.now() - start), 0),
        )
      },
      true,
    )
  })
  const text = 'Gera fördert Teilhabe. '
  // about 10 keys a second, like a fast typist; the save and the local mirror run in between
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(text[i % text.length])
    await page.waitForTimeout(100)
  }
  await page.waitForTimeout(300)
  const latencies = await page.evaluate(() => window.__latencies)
  return {
    median: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    n: latencies.length,
  }
}

await withSignedInDemo(port, { width: 1280, height: 900 }, async (page) => {
  const results = []
  for (const wordCount of [100, 10_000])
    results.push({ wordCount, ...(await measure(page, wordCount)) })

  console.log(
    `\nKeystroke → next paint (${keystrokes} keys each, production build, headless Chromium)`,
  )
  console.log('| words | median ms | p95 ms | max ms |')
  console.log('|---:|---:|---:|---:|')
  for (const r of results)
    console.log(
      `| ${r.wordCount} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`,
    )

  const chunks = chunkSizes()
  const show = (label, match) => {
    const chunk = chunks.find((c) => match.test(c.file))
    if (chunk)
      console.log(
        `| ${label} | ${chunk.file} | ${(chunk.raw / 1024).toFixed(1)} | ${(chunk.gzip / 1024).toFixed(1)} |`,
      )
  }
  console.log('\n| chunk | file | raw KB | gzip -9 KB |')
  console.log('|---|---|---:|---:|')
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const initial = chunks.filter((c) => html.includes(`/assets/${c.file}`))
  console.log(
    `| initial route (index.html scripts + modulepreloads) | ${initial.map((c) => c.file).join(', ')} | ${(initial.reduce((sum, c) => sum + c.raw, 0) / 1024).toFixed(1)} | ${(initial.reduce((sum, c) => sum + c.gzip, 0) / 1024).toFixed(1)} |`,
  )
  show('editor (article route)', /^article-route-/)
  show('issue board (issue route)', /^issue-route-/)
  show('demo backend (MSW + handler)', /^browser-/)
})
