import { expect, test } from '@playwright/test'
import { august2018Articles } from '../../mocks/seed/august-2018-articles'
import { expectNoAxeViolations, signIn, expectSaved } from './helpers'

test.use({ viewport: { width: 1280, height: 1000 } })

const articleId = 'beitrag-02-sozialplan'
const seed = august2018Articles.find((article) => article.id === articleId)

test('Konfliktdialog: Unterschiede wortgenau, Stelle für Stelle wählen, alles mit der Tastatur', async ({
  page,
}) => {
  if (!seed) throw new Error('Seed-Beitrag fehlt')
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  await page.goto(`/beitraege/${articleId}`)
  // the server's version moves on (version 2) …
  await page.getByLabel('Überschrift').fill('Sozialplan liegt dem Stadtrat vor')
  await expectSaved(page, 10_000)
  // … while this device still holds an unsaved draft based on version 1
  const [first = '', ...rest] = seed.paragraphs
  await page.evaluate(({ key, draft }) => localStorage.setItem(key, JSON.stringify(draft)), {
    key: `rundbrief.entwurf.frank-ruehling.${articleId}`,
    draft: {
      draft: {
        headline: seed.headline,
        body: {
          type: 'doc',
          content: [first.replace('20. September', '27. September'), ...rest].map((text) => ({
            type: 'paragraph',
            content: [{ type: 'text', text }],
          })),
        },
        photos: seed.photos,
      },
      baseVersion: 1,
      changedAt: new Date().toISOString(),
    },
  })
  await page.reload()

  const dialog = page.getByRole('dialog', {
    name: 'Konflikt: Der Beitrag wurde inzwischen geändert',
  })
  await expect(dialog).toBeVisible()
  const text = dialog.getByRole('group', { name: 'Text: Stelle 1 von 1' })
  await expect(text.getByRole('deletion')).toHaveText('[nur auf dem Server: 20. ]')
  await expect(text.getByRole('insertion')).toHaveText('[nur in Ihrer Fassung: 27. ]')
  await expectNoAxeViolations(page, 'Konfliktdialog mit Unterschieden')
  await page.screenshot({ path: 'test-results/screenshots/konfliktdialog.png' })

  // by keyboard: the headline from the server, the text of mine, then save the selection
  const headline = dialog.getByRole('group', { name: 'Überschrift' })
  await headline.getByRole('radio', { name: 'Meine Fassung' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(headline.getByRole('radio', { name: 'Fassung auf dem Server' })).toBeChecked()
  const save = dialog.getByRole('button', { name: 'Auswahl speichern' })
  await save.focus()
  expect(await save.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid')
  await page.keyboard.press('Enter')

  await expect(dialog).toHaveCount(0)
  await expect(page.getByLabel('Überschrift')).toHaveValue('Sozialplan liegt dem Stadtrat vor')
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toContainText(
    '27. September',
  )
  await expect(
    page.getByText('Ihre Auswahl aus beiden Fassungen wird angezeigt und gespeichert.'),
  ).toBeVisible()
  await expectSaved(page, 10_000)
})
