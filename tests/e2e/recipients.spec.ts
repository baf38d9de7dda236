import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

const head = 'Sandra Wanzar (Dezernentin)'
/** Recipient lists as German Excel saves them: Windows-1252, semicolons, umlauts in the names. */
const excelFile = (name: string) => resolve('tests/fixtures', name)

test('Empfänger: CSV aus Excel mit einem Fehler, dann korrigiert importieren; Hinzufügen und Löschen', async ({
  page,
}) => {
  await signIn(page, head)
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', {
      name: 'Empfänger',
    })
    .click()
  await expect(page.getByRole('heading', { name: 'Empfänger', level: 1 })).toBeVisible()
  await expect(page).toHaveTitle('Empfänger – Rundbrief')
  await expectNoAxeViolations(page, 'Empfänger (leer)')

  await page.getByRole('button', { name: 'CSV importieren' }).click()
  await page.getByLabel('CSV-Datei').setInputFiles(excelFile('empfaenger-excel-mit-fehler.csv'))
  const errors = page.getByRole('list', { name: 'Fehlerhafte Zeilen' })
  await expect(errors).toContainText('Zeile 3: Bitte eine gültige E-Mail-Adresse angeben')
  await expect(page.getByRole('button', { name: /Empfänger importieren$/ })).toHaveCount(0)
  await expectNoAxeViolations(page, 'CSV-Import mit Fehler')
  await page.screenshot({ path: 'test-results/empfaenger-import-fehler.png', fullPage: true })

  await page.getByLabel('CSV-Datei').setInputFiles(excelFile('empfaenger-excel.csv'))
  const preview = page.getByRole('table', { name: /^Vorschau/ })
  await expect(preview.getByRole('row', { name: /Jürgen Müller/ })).toContainText('neu')
  await expect(preview).toContainText('Caritas „Regionalstelle Gera“')
  await expect(errors).toHaveCount(0)
  await expectNoAxeViolations(page, 'CSV-Import Vorschau')
  await page.screenshot({ path: 'test-results/empfaenger-import-vorschau.png', fullPage: true })

  await page.getByRole('button', { name: '4 Empfänger importieren' }).click()
  const summary = page.getByRole('status').filter({ hasText: 'Import abgeschlossen' })
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('sind 4 Adressen neu in der Empfängerliste')
  const list = page.getByRole('table', { name: '4 Empfänger' })
  await expect(list.getByRole('cell', { name: 'Jürgen Müller' })).toBeVisible()
  await expect(list.getByRole('cell', { name: 'Diakonie Ostthüringen' })).toBeVisible()
  await expectNoAxeViolations(page, 'Empfänger nach dem Import')
  await page.getByRole('button', { name: 'Schließen' }).click()
  await expect(page.getByRole('button', { name: 'CSV importieren' })).toBeFocused()

  await page.getByRole('button', { name: 'Empfänger hinzufügen' }).click()
  await page.getByRole('button', { name: 'Hinzufügen' }).click()
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveAccessibleDescription(
    'Bitte eine E-Mail-Adresse angeben.',
  )
  await expectNoAxeViolations(page, 'Empfänger hinzufügen mit Fehler')
  await page.getByRole('button', { name: 'Abbrechen' }).click()
  await expect(page.getByRole('button', { name: 'Empfänger hinzufügen' })).toBeFocused()

  await page.getByRole('button', { name: 'anna.schaefer@awo-gera.de löschen' }).click()
  const dialog = page.getByRole('dialog', { name: 'anna.schaefer@awo-gera.de löschen?' })
  await expect(dialog).toContainText('Sperrliste')
  await expectNoAxeViolations(page, 'Empfänger löschen (Dialog)')
  await page.screenshot({ path: 'test-results/empfaenger-loeschen.png' })
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click()
  await expect(page.getByText('anna.schaefer@awo-gera.de ist gelöscht.')).toBeFocused()
  await expect(page.getByRole('table', { name: '3 Empfänger' })).toBeVisible()
  await page.screenshot({ path: 'test-results/empfaenger-liste.png', fullPage: true })
})

test('die öffentlichen Seiten: ohne Anmeldung, ohne Navigation des Dashboards, deutsch, axe', async ({
  page,
}) => {
  const pages = [
    { path: '/abonnieren', heading: 'Newsletter abonnieren' },
    { path: '/abonnieren/bestaetigen/unbekannt', heading: 'Anmeldung bestätigen' },
    { path: '/abmelden/unbekannt.ungueltig', heading: 'Vom Newsletter abmelden' },
  ]
  for (const { path, heading } of pages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
    await expect(page.getByText('Wird geladen', { exact: false })).toHaveCount(0)
    await expect(page).toHaveTitle(
      `${heading} – Kommunale Sozialplanung und Integrationsmanagement`,
    )
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Demo-Daten zurücksetzen' })).toHaveCount(0)
    await expectNoAxeViolations(page, path)
  }

  // an unknown confirmation link: the button answers with a clear German message
  await page.goto('/abonnieren/bestaetigen/unbekannt')
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click()
  const refused = page.getByRole('alert')
  await expect(refused).toContainText('Dieser Bestätigungslink ist ungültig')
  await expect(refused).toBeFocused()
  await expectNoAxeViolations(page, 'Bestätigungslink ungültig')

  await page.goto('/abmelden/unbekannt.ungueltig')
  await expect(page.getByRole('alert')).toContainText('Dieser Abmeldelink funktioniert nicht')
  await expect(page.getByRole('button', { name: 'Abmelden' })).toHaveCount(0)
})

