import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

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
