import { expect, test } from '@playwright/test'
import { seedAccounts } from '../server/seed-accounts'
import { approveSeedIssueOnServer, expectNoAxeViolations, signInWithPassword } from './helpers'

const readers = ['leserin@awo-gera.de', 'stadtrat.mueller@gera.de', 'info@diakonie-gera.de']

test('Dezernentin am echten Server: drei Empfänger, Versand der freigegebenen Ausgabe über SMTP bis „Versendet“', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  expect((await request.post('/testing/reset')).status()).toBe(204)
  await approveSeedIssueOnServer(request)
  await signInWithPassword(page, seedAccounts.head)

  await page.getByRole('link', { name: 'Empfänger', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Empfänger', level: 1 })).toBeVisible()
  for (const reader of readers) {
    await page.getByRole('button', { name: 'Empfänger hinzufügen' }).click()
    await page.getByLabel('E-Mail-Adresse').fill(reader)
    await page.getByRole('button', { name: 'Hinzufügen' }).click()
    await expect(page.getByRole('cell', { name: reader })).toBeVisible()
  }
  await expectNoAxeViolations(page, 'Empfänger (echter Server)')

  await page.goto('/ausgaben/ausgabe-2018-08')
  const panel = page.getByRole('region', { name: 'Versand', exact: true })
  await panel.getByRole('button', { name: 'Jetzt versenden …' }).click()
  const confirm = page.getByRole('dialog', { name: '„August 2018“ jetzt versenden?' })
  await expect(confirm).toContainText('3 bestätigte Adressen')
  await expect(confirm).toContainText('newsletter@gera.de')
  await expectNoAxeViolations(page, 'Jetzt versenden (echter Server)')
  await confirm.getByRole('button', { name: 'Jetzt versenden' }).click()

  await expect(page).toHaveURL(/\/ausgaben\/ausgabe-2018-08\/versand$/)
  const progress = page.getByRole('progressbar', { name: 'Fortschritt' })
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 })
  await expect(progress).toHaveAttribute('aria-valuetext', '3 von 3 Nachrichten bearbeitet (100 %)')
  await expect(page.getByText('Status der Ausgabe: Versendet')).toBeVisible()
  await expectNoAxeViolations(page, 'Versandseite (echter Server)')

  const mails = (await (await request.get('/testing/mails')).json()) as {
    to: string[]
    subject: string
    text: string
    headers: string[]
  }[]
  expect(mails.flatMap((mail) => mail.to).sort()).toEqual([...readers].sort())
  for (const mail of mails) {
    expect(mail.subject).toContain('August 2018')
    expect(mail.text).toMatch(/Vom Newsletter abmelden: http:\/\/127\.0\.0\.1:\d+\/abmelden\/\S+/)
    expect(mail.headers.join('\n')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
  }

  await page.goto('/ausgaben')
  await expect(page.getByRole('row').filter({ hasText: 'August 2018' })).toContainText('Versendet')
})
