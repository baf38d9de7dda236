import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

const head = 'Sandra Wanzar (Dezernentin)'
/** Recipient lists as German Excel saves them: Windows-1252, semicolons, umlauts in the names. */
const excelFile = (name: string) => resolve('tests/fixtures', name)

test('Empfänger: CSV aus Excel mit einem Fehler, dann korrigiert importieren; Hinzufügen und Löschen', async ({
  page,
}) => {
  await signIn(page, head)
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', {
      name: 'Empfänger',
    })
    .click()
  await expect(page.getByRole('heading', { name: 'Empfänger', level: 1 })).toBeVisible()
  await expect(page).toHaveTitle('Empfänger – Rundbrief')
  await expectNoAxeViolations(page, 'Empfänger (leer)')

  await page.getByRole('button', { name: 'CSV importieren' }).click()
  await page.getByLabel('CSV-Datei').setInputFiles(excelFile('empfaenger-excel-mit-fehler.csv'))
  const errors = page.getByRole('list', { name: 'Fehlerhafte Zeilen' })
  await expect(errors).toContainText('Zeile 3: Bitte eine gültige E-Mail-Adresse angeben')
  await expect(page.getByRole('button', { name: /Empfänger importieren$/ })).toHaveCount(0)
  await expectNoAxeViolations(page, 'CSV-Import mit Fehler')
  await page.screenshot({ path: 'test-results/empfaenger-import-fehler.png', fullPage: true })

  await page.getByLabel('CSV-Datei').setInputFiles(excelFile('empfaenger-excel.csv'))
  const preview = page.getByRole('table', { name: /^Vorschau/ })
  await expect(preview.getByRole('row', { name: /Jürgen Müller/ })).toContainText('neu')
  await expect(preview).toContainText('Caritas „Regionalstelle Gera“')
  await expect(errors).toHaveCount(0)
  await expectNoAxeViolations(page, 'CSV-Import Vorschau')
  await page.screenshot({ path: 'test-results/empfaenger-import-vorschau.png', fullPage: true })

  await page.getByRole('button', { name: '4 Empfänger importieren' }).click()
  const summary = page.getByRole('status').filter({ hasText: 'Import abgeschlossen' })
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('sind 4 Adressen neu in der Empfängerliste')
  const list = page.getByRole('table', { name: '4 Empfänger' })
  await expect(list.getByRole('cell', { name: 'Jürgen Müller' })).toBeVisible()
  await expect(list.getByRole('cell', { name: 'Diakonie Ostthüringen' })).toBeVisible()
  await expectNoAxeViolations(page, 'Empfänger nach dem Import')
  await page.getByRole('button', { name: 'Schließen' }).click()
  await expect(page.getByRole('button', { name: 'CSV importieren' })).toBeFocused()

  await page.getByRole('button', { name: 'Empfänger hinzufügen' }).click()
  await page.getByRole('button', { name: 'Hinzufügen' }).click()
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveAccessibleDescription(
    'Bitte eine E-Mail-Adresse angeben.',
  )
  await expectNoAxeViolations(page, 'Empfänger hinzufügen mit Fehler')
  await page.getByRole('button', { name: 'Abbrechen' }).click()
  await expect(page.getByRole('button', { name: 'Empfänger hinzufügen' })).toBeFocused()

  await page.getByRole('button', { name: 'anna.schaefer@awo-gera.de löschen' }).click()
  const dialog = page.getByRole('dialog', { name: 'anna.schaefer@awo-gera.de löschen?' })
  await expect(dialog).toContainText('Sperrliste')
  await expectNoAxeViolations(page, 'Empfänger löschen (Dialog)')
  await page.screenshot({ path: 'test-results/empfaenger-loeschen.png' })
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click()
  await expect(page.getByText('anna.schaefer@awo-gera.de ist gelöscht.')).toBeFocused()
  await expect(page.getByRole('table', { name: '3 Empfänger' })).toBeVisible()
  await page.screenshot({ path: 'test-results/empfaenger-liste.png', fullPage: true })
})

test('die öffentlichen Seiten: ohne Anmeldung, ohne Navigation des Dashboards, deutsch, axe', async ({
  page,
}) => {
  const pages = [
    { path: '/abonnieren', heading: 'Newsletter abonnieren' },
    { path: '/abonnieren/bestaetigen/unbekannt', heading: 'Anmeldung bestätigen' },
    { path: '/abmelden/unbekannt.ungueltig', heading: 'Vom Newsletter abmelden' },
  ]
  for (const { path, heading } of pages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
    await expect(page.getByText('Wird geladen', { exact: false })).toHaveCount(0)
    await expect(page).toHaveTitle(`${heading} – Newsletter des Dezernats Soziales, Stadt Gera`)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Demo-Daten zurücksetzen' })).toHaveCount(0)
    await expectNoAxeViolations(page, path)
  }

  // an unknown confirmation link: the button answers with a clear German message
  await page.goto('/abonnieren/bestaetigen/unbekannt')
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click()
  const refused = page.getByRole('alert')
  await expect(refused).toContainText('Dieser Bestätigungslink ist ungültig')
  await expect(refused).toBeFocused()
  await expectNoAxeViolations(page, 'Bestätigungslink ungültig')

  await page.goto('/abmelden/unbekannt.ungueltig')
  await expect(page.getByRole('alert')).toContainText('Dieser Abmeldelink funktioniert nicht')
  await expect(page.getByRole('button', { name: 'Abmelden' })).toHaveCount(0)
})
