import { expect, test } from '@playwright/test'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { expectNoAxeViolations, signIn } from './helpers'

test.use({ viewport: { width: 1280, height: 1100 } })

/**
 * The text of a PDF as a reader gets it: pieces that touch on one line are one word. Chromium
 * writes a ligature ("ff" in "Steffen") as a piece of its own, which must not become "Ste ff en".
 */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise
  const pages: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent()
    let text = ''
    let end: { x: number; y: number } | null = null
    for (const item of content.items) {
      if (!('str' in item)) continue
      const [, , , , x = 0, y = 0] = item.transform as number[]
      const touches = end !== null && Math.abs(end.y - y) < 1 && Math.abs(x - end.x) < 0.5
      text += (text && !touches ? ' ' : '') + item.str
      end = { x: x + item.width, y }
      if (item.hasEOL) end = null
    }
    pages.push(text)
  }
  return pages.join('\n')
}

test('Vorschau in drei Formaten, barrierefrei, mit Export und PDF aus Chromium', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  await signIn(page, 'Jana Krause (Gestaltung)')
  await page.goto('/ausgaben/ausgabe-2018-08/vorschau')
  await expect(
    page.getByRole('heading', { name: 'Vorschau der Ausgabe August 2018' }),
  ).toBeVisible()
  await expect(
    page.getByText(
      /E-Mail-HTML: .* KB von höchstens 102 KB – Gmail zeigt die E-Mail vollständig\./,
    ),
  ).toBeVisible()

  const email = page.frameLocator('iframe[title="Vorschau: E-Mail"]')
  await expect(email.getByText('- Nachrichten aus dem Dezernat Soziales -')).toBeVisible()
  await expect(
    email.getByText('Tel. 0365/838-3010 | E-Mail: jugend.soziales@gera.de'),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'Vorschau (Seite)', { exclude: 'iframe' })
  await page.screenshot({ path: 'test-results/screenshots/vorschau-email-600.png' })
  await page.getByLabel('Mobil (375 px)').check()
  await page.screenshot({ path: 'test-results/screenshots/vorschau-email-375.png' })

  await page.getByRole('tab', { name: 'Web' }).click()
  const web = page.frameLocator('iframe[title="Vorschau: Web"]')
  await expect(web.getByRole('heading', { level: 2, name: 'Impressum' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/vorschau-web.png' })

  await page.getByRole('tab', { name: 'Web' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Druck' })).toHaveAttribute('aria-selected', 'true')
  await page.screenshot({ path: 'test-results/screenshots/vorschau-druck.png' })

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Text herunterladen' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toBe('rundbrief-august-2018.txt')
  const { readFile } = await import('node:fs/promises')
  expect(await readFile((await saved.path()) ?? '', 'utf8')).toContain(
    '- Nachrichten aus dem Dezernat Soziales -',
  )

  for (const [format, title] of [
    ['E-Mail', 'Vorschau: E-Mail'],
    ['Web', 'Vorschau: Web'],
    ['Druck', 'Vorschau: Druck'],
  ] as const) {
    await page.getByRole('tab', { name: format }).click()
    const html = await page.locator(`iframe[title="${title}"]`).getAttribute('srcdoc')
    const context = await browser.newContext()
    const rendered = await context.newPage()
    await rendered.setContent(html ?? '', { waitUntil: 'load' })
    await expectNoAxeViolations(rendered, `gerenderte Ausgabe ${format}`)
    await context.close()
  }

  const printHtml = await page.locator('iframe[title="Vorschau: Druck"]').getAttribute('srcdoc')
  const pdfPage = await browser.newPage()
  await pdfPage.setContent(printHtml ?? '', { waitUntil: 'networkidle' })
  const pdf = await pdfPage.pdf({ format: 'A4', printBackground: true })
  await pdfPage.close()
  const content = await pdfText(pdf)
  for (const expected of [
    'Kommunale Sozialplanung und Integrationsmanagement',
    'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales',
    'Foto: Stadtverwaltung Gera (Steffen Weiß)',
    'Weniger Geflüchtete erhalten Leistungen nach SGB II',
    'Redaktionsschluss: 13. August 2018',
    'Seite 1 von',
  ]) {
    expect(content.replace(/\s+/g, ' ')).toContain(expected)
  }
})
