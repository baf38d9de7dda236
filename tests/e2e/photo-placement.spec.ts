import { readFile } from 'node:fs/promises'
import { expect, test, type Frame, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

test.use({ viewport: { width: 1280, height: 1000 } })

const route = '/ausgaben/ausgabe-2018-08/vorschau'
const placements = [
  { value: 'left', label: 'Links neben dem Text', slug: 'links' },
  { value: 'right', label: 'Rechts neben dem Text', slug: 'rechts' },
  { value: 'full', label: 'Volle Breite', slug: 'volle-breite' },
] as const
type Placement = (typeof placements)[number]['value']

interface Box {
  left: number
  right: number
  top: number
  bottom: number
  width: number
}
interface Geometry {
  photo: Box
  text: Box
  column: Box
}

/**
 * The first photo and the first paragraph of text of the same article (web and print: the
 * `article`; e-mail: the article's row), with the box of that article. Runs in the page.
 */
function measure(): Geometry {
  const box = (element: Element): Box => {
    const rect = element.getBoundingClientRect()
    return {
      left: rect.left,
      right: rect.right,
      top: rect.top,
      bottom: rect.bottom,
      width: rect.width,
    }
  }
  const image = document.querySelector('main img, td.section img:not([height="64"])')
  if (!image) throw new Error('kein Foto')
  const article = image.closest('article') ?? image.closest('td.section')
  if (!article) throw new Error('kein Beitrag')
  const photoTable = image.closest('table:not(.columns)')
  const text = [...article.querySelectorAll('p')].find(
    (paragraph) =>
      !paragraph.closest('figure') &&
      !(photoTable && article.contains(photoTable) && photoTable.contains(paragraph)),
  )
  if (!text) throw new Error('kein Text')
  return { photo: box(image), text: box(text), column: box(article) }
}

function expectBeside(geometry: Geometry, side: 'left' | 'right') {
  const { photo, text } = geometry
  // the paragraph's lines run beside the photo: their vertical ranges overlap
  expect(photo.top).toBeLessThan(text.bottom)
  expect(text.top).toBeLessThan(photo.bottom)
  // and the photo is on the chosen side of the text (a float's paragraph box spans the column,
  // so compare with its centre line rather than its edge)
  if (side === 'left') expect(photo.right).toBeLessThan(text.left + text.width / 2)
  else expect(photo.left).toBeGreaterThan(text.left + text.width / 2)
  expect(photo.width).toBeLessThan(geometry.column.width * 0.6)
}

function expectStacked(geometry: Geometry, photoFirst: boolean) {
  const { photo, text } = geometry
  if (photoFirst) expect(photo.bottom).toBeLessThanOrEqual(text.top + 1)
  else expect(text.bottom).toBeLessThanOrEqual(photo.top + 1)
  expect(photo.width).toBeGreaterThan(geometry.column.width * 0.8)
}

async function frameOf(page: Page, title: string): Promise<Frame> {
  const frame = await (
    await page.locator(`iframe[title="${title}"]`).elementHandle()
  )?.contentFrame()
  if (!frame) throw new Error(`kein Rahmen ${title}`)
  return frame
}

async function download(page: Page, button: string): Promise<string> {
  const saved = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return readFile((await (await saved).path()) ?? '', 'utf8')
}

async function screenshotOfArticle(target: Page | Frame, path: string) {
  const article = target
    .locator('article, td.section')
    .filter({ has: target.locator('img:not([height="64"])') })
    .first()
  await article.screenshot({ path })
}

test('Fotos links/rechts stehen neben dem Text in Web, Druck und E-Mail und rutschen auf schmalen Schirmen darüber', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000)
  await signIn(page, 'Jana Krause (Gestaltung)')
  await page.goto(route)
  await expect(
    page.getByRole('heading', { name: 'Vorschau der Ausgabe August 2018' }),
  ).toBeVisible()
  const viewContext = await browser.newContext()
  const view = await viewContext.newPage()

  for (const { value, label, slug } of placements) {
    await page.getByLabel(label).check()
    const side: Exclude<Placement, 'full'> | null = value === 'full' ? null : value

    // web page (the download, as a reader opens it)
    const web = await download(page, 'Webseite herunterladen')
    await view.setViewportSize({ width: 1000, height: 900 })
    await view.setContent(web, { waitUntil: 'load' })
    const wide = await view.evaluate(measure)
    if (side) expectBeside(wide, side)
    else expectStacked(wide, false)
    await screenshotOfArticle(view, `docs/screenshots/foto-${slug}-web.png`)
    await view.setViewportSize({ width: 375, height: 800 })
    expectStacked(await view.evaluate(measure), side !== null)
    if (value === 'left') await expectNoAxeViolations(view, 'Webseite, Foto links')

    // e-mail at 600 px and at 375 px
    const email = await download(page, 'HTML herunterladen')
    await view.setViewportSize({ width: 700, height: 900 })
    await view.setContent(email, { waitUntil: 'load' })
    const desktop = await view.evaluate(measure)
    if (side) expectBeside(desktop, side)
    else expectStacked(desktop, false)
    await screenshotOfArticle(view, `docs/screenshots/foto-${slug}-email-600.png`)
    await view.setViewportSize({ width: 375, height: 800 })
    expectStacked(await view.evaluate(measure), side !== null)
    await screenshotOfArticle(view, `docs/screenshots/foto-${slug}-email-375.png`)
    if (value === 'right') await expectNoAxeViolations(view, 'E-Mail, Foto rechts')

    // print, in the preview itself
    await page.getByRole('tab', { name: 'Druck' }).click()
    const printFrame = await frameOf(page, 'Vorschau: Druck')
    await expect(printFrame.locator('img').first()).toBeVisible()
    await printFrame.waitForFunction(() =>
      [...document.images].every((image) => image.complete && image.naturalWidth > 0),
    )
    const print = await printFrame.evaluate(measure)
    if (side) expectBeside(print, side)
    else expectStacked(print, false)
    await screenshotOfArticle(printFrame, `docs/screenshots/foto-${slug}-druck.png`)
    await page.getByRole('tab', { name: 'E-Mail' }).click()
  }
  await viewContext.close()
})

