import { expect, test, type Page } from '@playwright/test'
import {
  articleText as text,
  expectSaved,
  signIn,
  typeAtEndOfText as typeAtEnd,
  type StoredArticle,
} from './helpers'

const articleId = 'beitrag-05-integrationswerkstatt'

/** Reads a resource through this tab's own demo backend, with the shared demo session. */
const read = <T>(page: Page, path: string) =>
  page.evaluate(async (url) => {
    const token = localStorage.getItem('rundbrief.sitzung')
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
    return (await response.json()) as unknown
  }, `/api${path}`) as Promise<T>

const editorText = (page: Page) => page.getByRole('textbox', { name: 'Text', exact: true })

test('zwei Tabs der Demo teilen einen Stand: der ältere Tab bekommt den Konflikt, das Zurücksetzen gilt überall', async ({
  context,
  page: tabA,
}) => {
  test.setTimeout(120_000)
  await signIn(tabA, 'Dr. Frank Rühling (Redaktion)')
  const tabB = await context.newPage()
  for (const tab of [tabB, tabA]) {
    await tab.goto(`/beitraege/${articleId}`)
    await expect(editorText(tab)).toBeVisible()
  }

  await typeAtEnd(tabA, ' Ergänzung aus Tab A.')
  await expectSaved(tabA)
  await typeAtEnd(tabB, ' Ergänzung aus Tab B.')
  const dialog = tabB.getByRole('dialog', {
    name: 'Konflikt: Der Beitrag wurde inzwischen geändert',
  })
  await expect(dialog).toBeVisible({ timeout: 15_000 })
  // the dialog shows the word diff: tab A's ending as the server's, tab B's as its own
  await expect(dialog).toContainText('Ergänzung aus Tab [nur auf dem Server: A.]')
  await expect(dialog).toContainText('[nur in Ihrer Fassung: B.]')
  await tabA.screenshot({ path: test.info().outputPath('tab-a-beim-konflikt.png') })
  await tabB.screenshot({ path: test.info().outputPath('tab-b-beim-konflikt.png') })
  await dialog.getByRole('button', { name: 'Beide behalten (meine als Kopie)' }).click()
  await expect(dialog).toHaveCount(0)

  const [seenByA, seenByB] = await Promise.all([
    read<StoredArticle>(tabA, `/articles/${articleId}`),
    read<StoredArticle>(tabB, `/articles/${articleId}`),
  ])
  expect(seenByB).toEqual(seenByA)
  expect(text(seenByA)).toContain('Ergänzung aus Tab A.')
  expect(text(seenByA)).not.toContain('Ergänzung aus Tab B.')
  for (const tab of [tabA, tabB]) {
    await tab.reload()
    await expect(editorText(tab)).toContainText('Ergänzung aus Tab A.')
    await expect(editorText(tab)).not.toContainText('Ergänzung aus Tab B.')
  }
  const copies = (articles: StoredArticle[]) =>
    articles.filter((article) => article.headline.endsWith('(meine Fassung)'))
  expect(copies(await read<StoredArticle[]>(tabA, '/articles'))).toHaveLength(1)

  // Tab B shows the list with the copy; tab A resets the demo.
  await tabB
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Beiträge' })
    .click()
  const copyInB = tabB.getByRole('link', { name: /\(meine Fassung\)/ })
  await expect(copyInB).toBeVisible()
  await tabA.getByRole('button', { name: 'Demo-Daten zurücksetzen' }).click()
  await tabA.getByRole('button', { name: 'Ja, zurücksetzen' }).click()
  await expect(tabA.getByText('Demo-Daten wurden zurückgesetzt.')).toBeVisible({ timeout: 10_000 })

  // Tab B's backend answers from the reset state at once, and its list follows without a reload.
  expect(text(await read<StoredArticle>(tabB, `/articles/${articleId}`))).not.toContain(
    'Ergänzung aus Tab A.',
  )
  expect(copies(await read<StoredArticle[]>(tabB, '/articles'))).toHaveLength(0)
  await expect(copyInB).toHaveCount(0)
  await tabB.reload()
  await expect(tabB.getByRole('heading', { name: 'Beiträge', level: 1 })).toBeVisible()
  await expect(copyInB).toHaveCount(0)
  await tabB.goto(`/beitraege/${articleId}`)
  await expect(editorText(tabB)).toBeVisible()
  await expect(editorText(tabB)).not.toContainText('Ergänzung aus Tab A.')
})
