import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

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