test('Downloads tragen ihre Fotos in sich, verkleinert im Browser auf die gezeigte Größe', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  await signIn(page, 'Jana Krause (Gestaltung)')
  await page.goto(route)
  await page.getByLabel('Links neben dem Text').check()
  const preview = page.locator('iframe[title="Vorschau: E-Mail"]')
  const original = (await preview.getAttribute('srcdoc'))?.match(/src="([^"]*\/api\/media\/[^"]+)"/)
  expect(original?.[1]).toBeTruthy()
  const originalBytes = await page.evaluate(
    async (url) => (await (await fetch(url)).arrayBuffer()).byteLength,
    original?.[1] ?? '',
  )

  for (const button of ['HTML herunterladen', 'Webseite herunterladen']) {
    const html = await download(page, button)
    expect(html).not.toContain('/api/media/')
    expect(html).not.toMatch(/http:\/\/(127\.0\.0\.1|localhost)/)
    // opened offline: nothing may be fetched from anywhere
    const context = await browser.newContext({ offline: true })
    const reader = await context.newPage()
    await reader.setContent(html, { waitUntil: 'load' })
    const images = await reader.evaluate(() =>
      [...document.images].map((image) => ({
        src: image.src.slice(0, 23),
        bytes: atob(image.src.replace(/^data:[^,]+,/, '')).length,
        naturalWidth: image.naturalWidth,
        shownWidth: image.getBoundingClientRect().width,
      })),
    )
    await context.close()
    expect(images).toHaveLength(3)
    for (const image of images) {
      expect(image.src).toBe('data:image/jpeg;base64,')
      expect(image.naturalWidth).toBeGreaterThan(0)
      expect(image.naturalWidth).toBeLessThanOrEqual(Math.ceil(image.shownWidth * 2) + 1)
      expect(image.bytes).toBeLessThan(originalBytes)
    }
  }
})

