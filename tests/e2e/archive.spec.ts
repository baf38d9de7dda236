import { expect, test, type Page } from '@playwright/test'
import { approveSeedIssue, expectNoAxeViolations, signIn } from './helpers'

test.use({ viewport: { width: 1280, height: 1000 } })

const head = 'Sandra Wanzar (Dezernentin)'
const shots = 'test-results/screenshots'
const reader = 'leserin1@example.org'
const headline = 'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales'

/** Sends the approved seed issue to one confirmed reader through the demo API. */
async function sendSeedIssue(page: Page) {
  await page.evaluate(async (email) => {
    const token = localStorage.getItem('rundbrief.sitzung')
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!response.ok) throw new Error(await response.text())
      return response.json()
    }
    await call('POST', '/recipients', { email })
    const issue = await call('GET', '/issues/ausgabe-2018-08')
    await call('POST', '/issues/ausgabe-2018-08/sends', {
      version: issue.version,
      fingerprint: issue.approval.fingerprint,
    })
  }, reader)
}

test('aus der versendeten E-Mail im Postausgang führt „Im Browser ansehen“ auf die Archivseite; Übersicht, Ausgabenseite und Sperrdialog ohne axe-Verstöße', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  await signIn(page, head)
  await approveSeedIssue(page)
  await sendSeedIssue(page)
  // the demo's send worker runs in this page: it stays until the issue is versendet (leaving
  // earlier would strand a claimed message until its lease ends); the archive page is stored then
  await expect(async () => {
    const status = await page.evaluate(async () => {
      const token = localStorage.getItem('rundbrief.sitzung')
      const response = await fetch('/api/issues/ausgabe-2018-08', {
        headers: { Authorization: `Bearer ${token}` },
      })
      return ((await response.json()) as { status: string }).status
    })
    expect(status).toBe('published')
  }).toPass({ timeout: 15_000 })

  await page.goto('/postausgang')
  const row = page.getByRole('row').filter({ hasText: reader })
  await expect(row).toHaveCount(1)
  await row.getByRole('button', { name: /ansehen/ }).click()
  const mail = page.frameLocator(`iframe[title="E-Mail an ${reader}"]`)
  const [archiveTab] = await Promise.all([
    context.waitForEvent('page'),
    mail.getByRole('link', { name: 'Im Browser ansehen' }).click(),
  ])
  await expect(archiveTab).toHaveURL(/\/archiv\/\d{4}-\d{2}$/)
  const slug = new URL(archiveTab.url()).pathname.split('/').at(-1) ?? ''
  const archivePage = archiveTab.frameLocator('iframe[title*="August 2018"]')
  await expect(archivePage.getByRole('heading', { name: headline })).toBeVisible()
  await expect(archiveTab).toHaveTitle(/August 2018/)
  // the frame around it (axe cannot run inside a frame without scripts; the stored page itself is
  // checked where the Node server serves it, real-server-archive.spec.ts)
  await expectNoAxeViolations(archiveTab, 'Archivseite der Ausgabe')
  await archiveTab.screenshot({ path: `${shots}/archiv-seite.png` })
  await archiveTab.close()

  await page.goto('/archiv')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Archiv des Newsletters' }),
  ).toBeVisible()
  const link = page.getByRole('link', { name: 'Ausgabe August 2018' })
  await expect(link).toHaveAttribute('href', `/archiv/${slug}`)
  await expect(page.getByText(headline)).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
  await expectNoAxeViolations(page, 'Übersicht des Archivs')
  await page.screenshot({ path: `${shots}/archiv-uebersicht.png`, fullPage: true })

  // the issue page's Archiv section, and the takedown by keyboard
  await page.goto('/ausgaben/ausgabe-2018-08')
  const section = page.getByRole('region', { name: 'Archiv', exact: true })
  await expect(section.getByText('Öffentlich im Archiv')).toBeVisible()
  await expectNoAxeViolations(page, 'Ausgabenseite mit Archiv')
  const opener = section.getByRole('button', { name: 'Aus dem Archiv nehmen …' })
  await opener.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: '„August 2018“ aus dem Archiv nehmen?' })
  const reason = dialog.getByRole('textbox', { name: 'Grund' })
  await expect(reason).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Aus dem Archiv nehmen' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByText('Bitte einen Grund angeben (er steht im Verlauf).')).toBeVisible()
  await expect(reason).toBeFocused()
  await expectNoAxeViolations(page, 'Sperrdialog mit Fehlermeldung')
  await page.keyboard.type('Einstweilige Verfügung vom Landgericht')
  await page.screenshot({ path: `${shots}/archiv-sperrdialog.png` })
  // Tab stays in the dialog: from the last button back to the field
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(reason).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  const state = section.getByText(/^Aus dem Archiv genommen am/)
  await expect(state).toContainText('von Sandra Wanzar — Grund: Einstweilige Verfügung')
  await expect(state).toBeFocused()
  await expect(
    page.getByRole('region', { name: 'Verlauf' }).getByText('Aus dem Archiv genommen'),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'Ausgabenseite, aus dem Archiv genommen')
  await page.screenshot({ path: `${shots}/archiv-abschnitt-gesperrt.png`, fullPage: true })

  await page.goto(`/archiv/${slug}`)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Diese Ausgabe ist nicht mehr im Archiv' }),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'Archivseite, gesperrt')
})
