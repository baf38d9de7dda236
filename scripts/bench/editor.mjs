// Editor measurements: keystroke → next paint in Chromium, and chunk sizes of a build.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const keystrokes = 300

/** Sizes of every JS chunk of a build, raw and gzip -9. */
export function chunkSizes(outDir) {
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

/** Keystroke → next paint latencies while typing into an article of `wordCount` words. */
export async function keystrokeLatency(page, origin, wordCount) {
  const id = await page.evaluate(async (body) => {
    const token = localStorage.getItem('rundbrief.sitzung')
    const response = await fetch('/api/articles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ headline: 'Benchmark', body }),
    })
    return (await response.json()).id
  }, words(wordCount))
  await page.goto(`${origin}/beitraege/${id}`)
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
  return page.evaluate(() => window.__latencies)
}

/** The scripts index.html loads or preloads, i.e. the JS of the initial route. */
export function initialRouteChunks(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  return chunkSizes(outDir).filter((chunk) => html.includes(`/assets/${chunk.file}`))
}
