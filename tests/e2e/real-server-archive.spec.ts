import { expect, test } from '@playwright/test'
import { seedAccounts } from '../server/seed-accounts'
import { approveSeedIssueOnServer, expectNoAxeViolations, signInWithPassword } from './helpers'

const reader = 'leserin@awo-gera.de'
const headline = 'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales'

interface SinkMail {
  to: string[]
  subject: string
  text: string
}

test('echter Server: „Im Browser ansehen“ aus der per SMTP versendeten E-Mail führt auf die Archivseite, die Sperre macht sie zu „nicht mehr im Archiv“', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  expect((await request.post('/testing/reset')).status()).toBe(204)
  const token = await approveSeedIssueOnServer(request)
  const headers = { Authorization: `Bearer ${token}` }
  expect((await request.post('/api/recipients', { headers, data: { email: reader } })).ok()).toBe(
    true,
  )
  const issue = (await (await request.get('/api/issues/ausgabe-2018-08', { headers })).json()) as {
    version: number
    approval: { fingerprint: string }
  }
  const send = await request.post('/api/issues/ausgabe-2018-08/sends', {
    headers,
    data: { version: issue.version, fingerprint: issue.approval.fingerprint },
  })
  expect(send.status()).toBe(201)

  // the message as the in-process SMTP server received it
  let mail: SinkMail | undefined
  await expect(async () => {
    const mails = (await (await request.get('/testing/mails')).json()) as SinkMail[]
    mail = mails.find((candidate) => candidate.to.includes(reader))
    expect(mail).toBeDefined()
  }).toPass({ timeout: 30_000 })
  const browserLink = /Im Browser ansehen: (\S+)/.exec(mail?.text ?? '')?.[1] ?? ''
  expect(browserLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archiv\/\d{4}-\d{2}$/)

  // the page is stored when the issue becomes versendet, right after its last message
  await expect(async () => {
    const current = await request.get('/api/issues/ausgabe-2018-08', { headers })
    expect(((await current.json()) as { status: string }).status).toBe('published')
  }).toPass({ timeout: 30_000 })

  // the Node server answers the archive address itself, without sign-in and without the app
  await page.goto(browserLink)
  await expect(page.getByRole('heading', { name: headline })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
  await expectNoAxeViolations(page, 'Archivseite (echter Server)')

  await page.goto('/archiv')
  await expect(page.getByRole('link', { name: /August 2018/ }).first()).toHaveAttribute(
    'href',
    browserLink,
  )
  await expectNoAxeViolations(page, 'Übersicht des Archivs (echter Server)')

  // the Dezernentin takes it down in the app: the public address then says so
  await signInWithPassword(page, seedAccounts.head)
  await page.goto('/ausgaben/ausgabe-2018-08')
  const section = page.getByRole('region', { name: 'Archiv', exact: true })
  await expect(section.getByText('Öffentlich im Archiv')).toBeVisible()
  await expect(section.getByRole('link', { name: browserLink })).toBeVisible()
  await section.getByRole('button', { name: 'Aus dem Archiv nehmen …' }).click()
  const dialog = page.getByRole('dialog', { name: '„August 2018“ aus dem Archiv nehmen?' })
  await dialog.getByRole('textbox', { name: 'Grund' }).fill('Einstweilige Verfügung')
  await expectNoAxeViolations(page, 'Sperrdialog (echter Server)')
  await dialog.getByRole('button', { name: 'Aus dem Archiv nehmen' }).click()
  await expect(section.getByText(/^Aus dem Archiv genommen am/)).toContainText(
    'Grund: Einstweilige Verfügung',
  )
  const gone = await request.get(browserLink)
  expect(gone.status()).toBe(410)
  await page.goto(browserLink)
  await expect(
    page.getByRole('heading', { name: 'Diese Ausgabe ist nicht mehr im Archiv' }),
  ).toBeVisible()
})
