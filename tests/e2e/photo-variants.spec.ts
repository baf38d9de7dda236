import sharp from 'sharp'
import { expect, test } from '@playwright/test'
import { portraitPhonePhoto } from '../fixtures/phone-photos'
import { expectSaved, signIn } from './helpers'

test.use({ viewport: { width: 1280, height: 1100 } })

/** Size and type of a file the demo serves, read in the page (the service worker answers). */
const fileInPage = async (address: string) => {
  const response = await fetch(address)
  const blob = await response.blob()
  const bitmap = await createImageBitmap(blob)
  return { status: response.status, type: blob.type, width: bitmap.width, height: bitmap.height }
}

test('ein Handyfoto im Hochformat steht in der Demo aufrecht, in allen Größen, auch nach dem Neuladen', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const photo = await portraitPhonePhoto(1600, 1200)
  expect((await sharp(photo).metadata()).orientation).toBe(6)

  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.goto('/beitraege/beitrag-02-sozialplan')
  await page.getByTestId('photo-file-input').setInputFiles({
    name: 'handy-hochkant.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(photo),
  })
  const figure = page.getByRole('group', { name: 'Foto 1' })
  await figure.getByLabel('Bildunterschrift').fill('Ein Foto vom Handy, hochkant')
  await figure.getByLabel('Fotonachweis').fill('Stadt Gera')
  await figure.getByLabel('Alternativtext', { exact: true }).fill('Blaue Fläche mit rotem Eck')
  await expectSaved(page, 20_000)

  const source = await figure.locator('img').getAttribute('src')
  const mediaId = /\/media\/([^/]+)\/file/.exec(source ?? '')?.[1]
  expect(mediaId).toBeTruthy()
  const email2x = `/api/media/${mediaId}/file/email2x`
  const expected = { status: 200, type: 'image/jpeg', width: 900, height: 1200 }
  expect(await page.evaluate(fileInPage, email2x)).toEqual(expected)
  expect(await page.evaluate(fileInPage, `/api/media/${mediaId}/file/email`)).toMatchObject({
    width: 450,
    height: 600,
  })

  await page.reload()
  await expect(page.getByRole('group', { name: 'Foto 1' })).toBeVisible()
  expect(await page.evaluate(fileInPage, email2x)).toEqual(expected)

  await page.goto('/ausgaben/ausgabe-2018-08/vorschau')
  await page.getByRole('tab', { name: 'E-Mail' }).click()
  const email = page.frameLocator('iframe[title="Vorschau: E-Mail"]')
  const image = email.locator(`img[src*="${mediaId}"]`)
  await expect(image).toBeVisible()
  // the attributes that mail programs without CSS go by: the upright 3:4, not the stored 4:3
  const width = Number(await image.getAttribute('width'))
  expect(Number(await image.getAttribute('height'))).toBe(Math.round((width * 4) / 3))
  const box = await image.boundingBox()
  expect(box!.height).toBeGreaterThan(box!.width * 1.2)
  await image.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/vorschau-e-mail-hochkant.png' })
})
