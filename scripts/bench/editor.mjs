// Editor measurements: keystroke → next paint in Chromium, and chunk sizes of a build.
import { randomUUID } from 'node:crypto'
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

const anchor = (threadId) => ({ type: 'commentAnchor', attrs: { threadId } })

/**
 * One paragraph's text with two overlapping comment threads on words in its middle, split as the
 * editor stores it: plain, first thread, both threads, second thread, plain.
 */
function anchoredParagraph(text, firstThread, secondThread) {
  const cuts = [0.3, 0.4, 0.5, 0.6].map((share) =>
    text.indexOf(' ', Math.floor(text.length * share)),
  )
  const [a, b, c, d] = cuts
  return [
    { type: 'text', text: text.slice(0, a) },
    { type: 'text', text: text.slice(a, b), marks: [anchor(firstThread)] },
    { type: 'text', text: text.slice(b, c), marks: [anchor(firstThread), anchor(secondThread)] },
    { type: 'text', text: text.slice(c, d), marks: [anchor(secondThread)] },
    { type: 'text', text: text.slice(d) },
  ]
}

/**
 * An article body of `count` words in paragraphs of 100, with `threads` comment threads spread over
 * it (ids `prefix-1` …: thread ids are unique across articles).
 */
function words(count, threads = 0, prefix = 'faden') {
  const vocabulary =
    'Die Stadt Gera fördert Integration und Teilhabe im Dezernat Soziales mit Beratung Planung Netzwerken Projekten für Familien Senioren Jugendliche und Zugewanderte'.split(
      ' ',
    )
  const texts = []
  for (let written = 0; written < count;) {
    const length = Math.min(100, count - written)
    const text = Array.from(
      { length },
      (_, i) => vocabulary[(written + i) % vocabulary.length],
    ).join(' ')
    texts.push(`${text}.`)
    written += length
  }
  // two threads per anchored paragraph, spread evenly, the last paragraph (where typing happens) among them
  const anchoredParagraphs = Math.ceil(threads / 2)
  const step =
    anchoredParagraphs > 0 ? Math.max(1, Math.floor(texts.length / anchoredParagraphs)) : 0
  let thread = 0
  const paragraphs = texts.map((text, index) => {
    const fromEnd = texts.length - 1 - index
    if (
      thread < threads &&
      step > 0 &&
      fromEnd % step === 0 &&
      fromEnd / step < anchoredParagraphs
    ) {
      const content = anchoredParagraph(text, `${prefix}-${thread + 1}`, `${prefix}-${thread + 2}`)
      thread += 2
      return { type: 'paragraph', content }
    }
    return { type: 'paragraph', content: [{ type: 'text', text }] }
  })
  return { type: 'doc', content: paragraphs }
}

/**
 * Typing at the end of an article of `wordCount` words with `threads` comment threads anchored in
 * it: keystroke → next paint latencies, and the page's script and main-thread task time per key
 * (Chromium's own counters, less disturbed by other processes on the machine than the latency).
 */
export async function typingMeasurement(page, origin, wordCount, threads = 0) {
  const prefix = `bench-${randomUUID()}`
  const threadIds = Array.from({ length: threads }, (_, index) => `${prefix}-${index + 1}`)
  // the server keeps no anchor without its thread: the article is created without them (it drops
  // them), then each thread is opened on its passage, as "Kommentieren" does
  const id = await page.evaluate(
    async ({ body, threadIds }) => {
      const token = localStorage.getItem('rundbrief.sitzung')
      const call = async (path, payload) => {
        const response = await fetch(`/api${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        })
        if (!response.ok) throw new Error(`POST ${path}: ${response.status}`)
        return response.json()
      }
      const opened = new Set()
      const withOpened = (doc) => ({
        ...doc,
        content: doc.content.map((paragraph) => ({
          ...paragraph,
          content: paragraph.content.map(({ marks, ...node }) => {
            const kept = (marks ?? []).filter(
              (mark) => mark.type !== 'commentAnchor' || opened.has(mark.attrs.threadId),
            )
            return kept.length > 0 ? { ...node, marks: kept } : node
          }),
        })),
      })
      let article = await call('/articles', { headline: 'Benchmark', body })
      for (const threadId of threadIds) {
        opened.add(threadId)
        const created = await call(`/articles/${article.id}/comments`, {
          threadId,
          text: 'Benchmark',
          body: withOpened(body),
          version: article.version,
        })
        article = created.article
      }
      return article.id
    },
    { body: words(wordCount, threads, prefix), threadIds },
  )
  await page.goto(`${origin}/beitraege/${id}`)
  const editor = page.getByRole('textbox', { name: 'Text', exact: true })
  await editor.waitFor()
  const shownThreads = await editor.evaluate(
    (element) =>
      new Set(
        Array.from(
          element.querySelectorAll('[data-comment-thread]'),
          (span) => span.dataset.commentThread,
        ),
      ).size,
  )
  if (shownThreads !== threads)
    throw new Error(`${shownThreads} statt ${threads} Kommentarfäden im Editor`)
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
  const session = await page.context().newCDPSession(page)
  await session.send('Performance.enable')
  const counters = async () => {
    const { metrics } = await session.send('Performance.getMetrics')
    const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0
    return { script: value('ScriptDuration'), task: value('TaskDuration') }
  }
  const before = await counters()
  const text = 'Gera fördert Teilhabe. '
  // about 10 keys a second, like a fast typist; the save and the local mirror run in between
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(text[i % text.length])
    await page.waitForTimeout(100)
  }
  await page.waitForTimeout(300)
  const after = await counters()
  await session.detach()
  return {
    latencies: await page.evaluate(() => window.__latencies),
    scriptMsPerKey: ((after.script - before.script) * 1000) / keystrokes,
    taskMsPerKey: ((after.task - before.task) * 1000) / keystrokes,
  }
}

/** Keystroke → next paint latencies while typing at the end of an article of `wordCount` words. */
export async function keystrokeLatency(page, origin, wordCount, threads = 0) {
  return (await typingMeasurement(page, origin, wordCount, threads)).latencies
}

/** The scripts index.html loads or preloads, i.e. the JS of the initial route. */
export function initialRouteChunks(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  return chunkSizes(outDir).filter((chunk) => html.includes(`/assets/${chunk.file}`))
}