test('Vorschau-Seite: Drucken vom E-Mail-Tab, Vorschau in voller Höhe mit sichtbarem Fokus, Layout springt nicht', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as (Window & { printedTitle?: string }) | null
      if (top) top.printedTitle = document.title
    }
  })
  await signIn(page, 'Jana Krause (Gestaltung)')
  await page.goto(route)
  await expect(page.getByRole('tab', { name: 'E-Mail' })).toHaveAttribute('aria-selected', 'true')

  // the preview is as tall as its content: no scrollbar of its own
  const emailFrame = page.locator('iframe[title="Vorschau: E-Mail"]')
  await expect
    .poll(async () =>
      (await frameOf(page, 'Vorschau: E-Mail')).evaluate(
        () => document.documentElement.scrollHeight - window.innerHeight,
      ),
    )
    .toBeLessThanOrEqual(1)
  expect((await emailFrame.boundingBox())?.height).toBeGreaterThan(2000)
  await page.getByLabel('Mobil (375 px)').check()
  await expect
    .poll(async () =>
      (await frameOf(page, 'Vorschau: E-Mail')).evaluate(
        () => document.documentElement.scrollHeight - window.innerHeight,
      ),
    )
    .toBeLessThanOrEqual(1)

  // the frame shows where the focus is
  await page.getByLabel('Mobil (375 px)').focus()
  await page.keyboard.press('Tab')
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME')
  const outline = await emailFrame.evaluate((frame) => {
    const style = getComputedStyle(frame)
    return { style: style.outlineStyle, width: style.outlineWidth }
  })
  expect(outline).toEqual({ style: 'solid', width: '3px' })
  await page.screenshot({ path: 'test-results/screenshots/vorschau-fokus.png' })

  // the contrast warning takes space that was kept for it
  const fixed = [
    page.getByLabel('Schrift der Überschriften'),
    page.getByRole('button', { name: 'Layout speichern' }),
    page.getByRole('tab', { name: 'E-Mail' }),
  ]
  const before = await Promise.all(fixed.map((locator) => locator.boundingBox()))
  await page.getByLabel('Akzentfarbe').fill('#ffd700')
  await expect(page.getByText(/zu gering für Überschriften/)).toBeVisible()
  const after = await Promise.all(fixed.map((locator) => locator.boundingBox()))
  // nothing moves by as much as half a pixel (sub-pixel rounding of the bold warning aside)
  after.forEach((box, index) => {
    expect(box?.x).toBeCloseTo(before[index]?.x ?? -1, 0)
    expect(box?.y).toBeCloseTo(before[index]?.y ?? -1, 0)
  })
  await page.getByRole('button', { name: 'Änderungen verwerfen' }).click()

  // Drucken / PDF from the e-mail tab prints the print version
  await page.getByRole('button', { name: 'Drucken / PDF' }).click()
  await expect(page.getByRole('tab', { name: 'Druck' })).toHaveAttribute('aria-selected', 'true')
  await expect
    .poll(() => page.evaluate(() => (window as Window & { printedTitle?: string }).printedTitle))
    .toBe('Kommunale Sozialplanung und Integrationsmanagement – August 2018')

  await page.getByLabel('Ausgabe und Erscheinungsdatum zeigen').check()
  await expect(
    page
      .frameLocator('iframe[title="Vorschau: Druck"]')
      .getByText('Ausgabe August 2018 · 15. August 2018'),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'Vorschau (Seite)', { exclude: 'iframe' })
  await page.screenshot({ path: 'docs/screenshots/vorschau-seite.png', fullPage: false })
})
