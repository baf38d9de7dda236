import { expect, test, type Browser, type Page } from '@playwright/test'
import { seedAccounts } from '../server/seed-accounts'
import {
  articleText as text,
  expectNoAxeViolations,
  expectSaved,
  signInWithPassword,
  typeAtEndOfText as typeAtEnd,
  type StoredArticle,
} from './helpers'

const articleId = 'beitrag-05-integrationswerkstatt'
const issueId = 'ausgabe-2018-08'

async function signedIn(browser: Browser, role: 'editor' | 'head'): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })
  const page = await context.newPage()
  await signInWithPassword(page, seedAccounts[role])
  return page
}

/** Reads a resource with the page's own session (its HttpOnly cookie), straight from the server. */
const read = <T>(page: Page, path: string) =>
  page.evaluate(async (url) => {
    const response = await fetch(url)
    return (await response.json()) as unknown
  }, `/api${path}`) as Promise<T>

test('zwei Browser, ein Beitrag und eine Ausgabe: nichts wird still überschrieben', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  expect((await request.post('/testing/reset')).status()).toBe(204)
  const frank = await signedIn(browser, 'editor')
  const sandra = await signedIn(browser, 'head')

  for (const page of [frank, sandra]) {
    await page.goto(`/beitraege/${articleId}`)
    await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toBeVisible()
  }

  await typeAtEnd(frank, ' Ergänzung von Frank.')
  await expectSaved(frank)
  await typeAtEnd(sandra, ' Ergänzung von Sandra.')
  const dialog = sandra.getByRole('dialog', {
    name: 'Konflikt: Der Beitrag wurde inzwischen geändert',
  })
  await expect(dialog).toBeVisible({ timeout: 15_000 })
  // the dialog shows the word diff: Frank's ending as the server's, Sandra's as her own
  await expect(dialog).toContainText('Ergänzung von [nur auf dem Server: Frank.]')
  await expect(dialog).toContainText('[nur in Ihrer Fassung: Sandra.]')
  await expectNoAxeViolations(sandra, 'Konfliktdialog (zwei Browser)')
  await dialog.getByRole('button', { name: 'Beide behalten (meine als Kopie)' }).click()
  await expect(dialog).toHaveCount(0)

  const original = await read<StoredArticle>(frank, `/articles/${articleId}`)
  expect(text(original)).toContain('Ergänzung von Frank.')
  expect(text(original)).not.toContain('Ergänzung von Sandra.')
  const all = await read<StoredArticle[]>(frank, '/articles')
  const copy = all.find((article) => article.headline.endsWith('(meine Fassung)'))
  expect(copy && text(copy)).toContain('Ergänzung von Sandra.')

  for (const page of [frank, sandra]) {
    await page.goto(`/ausgaben/${issueId}`)
    await expect(page.getByRole('list', { name: 'Inhalt der Ausgabe' })).toBeVisible()
  }
  const before = await read<{ version: number; articleIds: string[] }>(frank, `/issues/${issueId}`)
  await frank
    .getByRole('button', {
      name: 'Nach unten: „Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales“',
    })
    .click()
  await expect
    .poll(async () => (await read<{ version: number }>(frank, `/issues/${issueId}`)).version)
    .toBe(before.version + 1)

  const sandraMove = sandra.getByRole('button', {
    name: 'Nach oben: „OB Vonarb besucht Behördennetzwerk Asyl“',
  })
  await sandraMove.click()
  await expect(sandra.getByRole('alert')).toContainText(
    'Ihre Verschiebung wurde nicht übernommen; die aktuelle Reihenfolge wird angezeigt.',
  )
  await expectNoAxeViolations(sandra, 'Board nach abgelehnter Verschiebung')
  await sandra.getByRole('button', { name: 'Verstanden' }).click()
  const titles = sandra
    .getByRole('list', { name: 'Inhalt der Ausgabe' })
    .locator(':scope > li .board-card-title')
  await expect(titles.nth(1)).toHaveText(
    'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales',
  )
  await sandraMove.click()
  await expect
    .poll(async () => (await read<{ version: number }>(sandra, `/issues/${issueId}`)).version)
    .toBe(before.version + 2)

  const [first, second, third, ...rest] = before.articleIds
  const expected = [second, third, first, ...rest]
  const after = await read<{ articleIds: string[] }>(sandra, `/issues/${issueId}`)
  expect(after.articleIds).toEqual(expected)
  await frank.reload()
  await expect(
    frank.getByRole('list', { name: 'Inhalt der Ausgabe' }).locator(':scope > li').first(),
  ).toHaveAttribute('data-article-id', expected[0] ?? '')
  console.log(
    'Zwei Browser: 1 Konflikt am Beitrag erkannt und mit „Beide behalten“ gelöst, 1 veraltete Verschiebung abgelehnt und wiederholt; Reihenfolge am Ende wie beide gewollt.',
  )
})
