import { expect, test, type APIRequestContext } from '@playwright/test'
import { seedAccounts } from '../server/seed-accounts'
import { expectNoAxeViolations, signInWithPassword } from './helpers'

const readers = ['leserin@awo-gera.de', 'stadtrat.mueller@gera.de', 'info@diakonie-gera.de']

/** Approves the seed issue through the API with a bearer session of the Dezernentin. */
async function approveSeedIssue(request: APIRequestContext) {
  const session = await request.post('/api/session', {
    data: { login: seedAccounts.head.login, password: seedAccounts.head.password },
  })
  const { token } = (await session.json()) as { token: string }
  const headers = { Authorization: `Bearer ${token}` }
  const call = async (method: 'get' | 'post' | 'patch', path: string, data?: object) => {
    const response = await request[method](`/api${path}`, { headers, data })
    return (await response.json()) as {
      version: number
      photos?: object[]
      errors?: { path: string }[]
    }
  }
  const id = 'ausgabe-2018-08'
  const day = (days: number) => new Date(Date.now() + days * 86_400_000)
  let issue = await call('get', `/issues/${id}`)
  issue = await call('patch', `/issues/${id}`, {
    version: issue.version,
    deadline: day(5).toISOString(),
    plannedSendDate: day(7).toISOString().slice(0, 10),
  })
  for (const articleId of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
    const article = await call('get', `/articles/${articleId}`)
    await call('patch', `/articles/${articleId}`, {
      version: article.version,
      photos: (article.photos ?? []).map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
    })
  }
  issue = await call('post', `/issues/${id}/submit`, { version: issue.version })
  const refused = await call('post', `/issues/${id}/approve`, { version: issue.version })
  const approved = await request.post(`/api/issues/${id}/approve`, {
    headers,
    data: {
      version: issue.version,
      acknowledgedWarnings: (refused.errors ?? []).map((error) =>
        error.path.replace(/^checks\./, ''),
      ),
    },
  })
  expect(approved.status()).toBe(200)
}

test('Dezernentin am echten Server: drei Empfänger, Versand der freigegebenen Ausgabe über SMTP bis „Versendet“', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  expect((await request.post('/testing/reset')).status()).toBe(204)
  await approveSeedIssue(request)
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
