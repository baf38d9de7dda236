import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

test.use({ viewport: { width: 1280, height: 1400 } })

const contentTitles = (page: Page) =>
  page.getByRole('list', { name: 'Inhalt der Ausgabe' }).locator(':scope > li .board-card-title')

test('Karten per Maus und per Tastatur verschieben; die Reihenfolge übersteht das Neuladen', async ({
  page,
}) => {
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.getByRole('link', { name: 'August 2018' }).click()
  await expect(contentTitles(page)).toHaveCount(10)
  await expectNoAxeViolations(page, 'Board')

  const first = page.locator('[data-article-id="beitrag-01-antrittsbesuch"]')
  const third = page.locator('[data-article-id="beitrag-03-behoerdennetzwerk"]')
  // the Prüfungen above push the board down: the first three cards must be on screen for the drag
  await third.scrollIntoViewIfNeeded()
  await first.getByRole('button', { name: /verschieben/ }).hover()
  const box = await third.boundingBox()
  if (!box) throw new Error('Karte nicht sichtbar')
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 4, { steps: 12 })
  await page.mouse.up()
  await expect(contentTitles(page).nth(2)).toHaveText(
    'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales',
  )

  const handle = page.getByRole('button', {
    name: '„Weniger Geflüchtete erhalten Leistungen nach SGB II“ verschieben',
  })
  await handle.focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(page.locator('.board-live')).toHaveText('Position 8 von 10 im Inhalt der Ausgabe.')
  await page.keyboard.press('Space')
  await expect(page.locator('.board-live')).toContainText('abgelegt, Position 8 von 10')
  await expect(contentTitles(page).nth(7)).toHaveText(
    'Weniger Geflüchtete erhalten Leistungen nach SGB II',
  )

  await page
    .getByRole('button', { name: 'Entfernen: „Sommerfest der Gemeinschaftsunterkunft Gera“' })
    .click()
  await expect(contentTitles(page)).toHaveCount(9)
  await expectNoAxeViolations(page, 'Board nach Verschiebungen')

  await expect(async () => {
    await page.reload()
    await expect(contentTitles(page)).toHaveText([
      'Beschlussvorlage zum Integrierten Sozialplan liegt vor',
      'OB Vonarb besucht Behördennetzwerk Asyl',
      'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales',
      'Planungskoordination zur Entwicklung von Armutspräventionsstrategien',
      'OTEGAU startet Integrationswerkstatt für anerkannte weibliche Flüchtlinge',
      'Freistaat fördert Integrationsmanagement',
      'Ministerin besucht soziale Einrichtungen in Gera',
      'Weniger Geflüchtete erhalten Leistungen nach SGB II',
      'Aktionsnachmittag an Gera Volkshochschule',
    ])
  }).toPass({ timeout: 15_000 })
  await expect(
    page
      .getByRole('list', { name: 'Themenspeicher' })
      .getByRole('link', { name: 'Sommerfest der Gemeinschaftsunterkunft Gera' }),
  ).toBeVisible()
})

test('„Neue Ausgabe“ ist barrierefrei und meldet Fehler auf Deutsch', async ({ page }) => {
  await signIn(page, 'Sandra Wanzar (Dezernentin)')
  await page.getByRole('button', { name: 'Neue Ausgabe' }).click()
  await page.getByRole('button', { name: 'Ausgabe anlegen' }).click()
  await expect(page.getByText('Bitte einen Titel der Ausgabe angeben.')).toBeVisible()
  await expectNoAxeViolations(page, 'Neue Ausgabe mit Fehlern')
})
