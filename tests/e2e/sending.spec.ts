import { expect, test, type Page } from '@playwright/test'
import { approveSeedIssue, expectNoAxeViolations, signIn } from './helpers'

test.use({ viewport: { width: 1280, height: 1000 } })

const head = 'Sandra Wanzar (Dezernentin)'
const shots = 'test-results/screenshots'
const readers = ['leserin1@example.org', 'leser2@example.org', 'verein3@example.org']

/** Adds confirmed recipients through the demo API, as the signed-in Dezernentin. */
async function addRecipients(page: Page, addresses: string[]) {
  await page.evaluate(async (emails) => {
    const token = localStorage.getItem('rundbrief.sitzung')
    for (const email of emails) {
      const response = await fetch('/api/recipients', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      })
      if (!response.ok) throw new Error(await response.text())
    }
  }, addresses)
}

test('die Dezernentin versendet die freigegebene Ausgabe, sieht den Fortschritt bis „Versendet“ und die Nachrichten im Postausgang', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await signIn(page, head)
  await addRecipients(page, readers)
  await approveSeedIssue(page)

  // Testversand from the Vorschau, before sending
  await page.goto('/ausgaben/ausgabe-2018-08/vorschau')
  await page.getByRole('button', { name: 'Testversand …' }).click()
  const testDialog = page.getByRole('dialog', { name: 'Testversand von „August 2018“' })
  await testDialog.getByLabel('E-Mail-Adressen').fill('sandra.wanzar@example.org')
  await testDialog.getByRole('button', { name: 'Test senden' }).click()
  await expect(testDialog).toContainText('Gesendet an sandra.wanzar@example.org')
  await expectNoAxeViolations(page, 'Testversand mit Ergebnis', { exclude: 'iframe' })
  await page.screenshot({ path: `${shots}/testversand.png` })
  await testDialog.getByRole('button', { name: 'Schließen' }).click()

  await page.goto('/ausgaben/ausgabe-2018-08')
  const panel = page.getByRole('region', { name: 'Versand', exact: true })
  await panel.getByRole('button', { name: 'Versand planen …' }).click()
  const plan = page.getByRole('dialog', { name: 'Versand von „August 2018“ planen' })
  await expect(plan.getByLabel('Zeitpunkt (Berliner Zeit)')).toHaveValue(/T09:00$/)
  await expectNoAxeViolations(page, 'Versand planen')
  await page.screenshot({ path: `${shots}/versand-planen.png` })
  await plan.getByRole('button', { name: 'Abbrechen' }).click()

  await panel.getByRole('button', { name: 'Jetzt versenden …' }).click()
  const confirm = page.getByRole('dialog', { name: '„August 2018“ jetzt versenden?' })
  await expect(confirm).toContainText('3 bestätigte Adressen')
  await expect(confirm).toContainText('newsletter@gera.de')
  await expectNoAxeViolations(page, 'Jetzt versenden, Bestätigung')
  await page.screenshot({ path: `${shots}/versand-bestaetigen.png` })
  await confirm.getByRole('button', { name: 'Jetzt versenden' }).click()

  await expect(page).toHaveURL(/\/ausgaben\/ausgabe-2018-08\/versand$/)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Versand der Ausgabe August 2018' }),
  ).toBeVisible()
  const progress = page.getByRole('progressbar', { name: 'Fortschritt' })
  await expect(progress).toBeVisible()
  // the demo's send worker runs in the page: done within seconds, without a reload
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 15_000 })
  await expect(progress).toHaveAttribute('aria-valuetext', '3 von 3 Nachrichten bearbeitet (100 %)')
  await expect(page.getByText(/Die Ausgabe ist jetzt „Versendet“/)).toBeVisible()
  await expect(page.getByText('Status der Ausgabe: Versendet')).toBeVisible()
  await expectNoAxeViolations(page, 'Versandseite nach dem Versand')
  await page.screenshot({ path: `${shots}/versand-fortschritt.png`, fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${shots}/versand-fortschritt-390.png`, fullPage: true })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 1000 })

  await page.goto('/ausgaben/ausgabe-2018-08')
  await expect(page.getByText('Versendet').first()).toBeVisible()
  await expect(panel).toContainText('3 gesendet, 0 fehlgeschlagen')

  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Postausgang (Demo)' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Postausgang (Demo)' })).toBeVisible()
  for (const reader of readers)
    await expect(page.getByRole('row').filter({ hasText: reader })).toHaveCount(1)
  await expect(page.getByRole('row').filter({ hasText: '[Test]' })).toHaveCount(1)
  // the Postausgang lives with the demo data: still there after a reload
  await page.reload()
  await expect(page.getByRole('row').filter({ hasText: '@example.org' })).toHaveCount(4)
  const row = page.getByRole('row').filter({ hasText: 'leser2@example.org' })
  await row.getByRole('button', { name: /ansehen/ }).click()
  const message = page.getByRole('region', { name: /August 2018/ })
  await expect(message.getByRole('heading', { level: 2 })).toBeFocused()
  const mail = message.frameLocator('iframe[title="E-Mail an leser2@example.org"]')
  await expect(mail.getByText('Abmelden', { exact: false }).first()).toBeVisible()
  await expect(mail.getByRole('img').first()).toHaveJSProperty('complete', true)
  expect(
    await mail
      .getByRole('img')
      .first()
      .evaluate((image: HTMLImageElement) => image.naturalWidth),
  ).toBeGreaterThan(0)
  await message.getByText('Kopfzeilen').click()
  await expect(message.locator('details').filter({ hasText: 'Kopfzeilen' })).toHaveAttribute(
    'open',
    '',
  )
  await expect(message).toContainText('List-Unsubscribe-Post')
  await expect(message).toContainText('List-Unsubscribe=One-Click')
  await expectNoAxeViolations(page, 'Postausgang mit geöffneter Nachricht', { exclude: 'iframe' })
  await page.screenshot({ path: `${shots}/postausgang.png`, fullPage: true })
})
