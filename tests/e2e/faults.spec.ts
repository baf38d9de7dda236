import { expect, test, type Page } from '@playwright/test'
import { articleText, signIn, type StoredArticle, expectSaved } from './helpers'

interface DemoWindow {
  rundbriefDemo: {
    setFaults(text: string): void
    faultStats(): { requests: number; failed: number; delayed: number }
  }
}

const setFaults = (page: Page, text: string) =>
  page.evaluate((knobs) => (window as unknown as DemoWindow).rundbriefDemo.setFaults(knobs), text)
const faultStats = (page: Page) =>
  page.evaluate(() => (window as unknown as DemoWindow).rundbriefDemo.faultStats())

/** 20 % of requests fail as network errors, each waits up to 2 s; the seed makes runs repeatable. */
const badNetwork = 'jitter=2000,failure=0.2,mode=network,seed=2026'

const bursts = [
  'Im Störbetrieb geschrieben: erster Satz.',
  ' Zweiter Satz mit Umlauten: Größe, Übergänge, Maß.',
  ' Dritter Satz, kurz.',
  ' Vierter Satz direkt vor dem Neuladen.',
  ' Fünfter Satz nach dem Neuladen.',
  ' Sechster Satz, während Anfragen scheitern.',
  ' Siebter Satz.',
  ' Achter und letzter Satz des Versuchs.',
]
const pauses = [200, 1500, 400, 0, 900, 2500, 300, 1200]

test('Störbetrieb: jeder Tastendruck wird gespeichert oder sichtbar nachgeholt, auch über Neuladen', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.goto('/beitraege/beitrag-08-volkshochschule')
  const body = page.getByRole('textbox', { name: 'Text', exact: true })
  await expect(body).toBeVisible()
  const original = (await body.innerText()).trim()

  let saves = 0
  let failedSaves = 0
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().includes('/api/articles/')) saves++
  })
  page.on('requestfailed', (request) => {
    if (request.method() === 'PATCH' && request.url().includes('/api/articles/')) failedSaves++
  })
  const indicatorStates = new Set<string>()
  const watchIndicator = async () => {
    const text = await page
      .getByTestId('save-indicator')
      .textContent({ timeout: 500 })
      .catch(() => null)
    if (text) indicatorStates.add(text.trim())
  }

  await setFaults(page, badNetwork)
  let keystrokes = 0
  let beforeReload = { requests: 0, failed: 0, delayed: 0 }
  for (const [index, burst] of bursts.entries()) {
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(burst, { delay: 25 })
    keystrokes += burst.length
    await watchIndicator()
    if (index === 3) {
      beforeReload = await faultStats(page)
      await page.reload()
      await expect(body).toBeVisible({ timeout: 20_000 })
      await expect(body).toContainText(bursts.slice(0, 4).join('').trim())
    } else {
      await page.waitForTimeout(pauses[index] ?? 0)
      await watchIndicator()
    }
  }
  const afterReload = await faultStats(page)
  const whileBad = {
    requests: beforeReload.requests + afterReload.requests,
    failed: beforeReload.failed + afterReload.failed,
    delayed: beforeReload.delayed + afterReload.delayed,
  }

  await setFaults(page, '')
  await expectSaved(page, 60_000)
  const stored = articleText(
    await page.evaluate(async (id) => {
      const token = localStorage.getItem('rundbrief.sitzung')
      const response = await fetch(`/api/articles/${id}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      return (await response.json()) as StoredArticle
    }, 'beitrag-08-volkshochschule'),
  )
  expect(stored).toContain(original.split('\n')[0] ?? '')
  expect(stored).toContain(bursts.join(''))

  await page.reload()
  await expect(body).toContainText(bursts.join(''))
  await expect(page.getByText('wurden wiederhergestellt')).toHaveCount(0)

  console.log(
    `Störbetrieb Editor: ${keystrokes} Tastendrücke in ${bursts.length} Schüben, 1 Neuladen mitten im Schreiben; ` +
      `${whileBad.requests} Anfragen an das Demo-Backend, davon ${whileBad.failed} absichtlich gescheitert, ${whileBad.delayed} verzögert; ` +
      `${saves} Speicherversuche (PATCH), ${failedSaves} gescheitert; Anzeige zeigte: ${[...indicatorStates].join(' | ')}; ` +
      `am Ende gespeichert: alle ${keystrokes} Zeichen.`,
  )
  expect(whileBad.failed).toBeGreaterThan(0)
})

test('Störbetrieb am Board: jede Verschiebung wird gespeichert oder sichtbar abgelehnt und wiederholt', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.goto('/ausgaben/ausgabe-2018-08')
  const cards = page.getByRole('list', { name: 'Inhalt der Ausgabe' }).locator(':scope > li')
  await expect(cards).toHaveCount(10)
  const order = async () =>
    cards.evaluateAll((items) => items.map((item) => item.getAttribute('data-article-id') ?? ''))
  const expected = await order()
  const saveState = page.locator('.board-save-state')

  await setFaults(page, badNetwork)
  const plan: [number, 'Nach oben' | 'Nach unten'][] = [
    [0, 'Nach unten'],
    [5, 'Nach oben'],
    [9, 'Nach oben'],
    [2, 'Nach unten'],
    [7, 'Nach unten'],
    [4, 'Nach oben'],
  ]
  let attempts = 0
  let refused = 0
  let sawPending = false
  for (const [index, direction] of plan) {
    const id = expected[index] ?? ''
    for (let attempt = 1; ; attempt++) {
      expect(attempt, `Verschiebung von ${id} gelingt nicht`).toBeLessThan(12)
      attempts++
      await page
        .locator(`[data-article-id="${id}"]`)
        .getByRole('button', { name: new RegExp(`^${direction}:`) })
        .click()
      if ((await saveState.textContent()) === 'Reihenfolge wird gespeichert …') sawPending = true
      const outcome = await Promise.race([
        saveState
          .filter({ hasText: '✓ Reihenfolge gespeichert' })
          .waitFor({ timeout: 20_000 })
          .then(() => 'saved' as const),
        page
          .getByRole('alert')
          .filter({ hasText: 'Verschiebung' })
          .waitFor({ timeout: 20_000 })
          .then(() => 'refused' as const),
      ])
      if (outcome === 'saved') break
      refused++
      await expect(cards.nth(index)).toHaveAttribute('data-article-id', id)
      await page.getByRole('button', { name: 'Verstanden' }).click()
    }
    const target = direction === 'Nach oben' ? index - 1 : index + 1
    ;[expected[index], expected[target]] = [expected[target] ?? '', expected[index] ?? '']
    expect(await order()).toEqual(expected)
  }
  const stats = await faultStats(page)
  await setFaults(page, '')
  await expect(async () => {
    await page.reload()
    await expect(cards).toHaveCount(10)
    expect(await order()).toEqual(expected)
  }).toPass({ timeout: 20_000 })
  console.log(
    `Störbetrieb Board: ${plan.length} Verschiebungen, ${attempts} Versuche, ${refused} sichtbar abgelehnt und wiederholt, ` +
      `„wird gespeichert“ gesehen: ${sawPending ? 'ja' : 'nein'}; ${stats.requests} Anfragen, ${stats.failed} absichtlich gescheitert; ` +
      'Reihenfolge nach dem Neuladen wie beabsichtigt.',
  )
})
