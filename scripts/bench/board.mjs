// Board measurements in Chromium: initial render with many cards, frame intervals while dragging.

/** Board with `poolSize` extra articles: initial render time and frame intervals during a drag. */
export async function boardFrames(page, origin, poolSize = 500) {
  await page.evaluate(async (count) => {
    const token = localStorage.getItem('rundbrief.sitzung')
    for (let i = 0; i < count; i++) {
      await fetch('/api/articles', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          headline: `Themenvorschlag ${i + 1}: Beratung und Teilhabe in Gera`,
        }),
      })
    }
  }, poolSize)
  await page.goto(`${origin}/ausgaben`)
  await page.getByRole('link', { name: 'August 2018', exact: true }).waitFor()

  const renderMs = await page.evaluate(
    (expected) =>
      new Promise((resolve) => {
        const start = performance.now()
        document.querySelector('a[href="/ausgaben/ausgabe-2018-08"]').click()
        const check = () => {
          if (document.querySelectorAll('[data-article-id]').length >= expected) {
            requestAnimationFrame(() => resolve(performance.now() - start))
          } else requestAnimationFrame(check)
        }
        check()
      }),
    poolSize + 10,
  )

  const handle = page
    .locator('[data-article-id]')
    .filter({ hasText: 'Themenvorschlag 3:' })
    .getByRole('button', { name: /verschieben/ })
  await handle.scrollIntoViewIfNeeded()
  const box = await handle.boundingBox()
  await page.evaluate(() => {
    window.__frames = []
    let last = performance.now()
    const loop = (now) => {
      window.__frames.push(now - last)
      last = now
      if (!window.__stop) requestAnimationFrame(loop)
    }
    requestAnimationFrame(loop)
  })
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  for (let step = 1; step <= 60; step++) {
    await page.mouse.move(
      box.x + box.width / 2 + step * 10,
      box.y + box.height / 2 + Math.sin(step / 6) * 40,
    )
    await page.waitForTimeout(16)
  }
  await page.mouse.up()
  const frames = await page.evaluate(() => {
    window.__stop = true
    return window.__frames.slice(1)
  })

  return { poolSize, renderMs, frames }
}
