import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

const width = 390
test.use({ viewport: { width, height: 844 } })

async function expectNoSidewaysScroll(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, 'Die Seite scrollt seitwärts').toBeLessThanOrEqual(width)
}

async function expectOnScreen(locator: Locator, what: string) {
  const box = await locator.boundingBox()
  expect(box, `${what} ist nicht sichtbar`).not.toBeNull()
  expect(box!.x, `${what} beginnt links außerhalb`).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width, `${what} endet rechts außerhalb`).toBeLessThanOrEqual(width)
}

test('zeigt die Ausgaben auf 390 px als Karten mit Status und Redaktionsschluss im Bild', async ({
  page,
}) => {
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  const row = page.getByRole('row', { name: /August 2018/ })
  await expect(row).toBeVisible()
  await expectOnScreen(row.getByText('In Bearbeitung'), 'Der Status')
  await expectOnScreen(row.getByText('13. August 2018, 12:00 Uhr'), 'Der Redaktionsschluss')
  await expectNoSidewaysScroll(page)
  await expectNoAxeViolations(page, 'Ausgaben auf schmalem Bildschirm')
  await page.screenshot({ path: 'test-results/ausgaben-390.png', fullPage: true })
})

test('zeigt die Beiträge auf 390 px als Karten mit Status, Ausgabe und Aktionen im Bild', async ({
  page,
}) => {
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.getByRole('link', { name: 'Beiträge' }).click()
  const row = page.getByRole('row', { name: /Sozialplan/ })
  await expect(row).toBeVisible()
  await expectOnScreen(row.locator('td[data-label="Status"] > *'), 'Der Status')
  await expectOnScreen(row.locator('td[data-label="Ausgabe"]'), 'Die Ausgabe')
  await expectOnScreen(row.locator('td[data-label="Zuletzt geändert"]'), 'Zuletzt geändert')
  await expectNoSidewaysScroll(page)
  const draft = page.getByRole('row').filter({ has: page.getByRole('button', { name: /fertig/ }) })
  if ((await draft.count()) > 0) {
    await expectOnScreen(draft.first().getByRole('button').first(), 'Die Aktion')
  }
  await expectNoAxeViolations(page, 'Beiträge auf schmalem Bildschirm')
  await page.screenshot({ path: 'test-results/beitraege-390.png', fullPage: true })
})
