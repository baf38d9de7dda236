import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, expectSaved, signIn } from './helpers'

const shots = process.env.RUNDBRIEF_SCREENSHOTS
async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

const articlePath = '/beitraege/beitrag-03-behoerdennetzwerk'
const sentence =
  'Einen Einblick über die Arbeit des Behördennetzwerks Asyl hat sich Oberbürgermeister Julian Vonarb am 30. Juli 2018 verschafft.'
const headline = 'OB Vonarb besucht Behördennetzwerk Asyl'

test('Die Dezernentin kommentiert einen Satz per Tastatur, der Autor antwortet und erledigt', async ({
  page,
}) => {
  await signIn(page, 'Sandra Wanzar (Dezernentin)')
  await page.goto(articlePath)
  const text = page.getByRole('textbox', { name: 'Text', exact: true })
  await expect(text).toBeVisible()
  const panel = page.getByRole('complementary', { name: /^Kommentare/ })
  await expect(panel.getByText(/Noch keine Kommentare/)).toBeVisible()

  // keyboard only: into the text, to its start, the first sentence selected character by character
  await text.focus()
  await page.keyboard.press('Control+Home')
  for (let index = 0; index < sentence.length; index++)
    await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Control+Alt+KeyM')
  const field = panel.getByRole('textbox', { name: 'Kommentar' })
  await expect(field).toBeFocused()
  await expect(panel.getByText(`„${sentence}“`)).toBeVisible()
  await page.keyboard.type('@Dr. Frank Rühling bitte den Namen des Oberbürgermeisters prüfen.')
  await expectNoAxeViolations(page, 'Kommentar-Formular')
  await shoot(page, 'kommentar-formular')
  await page.keyboard.press('Control+Enter')

  const show = panel.getByRole('button', { name: `Textstelle zeigen: „${sentence}“` })
  await expect(show).toBeFocused()
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Kommentare (1 offen)')
  await expect(page.locator('[data-comment-thread]')).toHaveText(sentence)
  await expectNoAxeViolations(page, 'Kommentare mit einem Gespräch')
  await shoot(page, 'kommentare-liste')

  await page.goto('/ausgaben/ausgabe-2018-08')
  const card = page.locator('li[data-article-id="beitrag-03-behoerdennetzwerk"]')
  await expect(card).toContainText('1 offener Kommentar')

  await page.getByRole('button', { name: 'Abmelden' }).click()
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  const bell = page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' })
  await bell.focus()
  await page.keyboard.press('Enter')
  const mention = page
    .getByRole('list', { name: 'Benachrichtigungen' })
    .getByRole('link', { name: `Ungelesen: Sandra Wanzar hat Sie in „${headline}“ erwähnt` })
  await expect(mention).toBeVisible()
  await mention.focus()
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(/\?kommentar=/)
  const thread = page
    .getByRole('complementary', { name: /^Kommentare/ })
    .getByRole('listitem')
    .first()
  await expect(thread).toContainText('@Dr. Frank Rühling bitte den Namen')
  await expect(thread).toHaveClass(/threadActive/)
  await thread.getByRole('button', { name: 'Antworten' }).click()
  await page.keyboard.type('Ist geprüft, der Name stimmt.')
  await page.keyboard.press('Control+Enter')
  await expect(thread).toContainText('Ist geprüft, der Name stimmt.')
  await thread.getByRole('button', { name: 'Erledigt' }).click()
  await expect(thread).toContainText(/Erledigt von Dr\. Frank Rühling/)
  await expect(thread.getByRole('button', { name: 'Wieder öffnen' })).toBeVisible()
  await expectNoAxeViolations(page, 'Kommentare, erledigtes Gespräch')
  await shoot(page, 'kommentare-erledigt')

  await page.goto('/ausgaben/ausgabe-2018-08')
  await expect(
    page.locator('li[data-article-id="beitrag-03-behoerdennetzwerk"]'),
  ).not.toContainText('offener Kommentar')
})

test('Wer sein Gespräch löscht, sieht die Markierung verschwinden, auch nach dem Speichern', async ({
  page,
}) => {
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.goto(articlePath)
  const text = page.getByRole('textbox', { name: 'Text', exact: true })
  await expect(text).toBeVisible()
  const panel = page.getByRole('complementary', { name: /^Kommentare/ })
  await text.focus()
  await page.keyboard.press('Control+Home')
  for (let index = 0; index < 'Einen'.length; index++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Control+Alt+KeyM')
  await page.keyboard.type('Doch nicht nötig.')
  await page.keyboard.press('Control+Enter')
  const show = panel.getByRole('button', { name: 'Textstelle zeigen: „Einen“' })
  await expect(show).toBeFocused()
  const thread = show.locator('xpath=ancestor::li[@data-thread-id][1]')
  const threadId = await thread.getAttribute('data-thread-id')
  const marker = page.locator(`[data-comment-thread="${threadId}"]`)
  await expect(marker).toHaveText('Einen')
  await show.click()
  await expect(page.locator('.comment-anchor-active')).toHaveText('Einen')
  await shoot(page, 'kommentar-vor-dem-loeschen')

  await thread.getByRole('button', { name: /^Ihren Kommentar vom .* löschen$/ }).click()
  await expect(show).toHaveCount(0)
  await expect(marker).toHaveCount(0)
  await expect(page.locator('.comment-anchor-active')).toHaveCount(0)

  // typing on saves without a conflict, and the marker does not come back, also after a reload
  await text.focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Ein Nachsatz.')
  const storedBody = () =>
    page.evaluate(async (path) => {
      const token = localStorage.getItem('rundbrief.sitzung')
      const response = await fetch(`/api/articles/${path.split('/').at(-1)}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      return JSON.stringify(((await response.json()) as { body: unknown }).body)
    }, articlePath)
  await expect.poll(storedBody, { timeout: 15_000 }).toContain('Ein Nachsatz.')
  expect(await storedBody()).not.toContain(`"threadId":"${threadId}"`)
  await expectSaved(page)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(marker).toHaveCount(0)
  await page.reload()
  await expect(text).toContainText('Ein Nachsatz.')
  await expect(marker).toHaveCount(0)
  await shoot(page, 'kommentar-geloescht')
})
