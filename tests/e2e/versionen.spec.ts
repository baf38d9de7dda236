import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, expectSaved, signIn, typeAtEndOfText } from './helpers'

const editor = 'Dr. Frank Rühling (Redaktion)'
const shots = process.env.RUNDBRIEF_SCREENSHOTS

async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` })
}

const textbox = (page: Page) => page.getByRole('textbox', { name: 'Text', exact: true })

test('Redaktion stellt eine frühere Version eines Beitrags wieder her', async ({ page }) => {
  await signIn(page, editor)
  await page.goto('/beitraege/beitrag-01-antrittsbesuch')
  await expect(textbox(page)).toBeVisible()
  const original = await textbox(page).innerText()

  // the first save after a long pause keeps the state before it; the next one keeps nothing
  await typeAtEndOfText(page, ' Ein erster Zusatz.')
  await expectSaved(page)
  await typeAtEndOfText(page, ' Noch ein Satz.')
  await expectSaved(page)

  const opener = page.getByRole('button', { name: 'Versionen', exact: true })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Versionen' })
  await expect(
    dialog.getByRole('list', { name: 'Frühere Versionen' }).getByRole('listitem'),
  ).toHaveCount(1)
  const first = dialog.getByRole('button', {
    name: /^Version 1: Stand vor einer Bearbeitungspause/,
  })
  await expect(first).toBeFocused()
  await page.keyboard.press('Enter')
  const comparison = dialog.getByRole('region', {
    name: 'Version 1 im Vergleich zum aktuellen Text',
  })
  await expect(comparison.getByRole('insertion')).toHaveText(
    '[nur im aktuellen Text: Ein erster Zusatz. Noch ein Satz.]',
  )
  await expectNoAxeViolations(page, 'Versionen mit Vergleich')
  await shoot(page, 'versionen-vergleich')

  await comparison.getByRole('button', { name: 'Diese Version wiederherstellen' }).click()
  const confirm = comparison.getByRole('button', { name: 'Wiederherstellen', exact: true })
  await expect(confirm).toBeFocused()
  await expectNoAxeViolations(page, 'Versionen, Rückfrage vor dem Wiederherstellen')
  await shoot(page, 'versionen-rueckfrage')
  await page.keyboard.press('Enter')

  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
  await expect(page.getByText('Version 1 ist wiederhergestellt.', { exact: false })).toBeVisible()
  await expect(textbox(page)).not.toContainText('Zusatz')
  expect(await textbox(page).innerText()).toBe(original)
  await expectSaved(page)

  // after a reload the restored text stays: no pending save or local draft wrote over it
  await page.reload()
  await expect(textbox(page)).toBeVisible()
  await expect(textbox(page)).not.toContainText('Zusatz')
  await expect(page.getByText('Nicht gespeicherte Änderungen')).toHaveCount(0)
  await page.getByRole('button', { name: 'Versionen', exact: true }).click()
  const items = page
    .getByRole('dialog', { name: 'Versionen' })
    .getByRole('list', { name: 'Frühere Versionen' })
    .getByRole('button')
  await expect(items).toHaveText([
    /^Version 3: Wiederhergestellt aus Version 1 Dr\. Frank Rühling/,
    /^Version 2: Stand vor dem Wiederherstellen/,
    /^Version 1: Stand vor einer Bearbeitungspause/,
  ])
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
