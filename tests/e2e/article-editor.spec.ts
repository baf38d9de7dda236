import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { tinyPng } from '../fixtures/images'
import { expectNoAxeViolations, signIn, expectSaved } from './helpers'

const wordClipboard = readFileSync(resolve('tests/fixtures/clipboard/word.html'), 'utf8')

test('ein neuer Beitrag mit Typografie, Word-Einfügung und Foto übersteht das Neuladen', async ({
  page,
}) => {
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.getByRole('link', { name: 'Beiträge', exact: true }).click()
  await page.getByRole('button', { name: 'Neuer Beitrag' }).click()
  await expect(page.getByRole('heading', { name: 'Beitrag bearbeiten' })).toBeVisible()

  await page
    .getByLabel('Überschrift')
    .pressSequentially('Sommerfest in der Gemeinschaftsunterkunft')
  const body = page.getByRole('textbox', { name: 'Text', exact: true })
  await body.click()
  await page.keyboard.type('Sie sagte "Willkommen" -- und ging... Gera\'s Fest.')
  await expect(body).toContainText('Sie sagte „Willkommen“ – und ging… Gera’s Fest.')

  await page.keyboard.press('Enter')
  await body.evaluate((element, html) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'Sommerfest')
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, wordClipboard)
  await expect(body.locator('ul > li').first()).toHaveText('Kulinarische Spezialitäten')
  await expect(body.locator('ol > li')).toHaveText(['Begrüßung', 'Buffet'])
  await expect(body.locator('strong', { hasText: '12. September 2018' })).toBeVisible()
  await expect(body.locator('img')).toHaveCount(0)
  expect(await body.innerHTML()).not.toMatch(/mso-|class="Mso|style=/)

  await page.getByTestId('photo-file-input').setInputFiles({
    name: 'sommerfest.png',
    mimeType: 'image/png',
    buffer: Buffer.from(tinyPng()),
  })
  const photo = page.getByRole('group', { name: 'Foto 1' })
  await photo.getByLabel('Bildunterschrift').fill('Bewohnerinnen und Bewohner beim Sommerfest')
  await photo.getByLabel('Fotonachweis').fill('Stadtverwaltung Gera')
  await photo
    .getByLabel('Alternativtext', { exact: true })
    .fill('Menschen an Tischen mit Speisen im Hof der Unterkunft')
  await expectSaved(page, 10_000)
  await expectNoAxeViolations(page, 'Beitrag bearbeiten')

  await page.getByRole('button', { name: 'Link' }).click()
  await expect(page.getByLabel('Linkadresse')).toBeFocused()
  await expectNoAxeViolations(page, 'Linkformular')
  await page.keyboard.press('Escape')

  await page.reload()
  await expect(page.getByLabel('Überschrift')).toHaveValue(
    'Sommerfest in der Gemeinschaftsunterkunft',
  )
  const reloaded = page.getByRole('textbox', { name: 'Text', exact: true })
  await expect(reloaded).toContainText('Sie sagte „Willkommen“ – und ging… Gera’s Fest.')
  await expect(reloaded.locator('ol > li')).toHaveText(['Begrüßung', 'Buffet'])
  const reloadedPhoto = page.getByRole('group', { name: 'Foto 1' })
  await expect(reloadedPhoto.getByLabel('Bildunterschrift')).toHaveValue(
    'Bewohnerinnen und Bewohner beim Sommerfest',
  )
  await expect(reloadedPhoto.getByLabel('Fotonachweis')).toHaveValue('Stadtverwaltung Gera')
  await expect(reloadedPhoto.getByLabel('Alternativtext', { exact: true })).toHaveValue(
    'Menschen an Tischen mit Speisen im Hof der Unterkunft',
  )
  expect(
    await reloadedPhoto.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBe(3)
})

test('offline Getipptes ist nach dem Neuladen wieder da und wird gespeichert', async ({ page }) => {
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.goto('/beitraege/beitrag-09-sommerfest')
  const body = page.getByRole('textbox', { name: 'Text', exact: true })
  await body.click()
  await page.evaluate(() =>
    (
      window as unknown as { rundbriefDemo: { setFaults(text: string): void } }
    ).rundbriefDemo.setFaults('failure=1'),
  )
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Offline ergänzt.')
  await expect(page.getByText(/Nicht gespeichert – offline/)).toBeVisible({ timeout: 10_000 })

  await page.evaluate(() => localStorage.removeItem('rundbrief.stoerungen'))
  await page.reload()
  await expect(
    page.getByText('Nicht gespeicherte Änderungen von diesem Gerät wurden wiederhergestellt.'),
  ).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toContainText(
    'Offline ergänzt.',
  )
  await expectSaved(page, 10_000)
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toContainText(
    'Offline ergänzt.',
  )
  await expect(page.getByText('wurden wiederhergestellt')).toHaveCount(0)
})
