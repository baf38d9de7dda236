import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn, expectSaved } from './helpers'

test.use({ viewport: { width: 1280, height: 1400 } })

const editor = 'Dr. Frank Rühling (Redaktion)'
const head = 'Sandra Wanzar (Dezernentin)'

async function switchTo(page: Page, person: string) {
  await page.getByRole('button', { name: 'Abmelden' }).click()
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible()
  await page.getByLabel(person).check()
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await expect(page.getByRole('banner').getByText(person.replace(/ \(.*\)$/, ''))).toBeVisible()
  await page.goto('/ausgaben/ausgabe-2018-08')
  await expect(page.getByRole('region', { name: 'Freigabe', exact: true })).toBeVisible()
}

async function setAltText(page: Page, articleId: string) {
  await page.goto(`/beitraege/${articleId}`)
  await page
    .getByLabel('Alternativtext', { exact: true })
    .fill('Gesprächsrunde an einem Konferenztisch')
  await expectSaved(page, 10_000)
}

/** The calendar day `days` from now in Europe/Berlin, as the date field wants it (YYYY-MM-DD). */
const local = (days: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000))

test('Einreichen, Änderungen anfordern, korrigieren, freigeben, Änderung nimmt Freigabe zurück, neu freigeben', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await signIn(page, head)
  await page.getByRole('link', { name: 'August 2018', exact: true }).click()
  await page.getByRole('button', { name: 'Ausgabe bearbeiten' }).click()
  await page.getByLabel('Redaktionsschluss').fill(`${local(5)}T12:00`)
  await page.getByLabel('Erscheinungsdatum').fill(local(7))
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByText('(noch 5 Tage)').first()).toBeVisible()

  await switchTo(page, editor)
  await expect(page.getByRole('region', { name: 'Prüfungen' })).toContainText(
    '„OTEAU“ ähnelt „OTEGAU“',
  )
  await page.getByRole('button', { name: 'Zur Freigabe einreichen …' }).click()
  const question = page.getByRole('dialog', { name: '„August 2018“ zur Freigabe einreichen?' })
  await expect(question.getByRole('list', { name: 'Offene Prüfungen' })).toContainText(
    '„OTEAU“ ähnelt „OTEGAU“',
  )
  await question.getByRole('button', { name: 'Trotzdem einreichen' }).click()
  await expect(
    page.getByText('Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.'),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'Ausgabe eingereicht (Redaktion)')

  await switchTo(page, head)
  await page.getByRole('button', { name: 'Änderungen anfordern …' }).click()
  await page.getByLabel('Kommentar').fill('Bitte die fehlenden Alternativtexte ergänzen.')
  await expectNoAxeViolations(page, 'Änderungen anfordern')
  await page
    .getByRole('form', { name: 'Änderungen anfordern' })
    .getByRole('button', { name: 'Änderungen anfordern' })
    .click()
  await expect(page.getByRole('heading', { name: 'Änderungen angefordert' })).toBeVisible()

  await switchTo(page, editor)
  await expect(
    page.getByText('Bitte die fehlenden Alternativtexte ergänzen.').first(),
  ).toBeVisible()
  await setAltText(page, 'beitrag-03-behoerdennetzwerk')
  await setAltText(page, 'beitrag-07-ministerin')
  await page.goto('/ausgaben/ausgabe-2018-08')
  await page.getByRole('button', { name: 'Zur Freigabe einreichen …' }).click()
  await page.getByRole('button', { name: 'Trotzdem einreichen' }).click()
  await expect(
    page.getByText('Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.'),
  ).toBeVisible()

  await switchTo(page, head)
  const checks = page.getByRole('region', { name: 'Prüfungen' })
  await expect(checks).toContainText('„OTEAU“ ähnelt „OTEGAU“')
  const content = page.getByRole('region', { name: 'Inhalt zur Freigabe' })
  await expect(content.getByRole('article')).toHaveCount(10)
  await expect(
    content.getByRole('img', { name: 'Gesprächsrunde an einem Konferenztisch' }),
  ).toHaveCount(2)
  const returned = page.getByRole('region', { name: 'Geändert seit Ihrer Rückgabe' })
  await expect(returned).toContainText(
    '„Ministerin besucht soziale Einrichtungen in Gera“: Fotos oder Bildangaben geändert.',
  )
  await expectNoAxeViolations(page, 'Prüfungen vor der Freigabe, mit dem ganzen Inhalt')
  await page.getByRole('heading', { name: 'Freigabe', exact: true }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screenshots/freigabe.png' })
  // by keyboard: tick the warning, then on to "Freigeben"
  await checks.getByLabel('Zur Kenntnis genommen').focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  const approve = checks.getByRole('button', { name: 'Freigeben' })
  await expect(approve).toBeFocused()
  expect(await approve.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Die Ausgabe ist freigegeben.', { exact: true })).toBeVisible()

  await switchTo(page, editor)
  await page.goto('/beitraege/beitrag-02-sozialplan')
  await page.getByLabel('Überschrift').fill('Integrierter Sozialplan liegt dem Stadtrat vor')
  await expectSaved(page, 10_000)
  // the page follows the withdrawal: no stale "ist freigegeben", and the editor stays open
  await expect(
    page.getByRole('status').filter({ hasText: /Freigabe.*zurückgenommen/ }),
  ).toBeVisible()
  await expect(page.getByText(/ist freigegeben\. Jede Änderung/)).toHaveCount(0)
  await page.getByLabel('Überschrift').fill('Integrierter Sozialplan liegt dem Stadtrat vor!')
  await page.getByLabel('Überschrift').fill('Integrierter Sozialplan liegt dem Stadtrat vor')
  await expectSaved(page, 10_000)
  await page.goto('/ausgaben/ausgabe-2018-08')
  await expect(page.getByText('In Bearbeitung').first()).toBeVisible()
  await page.getByRole('button', { name: 'Zur Freigabe einreichen …' }).click()
  await page.getByRole('button', { name: 'Trotzdem einreichen' }).click()
  await expect(page.getByText('Zur Freigabe eingereicht').first()).toBeVisible()

  await switchTo(page, head)
  const changes = page.getByRole('region', { name: 'Seit Freigabe geändert' })
  await expect(changes).toContainText(
    '„Integrierter Sozialplan liegt dem Stadtrat vor“: Überschrift geändert.',
  )
  await expectNoAxeViolations(page, 'Seit Freigabe geändert')
  await page.getByRole('region', { name: 'Prüfungen' }).getByLabel('Zur Kenntnis genommen').check()
  await page
    .getByRole('region', { name: 'Prüfungen' })
    .getByRole('button', { name: 'Freigeben' })
    .click()
  await expect(page.getByText('Die Ausgabe ist freigegeben.', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText(
    'Freigabe zurückgenommen (Inhalt geändert)',
  )
})
