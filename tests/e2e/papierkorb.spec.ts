import { expect, test, type Page } from '@playwright/test'
import { approveSeedIssue, expectNoAxeViolations, signIn } from './helpers'

const editor = 'Dr. Frank Rühling (Redaktion)'
const head = 'Sandra Wanzar (Dezernentin)'
const shots = process.env.RUNDBRIEF_SCREENSHOTS

async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

test('Redaktion löscht einen Beitrag nach Rückfrage und stellt ihn aus dem Papierkorb wieder her', async ({
  page,
}) => {
  await signIn(page, editor)
  await page.goto('/beitraege')
  await page.getByRole('button', { name: 'Neuer Beitrag' }).click()
  // on the list, "Überschrift" would also find the search field
  await expect(page.getByRole('heading', { name: 'Beitrag bearbeiten' })).toBeVisible()
  await page.getByLabel('Überschrift', { exact: true }).fill('Termine der Sozialplanung (Entwurf)')
  await expect(page).toHaveTitle('Termine der Sozialplanung (Entwurf) bearbeiten – Rundbrief', {
    timeout: 10_000,
  })
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', {
      name: 'Beiträge',
    })
    .click()

  const remove = page.getByRole('button', { name: '„Termine der Sozialplanung (Entwurf)“ löschen' })
  await remove.click()
  const dialog = page.getByRole('dialog', {
    name: '„Termine der Sozialplanung (Entwurf)“ löschen?',
  })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page, 'Beitrag löschen, Rückfrage')
  await shoot(page, 'beitrag-loeschen-dialog')
  await dialog.getByRole('button', { name: 'In den Papierkorb legen' }).click()
  await expect(
    page.getByText('„Termine der Sozialplanung (Entwurf)“ liegt jetzt im Papierkorb.'),
  ).toBeFocused()
  await expectNoAxeViolations(page, 'Beiträge nach dem Löschen')

  await page.getByRole('link', { name: 'Papierkorb' }).click()
  await expect(page.getByRole('heading', { name: 'Papierkorb', level: 1 })).toBeVisible()
  const entry = page.getByRole('listitem').filter({ hasText: 'Termine der Sozialplanung' })
  await expect(entry).toContainText('von Dr. Frank Rühling')
  await expect(entry).toContainText('(noch 30 Tage)')
  await expectNoAxeViolations(page, 'Papierkorb mit Eintrag')
  await shoot(page, 'papierkorb')
  await page.setViewportSize({ width: 390, height: 844 })
  await shoot(page, 'papierkorb-390')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

  await entry.getByRole('button', { name: 'Wiederherstellen' }).click()
  await expect(page.getByText(/ist wieder im Themenspeicher/)).toBeFocused()
  await expect(page.getByText('Der Papierkorb ist leer.')).toBeVisible()
  await expectNoAxeViolations(page, 'Papierkorb nach dem Wiederherstellen')
})

test('Versenden fragt nach; die Dezernentin nimmt den Versand mit Grund zurück', async ({
  page,
}) => {
  await signIn(page, head)
  await approveSeedIssue(page)
  await page.goto('/ausgaben/ausgabe-2018-08')
  await page.getByRole('button', { name: 'Als versendet markieren …' }).click()
  const confirm = page.getByRole('dialog', { name: '„August 2018“ als versendet markieren?' })
  await expect(confirm).toContainText('Danach ist die Ausgabe gesperrt')
  await expectNoAxeViolations(page, 'Als versendet markieren, Rückfrage')
  await shoot(page, 'versenden-dialog')
  await confirm.getByRole('button', { name: 'Als versendet markieren' }).click()
  await expect(
    page.getByText('Die Ausgabe ist als versendet markiert und damit gesperrt.'),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Freigabe', level: 2 })).toBeFocused()

  await page.getByRole('button', { name: 'Versand zurücknehmen …' }).click()
  const takeBack = page.getByRole('dialog', { name: 'Versand von „August 2018“ zurücknehmen?' })
  await takeBack.getByRole('button', { name: 'Versand zurücknehmen' }).click()
  await expect(takeBack.getByText('Bitte einen Grund angeben')).toBeVisible()
  await expectNoAxeViolations(page, 'Versand zurücknehmen mit Fehler')
  await shoot(page, 'versand-zuruecknehmen-dialog')
  await takeBack.getByLabel('Grund').fill('Versehentlich markiert, der Versand ist erst morgen.')
  await takeBack.getByRole('button', { name: 'Versand zurücknehmen' }).click()
  await expect(
    page.getByText('Der Versand ist zurückgenommen. Die Ausgabe ist wieder freigegeben.'),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText(
    'Versand zurückgenommen – Versehentlich markiert, der Versand ist erst morgen.',
  )
})