/**
 * Calls the demo's API inside the page (its backend runs there) as the Dezernentin, signed in
 * by a request of its own so that the page keeps what it holds in memory.
 */
async function asHead<T>(page: Page, work: string): Promise<T> {
  return page.evaluate(async (source) => {
    const login = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'sandra-wanzar' }),
    })
    const { token } = (await login.json()) as { token: string }
    const call = async (path: string, method = 'GET', body?: unknown) => {
      const response = await fetch(`/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
      return response.status === 204 ? null : response.json()
    }
    // the steps come as source text: a function cannot travel into the page with its arguments
    return new Function('call', `return (${source})(call)`)(call)
  }, work)
}

/** The newest message to `address` in the demo's Postausgang whose text holds `pattern`. */
async function linkInOutbox(page: Page, address: string, pattern: RegExp): Promise<string> {
  let found: string | undefined
  await expect
    .poll(
      async () => {
        const outbox = await asHead<{ to: string; text: string }[]>(
          page,
          `(call) => call('/outbox')`,
        )
        const message = outbox.find(
          (candidate) => candidate.to.includes(address) && pattern.test(candidate.text),
        )
        found = message ? pattern.exec(message.text)?.[1] : undefined
        return found
      },
      { message: `Link an ${address} im Postausgang`, timeout: 20_000 },
    )
    .toBeTruthy()
  return found!
}

test('Abonnieren, Bestätigungslink aus dem Postausgang, Abmelden über den Link der Ausgabe', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const reader = 'ines.koehler@diakonie-gera.de'
  await page.goto('/abonnieren')
  await expect(page).toHaveTitle(
    'Newsletter abonnieren – Kommunale Sozialplanung und Integrationsmanagement',
  )
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0)
  await expect(page.getByRole('checkbox')).toBeVisible()
  await expectNoAxeViolations(page, 'Abonnieren')
  await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('Ines.Koehler@Diakonie-Gera.de')
  await page.getByLabel('Name (freiwillig)').fill('Ines Köhler')
  await page.getByRole('button', { name: 'Newsletter abonnieren' }).click()
  await expect(page.getByRole('checkbox')).toHaveAccessibleDescription(
    'Bitte stimmen Sie zu, damit wir Ihnen den Newsletter senden dürfen.',
  )
  await expectNoAxeViolations(page, 'Abonnieren mit Fehler')
  await page.getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Newsletter abonnieren' }).click()
  await expect(
    page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' }),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'Abonnieren: Bitte bestätigen')

  const confirmation = await linkInOutbox(
    page,
    reader,
    /https?:\/\/[^/\s]+(\/abonnieren\/bestaetigen\/\S+)/,
  )
  await page.goto(confirmation)
  await expect(page.getByRole('heading', { name: 'Anmeldung bestätigen', level: 1 })).toBeVisible()
  await expectNoAxeViolations(page, 'Anmeldung bestätigen')
  await page.getByRole('button', { name: 'Anmeldung bestätigen' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `${reader} ist angemeldet.` }),
  ).toBeFocused()
  await expectNoAxeViolations(page, 'Anmeldung bestätigt')

  // the approved seed issue goes out; the reader's copy carries the personal unsubscribe link
  await asHead(
    page,
    `async (call) => {
      const id = 'ausgabe-2018-08'
      const day = (days) => new Date(Date.now() + days * 86400000)
      let issue = await call('/issues/' + id)
      issue = await call('/issues/' + id, 'PATCH', {
        version: issue.version,
        deadline: day(7).toISOString(),
        plannedSendDate: day(9).toISOString().slice(0, 10),
      })
      for (const articleId of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
        const article = await call('/articles/' + articleId)
        await call('/articles/' + articleId, 'PATCH', {
          version: article.version,
          photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
        })
      }
      issue = await call('/issues/' + id + '/submit', 'POST', { version: issue.version })
      issue = await call('/issues/' + id + '/approve', 'POST', {
        version: issue.version,
        acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
      })
      return call('/issues/' + id + '/sends', 'POST', {
        version: issue.version,
        fingerprint: issue.approval.fingerprint,
        scheduledAt: null,
      })
    }`,
  )
  const unsubscribe = await linkInOutbox(page, reader, /https?:\/\/[^/\s]+(\/abmelden\/[^\s>)]+)/)
  await page.goto(unsubscribe)
  await expect(
    page.getByRole('heading', { name: 'Vom Newsletter abmelden', level: 1 }),
  ).toBeVisible()
  await expect(page.getByText(reader)).toBeVisible()
  await expectNoAxeViolations(page, 'Abmelden')
  await page.reload()
  // opening the link twice unsubscribed nobody: the button is still there
  await page.getByRole('button', { name: 'Abmelden' }).click()
  const done = page.getByRole('status').filter({ hasText: 'Sie sind abgemeldet' })
  await expect(done).toContainText('Sie erhalten keine weiteren Ausgaben.')
  await expect(done).toBeFocused()
  await expectNoAxeViolations(page, 'Abgemeldet')
})
