import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { seedAccounts } from '../server/seed-accounts'

/** Runs axe with the WCAG 2.1 A/AA rules and fails with the list of violations. */
export async function expectNoAxeViolations(
  page: Page,
  context: string,
  options: { exclude?: string } = {},
) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  if (options.exclude) builder.exclude(options.exclude)
  const results = await builder.analyze()
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  )
  expect(summary, `axe-Verstöße auf ${context}`).toEqual([])
}

/** Signs in through the login page as the person with this label. */
export async function signIn(page: Page, label: string) {
  await page.goto('/anmelden')
  await page.getByLabel(label).check()
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await expect(page.getByRole('heading', { name: 'Ausgaben', level: 1 })).toBeVisible()
}

/** Signs in on the real server with login name and password. */
export async function signInWithPassword(page: Page, account: { login: string; password: string }) {
  await page.goto('/anmelden')
  await page.getByLabel('Benutzername', { exact: true }).fill(account.login)
  await page.getByLabel('Passwort', { exact: true }).fill(account.password)
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Ausgaben', level: 1 })).toBeVisible()
}

/** An article as the API returns it, as far as the browser tests read it. */
export interface StoredArticle {
  id: string
  headline: string
  version: number
  body: { content: { content?: { text?: string }[] }[] }
}

/** The article's text, one line per block. */
export const articleText = (article: Pick<StoredArticle, 'body'>) =>
  article.body.content
    .map((block) => (block.content ?? []).map((node) => node.text ?? '').join(''))
    .join('\n')

/** Types at the very end of the article editor's text, as an author continuing it would. */
export async function typeAtEndOfText(page: Page, words: string) {
  await page.getByRole('textbox', { name: 'Text', exact: true }).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(words)
}

/** Waits until the article editor says its text is saved. */
export const expectSaved = (page: Page, timeout = 15_000) =>
  expect(page.getByRole('status').filter({ hasText: /^✓ Gespeichert$/ })).toBeVisible({ timeout })

/**
 * Brings the August 2018 issue to "freigegeben" through the demo API (as the signed-in
 * Dezernentin): deadline moved, alt texts added, submitted, approved with every warning
 * acknowledged.
 */
export async function approveSeedIssue(page: Page) {
  await page.evaluate(async () => {
    const token = localStorage.getItem('rundbrief.sitzung')
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    }
    const id = 'ausgabe-2018-08'
    const day = (days: number) => new Date(Date.now() + days * 86_400_000)
    let issue = (await call('GET', `/issues/${id}`)).body
    issue = (
      await call('PATCH', `/issues/${id}`, {
        version: issue.version,
        deadline: day(5).toISOString(),
        plannedSendDate: day(7).toISOString().slice(0, 10),
      })
    ).body
    for (const articleId of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
      const article = (await call('GET', `/articles/${articleId}`)).body
      await call('PATCH', `/articles/${articleId}`, {
        version: article.version,
        photos: article.photos.map((photo: object) => ({ ...photo, alt: 'Gesprächsrunde' })),
      })
    }
    issue = (await call('POST', `/issues/${id}/submit`, { version: issue.version })).body
    const refused = await call('POST', `/issues/${id}/approve`, { version: issue.version })
    const warnings = (refused.body.errors ?? []).map((error: { path: string }) =>
      error.path.replace(/^checks\./, ''),
    )
    const approved = await call('POST', `/issues/${id}/approve`, {
      version: issue.version,
      acknowledgedWarnings: warnings,
    })
    if (approved.status !== 200) throw new Error(JSON.stringify(approved.body))
  })
}

/**
 * Real server: approves the seed issue through the API with a bearer session of the Dezernentin
 * (deadline moved, alt texts added, submitted, every warning acknowledged); returns the token.
 */
export async function approveSeedIssueOnServer(request: APIRequestContext): Promise<string> {
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
  return token
}
