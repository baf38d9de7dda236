import { renderBenchModel } from '../../tests/fixtures/render-model'
import { byteSize, renderEmail } from '../../src/render/render-email'
import { renderPrint } from '../../src/render/render-print'
import { renderText } from '../../src/render/render-text'
import { renderWeb } from '../../src/render/render-web'

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

/** Render time per output for 30 articles (mean and p95 of 300 runs after 50 warm-ups), e-mail sizes. */
export function renderTimings() {
  const thirty = renderBenchModel(30)
  const outputs = [
    ['E-Mail', () => renderEmail(thirty)],
    ['Druck', () => renderPrint(thirty)],
    ['Web', () => renderWeb(thirty)],
    ['Text', () => renderText(thirty)],
  ] as const
  const timings = outputs.map(([name, render]) => {
    for (let warm = 0; warm < 50; warm++) render()
    const times: number[] = []
    for (let run = 0; run < 300; run++) {
      const start = performance.now()
      render()
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    return {
      name,
      mean: times.reduce((sum, time) => sum + time, 0) / times.length,
      p95: percentile(times, 95),
    }
  })
  return {
    timings,
    emailBytesSeed: byteSize(renderEmail(renderBenchModel(10))),
    emailBytesThirty: byteSize(renderEmail(thirty)),
  }
}
