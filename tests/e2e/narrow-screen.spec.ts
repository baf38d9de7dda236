import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

const width = 390
test.use({ viewport: { width, height: 844 } })

async function expectNoSidewaysScroll(page: Page, screenWidth = width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, 'Die Seite scrollt seitwärts').toBeLessThanOrEqual(screenWidth)
}

async function expectOnScreen(locator: Locator, what: string, screenWidth = width) {
  const box = await locator.boundingBox()
  expect(box, `${what} ist nicht sichtbar`).not.toBeNull()
  expect(box!.x, `${what} beginnt links außerhalb`).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width, `${what} endet rechts außerhalb`).toBeLessThanOrEqual(screenWidth)
}

/** A call to the demo API as the signed-in user. */
async function callApi(page: Page, path: string, body: unknown) {
  await page.evaluate(
    async ({ path, body }) => {
      const token = localStorage.getItem('rundbrief.sitzung')
      const response = await fetch(`/api${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok) throw new Error(await response.text())
    },
    { path, body },
  )
}

const longAddress =
  'anna.muster-mit-einer-sehr-langen-adresse@kommunale-sozialplanung-und-integrationsmanagement.example.org'
// no space to break at, as long as the form allows (200 characters)
const longName = `Überlänge${'x'.repeat(191)}`

// one row of buttons: 16 px padding above and below a 44 px target, and the border
const oneRowHeaderPx = 80
const people = [
  {
    name: 'Dr. Frank Rühling',
    label: 'Dr. Frank Rühling (Redaktion)',
    links: ['Ausgaben', 'Beiträge', 'Empfänger', 'Postausgang (Demo)', 'Archiv'],
  },
  {
    name: 'Sandra Wanzar',
    label: 'Sandra Wanzar (Dezernentin)',
    links: ['Ausgaben', 'Beiträge', 'Empfänger', 'Postausgang (Demo)', 'Archiv'],
  },
  {
    name: 'Jana Krause',
    label: 'Jana Krause (Gestaltung)',
    links: ['Ausgaben', 'Beiträge', 'Archiv'],
  },
]

for (const person of people) {
  test(`zeigt die Kopfzeile für ${person.label} auf 390 und 320 px in einer Zeile; Menü und Konto klappen darunter auf`, async ({
    page,
  }) => {
    await signIn(page, person.label)
    const header = page.getByRole('banner')
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' })
    const menu = header.getByRole('button', { name: 'Menü' })
    const account = header.getByRole('button', { name: 'Konto' })
    for (const screenWidth of [width, 320]) {
      await page.setViewportSize({ width: screenWidth, height: 844 })
      const height = (await header.boundingBox())!.height
      expect(height, 'Die Kopfzeile ist höher als eine Zeile').toBeLessThanOrEqual(oneRowHeaderPx)
      await expect(navigation.getByRole('link', { name: 'Ausgaben' })).toBeHidden()
      for (const button of [
        menu,
        account,
        header.getByRole('button', { name: /^Benachrichtigungen/ }),
      ])
        await expectOnScreen(button, 'Ein Knopf der Kopfzeile', screenWidth)
      await expectNoSidewaysScroll(page, screenWidth)
    }

    // the menu by keyboard: it opens below the header, its links come next, Escape closes it
    await menu.focus()
    await page.keyboard.press('Enter')
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(navigation.getByRole('link')).toHaveText(person.links)
    for (const name of person.links)
      await expectOnScreen(navigation.getByRole('link', { name }), `Der Link ${name}`, 320)
    await page.keyboard.press('Tab')
    await expect(navigation.getByRole('link', { name: 'Ausgaben' })).toBeFocused()
    await expectNoSidewaysScroll(page, 320)
    await expectNoAxeViolations(page, 'Kopfzeile mit offenem Menü auf 320 px')
    await page.screenshot({ path: `test-results/kopfzeile-menue-320-${person.links.length}.png` })
    await page.keyboard.press('Escape')
    await expect(menu).toBeFocused()
    await expect(navigation.getByRole('link', { name: 'Ausgaben' })).toBeHidden()

    await account.click()
    await expect(header.getByText(person.name)).toBeVisible()
    await expectOnScreen(header.getByRole('button', { name: 'Abmelden' }), 'Abmelden', 320)
    await expectNoSidewaysScroll(page, 320)
    await expectNoAxeViolations(page, 'Kopfzeile mit offenem Konto auf 320 px')

    // a link in the menu leads to its page and closes the menu
    await page.setViewportSize({ width, height: 844 })
    await menu.click()
    await navigation.getByRole('link', { name: 'Beiträge' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Beiträge' })).toBeFocused()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')

    // from 768 px on the navigation and the person stand in the header, without the two buttons
    await page.setViewportSize({ width: 768, height: 844 })
    for (const name of person.links)
      await expect(navigation.getByRole('link', { name })).toBeVisible()
    await expect(header.getByText(person.name)).toBeVisible()
    await expect(menu).toBeHidden()
    await expect(account).toBeHidden()
  })
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
  await page.getByRole('button', { name: 'Menü' }).click()
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

test('zeigt den Postausgang auf 390 px mit langer Adresse ohne Seitwärtsscrollen', async ({
  page,
}) => {
  await signIn(page, 'Sandra Wanzar (Dezernentin)')
  await callApi(page, '/issues/ausgabe-2018-08/test-send', { addresses: [longAddress] })
  await page.goto('/postausgang')
  const row = page.getByRole('row', { name: /anna\.muster/ })
  await expect(row).toBeVisible()
  await expectOnScreen(row.locator('td[data-label="An"]'), 'Die Adresse')
  await expectOnScreen(row.getByRole('button', { name: /ansehen/ }), 'Ansehen')
  await expectNoSidewaysScroll(page)
  await expectNoAxeViolations(page, 'Postausgang auf schmalem Bildschirm')
  await page.screenshot({ path: 'test-results/postausgang-390.png', fullPage: true })
})

for (const screenWidth of [width, 1280]) {
  test(`zeigt Empfänger mit sehr langem Namen auf ${screenWidth} px mit Status und Löschen im Bild`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: screenWidth, height: 844 })
    await signIn(page, 'Sandra Wanzar (Dezernentin)')
    await callApi(page, '/recipients', {
      email: 'anna.muster@example.de',
      name: longName,
      organisation: longName,
    })
    await page.goto('/empfaenger')
    const row = page.getByRole('row', { name: /anna\.muster/ })
    await expect(row).toBeVisible()
    await expectOnScreen(row.getByText('bestätigt'), 'Der Status', screenWidth)
    await expectOnScreen(
      row.getByRole('button', { name: 'anna.muster@example.de löschen' }),
      'Löschen',
      screenWidth,
    )
    await expectNoSidewaysScroll(page, screenWidth)
    await page.screenshot({ path: `test-results/empfaenger-${screenWidth}.png`, fullPage: true })
  })
}
