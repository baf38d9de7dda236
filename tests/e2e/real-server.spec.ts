import { expect, test } from '@playwright/test'
import { tinyPng } from '../fixtures/images'
import { seedAccounts } from '../server/seed-accounts'
import { expectNoAxeViolations, signInWithPassword, expectSaved } from './helpers'

test('Redaktion am echten Server: Anmeldung mit Passwort, Beitrag mit Foto, Neuladen, Vorschau', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  expect((await request.post('/testing/reset')).status()).toBe(204)
  const cspViolations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text())
  })

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Anmelden', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Anmelden als', { exact: false })).toHaveCount(0)
  await expectNoAxeViolations(page, 'Anmelden (echter Server)')
  await page.getByLabel('Benutzername', { exact: true }).fill(seedAccounts.editor.login)
  await page.getByLabel('Passwort', { exact: true }).fill('falsch geraten')
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText(/Benutzername oder Passwort ist falsch\./)
  await expect(page.getByLabel('Benutzername', { exact: true })).toHaveValue(
    seedAccounts.editor.login,
  )
  await page.getByLabel('Passwort', { exact: true }).fill(seedAccounts.editor.password)
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Ausgaben', level: 1 })).toBeVisible()

  // The session is an HttpOnly cookie: nothing a script in the page could read or send elsewhere.
  const [sessionCookie] = (await page.context().cookies()).filter(
    (cookie) => cookie.name === 'rundbrief_sitzung',
  )
  expect(sessionCookie).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/api',
  })
  const readable = await page.evaluate(() => ({
    cookies: document.cookie,
    stored: Object.values(localStorage).join(' '),
  }))
  expect(readable.cookies).not.toContain('rundbrief_sitzung')
  expect(readable.stored).not.toContain(sessionCookie?.value ?? 'kein Cookie')
  const forged = await page.evaluate(
    async () =>
      (
        await fetch('/api/articles', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ headline: 'Ohne CSRF-Merkmal' }),
        })
      ).status,
  )
  expect(forged).toBe(403)

  await page.getByRole('link', { name: 'Beiträge', exact: true }).click()
  await page.getByRole('button', { name: 'Neuer Beitrag' }).click()
  await expect(page.getByRole('heading', { name: 'Beitrag bearbeiten' })).toBeVisible()
  await page.getByLabel('Überschrift').pressSequentially('Sprachcafé im Stadtteilzentrum')
  const body = page.getByRole('textbox', { name: 'Text', exact: true })
  await body.click()
  await page.keyboard.type('Jeden Dienstag "Deutsch im Gespräch" -- offen für alle.')
  await page.getByTestId('photo-file-input').setInputFiles({
    name: 'sprachcafe.png',
    mimeType: 'image/png',
    buffer: Buffer.from(tinyPng()),
  })
  const photo = page.getByRole('group', { name: 'Foto 1' })
  await photo.getByLabel('Bildunterschrift').fill('Gesprächsrunde im Sprachcafé')
  await photo.getByLabel('Fotonachweis').fill('Stadtverwaltung Gera (Steffen Weiß)')
  await photo.getByLabel('Alternativtext', { exact: true }).fill('Menschen im Gespräch am Tisch')
  await expectSaved(page)
  await expectNoAxeViolations(page, 'Beitrag bearbeiten (echter Server)')

  await page.reload()
  await expect(page.getByLabel('Überschrift')).toHaveValue('Sprachcafé im Stadtteilzentrum')
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toContainText(
    'Jeden Dienstag „Deutsch im Gespräch“ – offen für alle.',
  )
  const reloaded = page.getByRole('group', { name: 'Foto 1' })
  await expect(reloaded.getByLabel('Fotonachweis')).toHaveValue(
    'Stadtverwaltung Gera (Steffen Weiß)',
  )
  const thumbnail = reloaded.locator('img')
  await expect(thumbnail).toHaveJSProperty('complete', true)
  expect(await thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(
    0,
  )

  await page.goto('/ausgaben/ausgabe-2018-08/vorschau')
  await expect(
    page.getByRole('heading', { name: 'Vorschau der Ausgabe August 2018' }),
  ).toBeVisible()
  const email = page.frameLocator('iframe[title="Vorschau: E-Mail"]')
  const firstPhoto = email.locator('img').first()
  await expect(firstPhoto).toBeVisible()
  await expect
    .poll(() => firstPhoto.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)

  await page.getByRole('button', { name: 'Abmelden' }).click()
  await expect(page.getByRole('heading', { name: 'Anmelden', level: 1 })).toBeVisible()
  expect(
    (await page.context().cookies()).filter((cookie) => cookie.name === 'rundbrief_sitzung'),
  ).toEqual([])
  expect(cspViolations).toEqual([])
})

test('echter Server, Netz weg und wieder da: der Text wartet sichtbar und wird dann gespeichert', async ({
  page,
  context,
  request,
}) => {
  expect((await request.post('/testing/reset')).status()).toBe(204)
  await signInWithPassword(page, seedAccounts.editor)
  await page.goto('/beitraege/beitrag-09-sommerfest')
  const body = page.getByRole('textbox', { name: 'Text', exact: true })
  await body.click()
  await page.keyboard.press('Control+End')
  await context.setOffline(true)
  await page.keyboard.type(' Ohne Netz geschrieben.')
  await expect(page.getByText(/Nicht gespeichert – offline/)).toBeVisible({ timeout: 15_000 })
  await expectNoAxeViolations(page, 'Beitrag offline (echter Server)')
  await context.setOffline(false)
  await expectSaved(page)
  await page.reload()
  await expect(body).toContainText('Ohne Netz geschrieben.')
  await expect(page.getByText('wurden wiederhergestellt')).toHaveCount(0)
})
