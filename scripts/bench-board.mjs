// Board benchmark (not a test): initial render of an issue board with 500 articles in the
// Themenspeicher, and frame intervals while a card is dragged 600 px with the mouse.
// Usage: npm run bench:board   (production demo build in headless Chromium); `npm run bench` has all.
import { boardFrames } from './bench/board.mjs'
import { percentile, withSignedInDemo } from './bench/support.mjs'

await withSignedInDemo(4191, { width: 1280, height: 1000 }, async (page, origin) => {
  const { poolSize, renderMs, frames } = await boardFrames(page, origin)
  console.log(`\nBoard with ${poolSize} articles in the Themenspeicher + 10 in the issue`)
  console.log('| measure | value |')
  console.log('|---|---:|')
  console.log(
    `| initial render (click → ${poolSize + 10} cards painted) | ${renderMs.toFixed(0)} ms |`,
  )
  console.log(`| drag frames measured | ${frames.length} |`)
  console.log(`| drag frame interval median | ${percentile(frames, 50).toFixed(1)} ms |`)
  console.log(`| drag frame interval p95 | ${percentile(frames, 95).toFixed(1)} ms |`)
  console.log(`| drag frame interval max | ${Math.max(...frames).toFixed(1)} ms |`)
})
