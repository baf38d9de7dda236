import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'
import { seedHeadlines } from '../fixtures/seed-headlines'

test('die Redaktion meldet sich an und sieht die zehn Beiträge der Ausgabe August 2018', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible()
  await expect(page).toHaveTitle('Anmelden – Rundbrief')
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expectNoAxeViolations(page, 'Anmelden')

  await page.getByLabel('Dr. Frank Rühling (Redaktion)').check()
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await expect(page.getByRole('heading', { name: 'Ausgaben', level: 1 })).toBeVisible()
  await expect(page.getByRole('row', { name: /August 2018/ })).toContainText('überfällig')
  await expectNoAxeViolations(page, 'Ausgaben')

  await page.getByRole('link', { name: 'August 2018' }).click()
  const list = page.getByRole('list', { name: 'Inhalt der Ausgabe' })
  await expect(list.getByRole('link')).toHaveText(seedHeadlines)
  await expect(page).toHaveTitle('Ausgabe August 2018 – Rundbrief')
  await expectNoAxeViolations(page, 'Ausgabe')
})

test('Beitrag, Beitragsliste und Vorschau sind barrierefrei und zeigen die Vorlage', async ({
  page,
}) => {
  await signIn(page, 'Jana Krause (Gestaltung)')
  await page.getByRole('link', { name: 'August 2018' }).click()
  await page.getByRole('link', { name: seedHeadlines[0] }).click()
  await expect(page.getByRole('heading', { name: seedHeadlines[0], level: 1 })).toBeVisible()
  await expect(page.getByText('Foto: Stadtverwaltung Gera (Steffen Weiß)')).toBeVisible()
  await expect(
    page.getByText('Als Gestaltung können Sie Beiträge lesen, aber nicht bearbeiten.'),
  ).toBeVisible()
  const photo = page.getByRole('img', { name: /Gruppenfoto/ })
  await expect(photo).toBeVisible()
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(960)
  await expectNoAxeViolations(page, 'Beitrag')

  await page.getByRole('link', { name: 'Beiträge', exact: true }).first().click()
  await page.getByLabel('Suche in Überschrift und Text').fill('OTEGAU')
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3)
  await expectNoAxeViolations(page, 'Beiträge')

  await page.goto('/ausgaben/ausgabe-2018-08/vorschau')
  const preview = page.frameLocator('iframe[title="Vorschau: E-Mail"]')
  await expect(preview.getByText('- Nachrichten aus dem Dezernat Soziales -')).toBeVisible()
  await expect(
    preview.getByText('Tel. 0365/838-3010 | E-Mail: jugend.soziales@gera.de'),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'Vorschau', { exclude: 'iframe' })
})

test('Arbeit übersteht das Neuladen, und „Demo-Daten zurücksetzen“ stellt die Vorlage wieder her', async ({
  page,
}) => {
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  const changed = await page.evaluate(async () => {
    const token = localStorage.getItem('rundbrief.sitzung')
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
    const issue = await (await fetch('/api/issues/ausgabe-2018-08', { headers })).json()
    const response = await fetch('/api/issues/ausgabe-2018-08', {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version: issue.version, label: 'August 2018 (geändert)' }),
    })
    return response.status
  })
  expect(changed).toBe(200)
  await page.reload()
  await expect(page.getByRole('link', { name: 'August 2018 (geändert)' })).toBeVisible()

  await page.getByRole('button', { name: 'Demo-Daten zurücksetzen' }).click()
  await expectNoAxeViolations(page, 'Rückfrage zum Zurücksetzen')
  await page.getByRole('button', { name: 'Ja, zurücksetzen' }).click()
  await expect(page.getByText('Demo-Daten wurden zurückgesetzt.')).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('link', { name: 'August 2018', exact: true })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('link', { name: 'August 2018', exact: true })).toBeVisible()
})

test('die Tastatur erreicht alles mit sichtbarem Fokus', async ({ page }) => {
  await page.goto('/anmelden')
  await expect(page.getByLabel('Dr. Frank Rühling (Redaktion)')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Dr. Frank Rühling (Redaktion)')).toBeFocused()
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Ausgaben', level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' })
  await expect(skipLink).toBeFocused()
  const outline = await skipLink.evaluate((element) => getComputedStyle(element).outlineStyle)
  expect(outline).toBe('solid')
})
