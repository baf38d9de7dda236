import { readFile } from 'node:fs/promises'
import { expect, test, type Download, type Locator, type Page } from '@playwright/test'
import { tinyJpeg, tinyPng } from '../fixtures/images'
import { expectNoAxeViolations, expectSaved } from './helpers'

test.use({ viewport: { width: 1280, height: 1000 } })

const editor = 'Dr. Frank Rühling (Redaktion)'
const head = 'Sandra Wanzar (Dezernentin)'
const designer = 'Jana Krause (Gestaltung)'
const credit = 'Stadtverwaltung Gera (Steffen Weiß)'
const issueLabel = 'Sonderausgabe Ehrenamt'

interface NewArticle {
  headline: string
  typed: string
  expected: string[]
  file: { name: string; mimeType: string; buffer: Buffer }
  caption: string
  alt: string
}

const first: NewArticle = {
  headline: 'Ehrenamtsbörse im Rathaus vermittelt neue Patenschaften',
  typed:
    'Die Börse öffnet am Samstag im Rathaus. Unter dem Motto "Gemeinsam für Gera" stellen sich zwanzig Vereine vor -- von der Tafel bis zum Sportverein. Gesucht werden Lesepaten und mehr...',
  expected: [
    'Unter dem Motto „Gemeinsam für Gera“ stellen sich zwanzig Vereine vor – von der Tafel bis zum Sportverein.',
    'Gesucht werden Lesepaten und mehr…',
  ],
  file: { name: 'ehrenamtsboerse.png', mimeType: 'image/png', buffer: Buffer.from(tinyPng()) },
  caption: 'Vereine stellen sich vor',
  alt: 'Menschen an Infoständen im Rathaus',
}

const second: NewArticle = {
  headline: 'Stadtteilzentrum Bieblach erweitert Beratungsangebot',
  typed:
    'Ab Januar gibt es mehr Sprechstunden. Die Beratung ist dienstags geöffnet -- ohne Termin. "Wir wollen kurze Wege", sagt die Leiterin...',
  expected: ['dienstags geöffnet – ohne Termin.', '„Wir wollen kurze Wege“, sagt die Leiterin…'],
  file: { name: 'bieblach.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(tinyJpeg()) },
  caption: 'Das Stadtteilzentrum',
  alt: 'Hauseingang mit Hinweisschild',
}

const fixedHeadline = 'Samstag: Ehrenamtsbörse im Rathaus vermittelt neue Patenschaften'

const berlinDate = (daysAhead: number) => {
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(Date.now() + daysAhead * 86_400_000))
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  return { day: part('day'), month: part('month'), year: part('year') }
}

/** A date whose day equals its month: typed the same whatever segment order the date input uses. */
const symmetricDate = (minDaysAhead: number) => {
  for (let days = minDaysAhead; days < minDaysAhead + 400; days++) {
    const date = berlinDate(days)
    if (date.day === date.month) return date
  }
  throw new Error('kein Datum gefunden')
}

const isFocused = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement)

let focusChecks = 0

/** Asserts that something has the focus and shows it with an outline or a box shadow. */
async function expectVisibleFocus(page: Page, when: string) {
  const focus = await page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return null
    const style = getComputedStyle(element)
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40)
    return {
      element: `<${element.tagName.toLowerCase()}> ${name ?? ''}`,
      visible:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none',
    }
  })
  expect(focus, `Fokus ${when}`).not.toBeNull()
  expect(focus?.visible, `sichtbarer Fokus auf ${focus?.element} ${when}`).toBe(true)
  focusChecks++
}

/** Presses Tab, or Shift+Tab when the target comes earlier, until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 150) {
  await expect(target).toBeVisible()
  const element = await target.elementHandle()
  if (!element) throw new Error(`Nicht gefunden: ${target.toString()}`)
  const backwards = await element.evaluate((node) => {
    const active = document.activeElement
    return (
      !!active &&
      active !== document.body &&
      (active.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0
    )
  })
  for (let presses = 0; presses <= max; presses++) {
    const state = await element.evaluate((node) =>
      !node.isConnected ? 'weg' : node === document.activeElement ? 'fokussiert' : 'weiter',
    )
    if (state === 'weg') break
    if (state === 'fokussiert') {
      await element.dispose()
      await expectVisibleFocus(page, `nach Tab zu ${target.toString()}`)
      return
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Mit der Tabulatortaste nicht erreicht: ${target.toString()}`)
}

async function activate(page: Page, target: Locator) {
  await tabTo(page, target)
  await page.keyboard.press('Enter')
}

async function saved(page: Page) {
  await expectSaved(page)
}

async function downloadText(download: Download) {
  return readFile((await download.path()) ?? '', 'utf8')
}

test('die ganze Reise per Tastatur: schreiben, zusammenstellen, freigeben, gestalten', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const started = Date.now()
  const axeScreens: string[] = []
  const titles = new Map<string, string>()

  const contentTitles = () =>
    page.getByRole('list', { name: 'Inhalt der Ausgabe' }).locator(':scope > li .board-card-title')
  const navigation = () => page.getByRole('navigation', { name: 'Hauptnavigation' })
  const freigabe = () => page.getByRole('region', { name: 'Freigabe', exact: true })

  async function screen(name: string, route: string, options: { exclude?: string } = {}) {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    const title = await page.title()
    expect(title, `Titel auf ${name}`).toMatch(/ – Rundbrief$/)
    if (!titles.has(route)) titles.set(route, title)
    await expectNoAxeViolations(page, name, options)
    axeScreens.push(name)
  }

  async function signIn(person: string) {
    await expect(page.getByRole('heading', { name: 'Anmelden', level: 1 })).toBeVisible()
    await expect(page).toHaveTitle('Anmelden – Rundbrief')
    const group = page.getByRole('group', { name: 'Anmelden als …' })
    await tabTo(page, group.getByRole('radio').first())
    const choice = group.getByRole('radio', { name: person })
    for (let step = 0; step < 5 && !(await isFocused(choice)); step++) {
      await page.keyboard.press('ArrowDown')
    }
    await page.keyboard.press('Space')
    await expect(choice).toBeChecked()
    await activate(page, page.getByRole('button', { name: 'Anmelden', exact: true }))
    await expect(page.getByRole('banner')).toContainText(person.replace(/ \(.*\)$/, ''))
  }

  async function signOut() {
    await activate(page, page.getByRole('button', { name: 'Abmelden' }))
    await expect(page.getByRole('heading', { name: 'Anmelden', level: 1 })).toBeVisible()
  }

  async function openIssue() {
    await activate(page, navigation().getByRole('link', { name: 'Ausgaben' }))
    await expect(page.getByRole('heading', { name: 'Ausgaben', level: 1 })).toBeVisible()
    await activate(page, page.getByRole('link', { name: issueLabel, exact: true }))
    await expect(
      page.getByRole('heading', { name: `Ausgabe ${issueLabel}`, level: 1 }),
    ).toBeVisible()
    await expect(page).toHaveTitle(`Ausgabe ${issueLabel} – Rundbrief`)
  }

  async function writeArticle(article: NewArticle, checkScreen: boolean) {
    await activate(page, navigation().getByRole('link', { name: 'Beiträge' }))
    await expect(page.getByRole('heading', { name: 'Beiträge', level: 1 })).toBeVisible()
    if (checkScreen) await screen('Beiträge', 'beitraege')
    await activate(page, page.getByRole('button', { name: 'Neuer Beitrag' }))
    await expect(page.getByRole('heading', { name: 'Beitrag bearbeiten', level: 1 })).toBeVisible()
    await expect(page).toHaveTitle('Neuer Beitrag bearbeiten – Rundbrief')

    await tabTo(page, page.getByLabel('Überschrift'))
    await page.keyboard.type(article.headline)
    const body = page.getByRole('textbox', { name: 'Text', exact: true })
    await tabTo(page, body)
    await page.keyboard.type(article.typed)
    for (const expected of article.expected) await expect(body).toContainText(expected)
    await expect(body).not.toContainText('"')
    await expect(body).not.toContainText('...')

    const chooser = page.waitForEvent('filechooser')
    await activate(page, page.getByRole('button', { name: 'Foto hinzufügen' }))
    await (await chooser).setFiles(article.file)
    const photo = page.getByRole('group', { name: 'Foto 1' })
    await expect(photo.locator('img')).toBeVisible()
    await tabTo(page, photo.getByLabel('Bildunterschrift'))
    await page.keyboard.type(article.caption)
    await page.keyboard.press('Tab')
    await expect(photo.getByLabel('Fotonachweis')).toBeFocused()
    await page.keyboard.type(credit)
    await expect(photo).toContainText(`Erscheint als „Foto: ${credit}“`)
    await page.keyboard.press('Tab')
    await expect(photo.getByLabel('Alternativtext', { exact: true })).toBeFocused()
    await page.keyboard.type(article.alt)
    await saved(page)
    await expect(page).toHaveTitle(`${article.headline} bearbeiten – Rundbrief`)
    if (checkScreen) await screen('Beitrag bearbeiten mit Foto', 'beitrag')

    await activate(page, page.getByRole('button', { name: 'Als fertig markieren' }))
    await expect(page.getByRole('main').getByText('Fertig', { exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Wieder als Entwurf markieren' })).toBeVisible()
    await expectVisibleFocus(page, 'nach „Als fertig markieren“')
    await saved(page)
  }

  await test.step('Redaktion: Ausgabe anlegen, Beiträge schreiben, zusammenstellen, einreichen', async () => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Anmelden', level: 1 })).toBeVisible()
    await screen('Anmelden', 'anmelden')
    await signIn(editor)
    await expect(page.getByRole('heading', { name: 'Ausgaben', level: 1 })).toBeVisible()
    await expect(page).toHaveTitle('Ausgaben – Rundbrief')
    await screen('Ausgaben', 'ausgaben')

    await activate(page, page.getByRole('button', { name: 'Neue Ausgabe' }))
    const form = page.getByRole('form', { name: 'Neue Ausgabe' })
    await expect(form).toBeVisible()
    await expectVisibleFocus(page, 'nach „Neue Ausgabe“')
    await tabTo(page, form.getByLabel('Titel der Ausgabe'))
    await page.keyboard.type(issueLabel)
    const date = symmetricDate(3)
    await page.keyboard.press('Tab')
    await expect(form.getByLabel('Redaktionsschluss')).toBeFocused()
    await page.keyboard.type(`${date.day}${date.month}${date.year}`)
    await page.keyboard.press('ArrowRight')
    // "P" picks the afternoon where the input shows a 12-hour clock and is ignored elsewhere
    await page.keyboard.type('1200P')
    await expect(form.getByLabel('Redaktionsschluss')).toHaveValue(
      `${date.year}-${date.month}-${date.day}T12:00`,
    )
    await tabTo(page, form.getByLabel('Erscheinungsdatum'))
    await page.keyboard.type(`${date.day}${date.month}${date.year}`)
    await expect(form.getByLabel('Erscheinungsdatum')).toHaveValue(
      `${date.year}-${date.month}-${date.day}`,
    )
    await screen('Neue Ausgabe (Formular)', 'ausgaben')
    await activate(page, form.getByRole('button', { name: 'Ausgabe anlegen' }))
    await expect(
      page.getByRole('heading', { name: `Ausgabe ${issueLabel}`, level: 1 }),
    ).toBeVisible()
    await expect(page).toHaveTitle(`Ausgabe ${issueLabel} – Rundbrief`)
    await expect(page.getByText(/^Noch keine Beiträge\. Ziehen Sie/)).toBeVisible()
    await screen('Neue, leere Ausgabe', 'ausgabe')

    await writeArticle(first, true)
    await writeArticle(second, false)

    await openIssue()
    const pool = page.getByRole('list', { name: 'Themenspeicher' })
    await expect(pool.getByRole('link', { name: first.headline })).toBeVisible()
    await expect(pool.getByRole('link', { name: second.headline })).toBeVisible()
    await screen('Board mit neuen Beiträgen im Themenspeicher', 'ausgabe')

    const firstHandle = page.getByRole('button', { name: `„${first.headline}“ verschieben` })
    await tabTo(page, firstHandle)
    await page.keyboard.press('Space')
    await expect(page.locator('.board-live')).toContainText(`„${first.headline}“ aufgenommen`)
    await page.keyboard.press('ArrowRight')
    await expect(page.locator('.board-live')).toHaveText('Position 1 von 1 im Inhalt der Ausgabe.')
    await expect(firstHandle).toBeFocused()
    await expectVisibleFocus(page, 'aufgenommene Karte')
    await page.keyboard.press('Space')
    await expect(page.locator('.board-live')).toContainText('abgelegt, Position 1 von 1')
    await expect(contentTitles()).toHaveText([first.headline])

    await activate(
      page,
      page.getByRole('button', { name: `Zur Ausgabe hinzufügen: „${second.headline}“` }),
    )
    await expect(contentTitles()).toHaveText([first.headline, second.headline])
    await expectVisibleFocus(page, 'nach „Zur Ausgabe hinzufügen“')
    await activate(page, page.getByRole('button', { name: `Nach oben: „${second.headline}“` }))
    await expect(contentTitles()).toHaveText([second.headline, first.headline])
    await expectVisibleFocus(page, 'nach „Nach oben“')
    await expect(page.locator('.board-live')).toHaveText(
      `„${second.headline}“ auf Position 1 von 2 im Inhalt der Ausgabe verschoben.`,
    )
    await expect(page.getByText('2 von 2')).toBeVisible()
    await screen('Board mit zusammengestellter Ausgabe', 'ausgabe')

    await expect(async () => {
      await page.reload()
      await expect(contentTitles()).toHaveText([second.headline, first.headline])
    }).toPass({ timeout: 15_000 })
    await activate(page, freigabe().getByRole('button', { name: 'Zur Freigabe einreichen …' }))
    await expect(page.getByRole('dialog', { name: /zur Freigabe einreichen\?$/ })).toBeVisible()
    await expectVisibleFocus(page, 'in der Rückfrage vor dem Einreichen')
    await page.keyboard.press('Enter')
    await expect(
      page.getByText('Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.'),
    ).toBeVisible()
    await expectVisibleFocus(page, 'nach „Zur Freigabe einreichen“')
    await screen('Ausgabe eingereicht (Redaktion)', 'ausgabe')
  })

  await test.step('Dezernentin: Änderungen anfordern', async () => {
    await signOut()
    await signIn(head)
    await openIssue()
    await activate(page, freigabe().getByRole('button', { name: 'Änderungen anfordern …' }))
    const comment = page.getByLabel('Kommentar')
    await expect(comment).toBeFocused()
    await expectVisibleFocus(page, 'Kommentar')
    await page.keyboard.type('Bitte den Tag in die Überschrift.')
    await screen('Änderungen anfordern', 'ausgabe')
    await page.keyboard.press('Tab')
    const requestForm = page.getByRole('form', { name: 'Änderungen anfordern' })
    await expect(requestForm.getByRole('button', { name: 'Änderungen anfordern' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Änderungen angefordert' })).toBeVisible()
    await expect(
      page.getByText('Die Ausgabe ist mit Ihrem Kommentar an die Redaktion zurückgegangen.'),
    ).toBeVisible()
    await expectVisibleFocus(page, 'nach „Änderungen anfordern“')
  })

  await test.step('Redaktion: Überschrift korrigieren und erneut einreichen', async () => {
    await signOut()
    await signIn(editor)
    await openIssue()
    await expect(page.getByRole('region', { name: 'Änderungen angefordert' })).toContainText(
      'Bitte den Tag in die Überschrift.',
    )
    await screen('Ausgabe mit angeforderten Änderungen (Redaktion)', 'ausgabe')
    await activate(page, page.getByRole('link', { name: first.headline, exact: true }))
    await expect(page).toHaveTitle(`${first.headline} bearbeiten – Rundbrief`)
    await tabTo(page, page.getByLabel('Überschrift'))
    await page.keyboard.press('Home')
    await page.keyboard.type('Samstag: ')
    await saved(page)
    await expect(page).toHaveTitle(`${fixedHeadline} bearbeiten – Rundbrief`)
    await expect(page.getByRole('main').getByText('Fertig', { exact: true })).toBeVisible()
    await activate(page, page.getByRole('link', { name: `Ausgabe ${issueLabel}` }))
    await expect(contentTitles()).toHaveText([second.headline, fixedHeadline])
    await activate(page, freigabe().getByRole('button', { name: 'Zur Freigabe einreichen …' }))
    await expect(page.getByRole('dialog', { name: /zur Freigabe einreichen\?$/ })).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(
      page.getByText('Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.'),
    ).toBeVisible()
    await expectVisibleFocus(page, 'nach erneutem Einreichen')
  })

  await test.step('Dezernentin: freigeben', async () => {
    await signOut()
    await signIn(head)
    await openIssue()
    const checks = page.getByRole('region', { name: 'Prüfungen' })
    await expect(checks).toBeVisible()
    await screen('Prüfungen vor der Freigabe', 'ausgabe')
    const acknowledgements = checks.getByRole('checkbox', { name: 'Zur Kenntnis genommen' })
    for (let index = 0; index < (await acknowledgements.count()); index++) {
      await tabTo(page, acknowledgements.nth(index))
      await page.keyboard.press('Space')
      await expect(acknowledgements.nth(index)).toBeChecked()
    }
    await activate(page, checks.getByRole('button', { name: 'Freigeben' }))
    await expect(page.getByText('Die Ausgabe ist freigegeben.', { exact: true })).toBeVisible()
    await expectVisibleFocus(page, 'nach „Freigeben“')
    await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText('Freigegeben')
    await screen('Ausgabe freigegeben', 'ausgabe')
  })

  await test.step('Gestaltung: Vorschau in drei Formaten und Export', async () => {
    await signOut()
    await signIn(designer)
    await openIssue()
    await activate(page, page.getByRole('link', { name: 'Vorschau', exact: true }))
    await expect(
      page.getByRole('heading', { name: `Vorschau der Ausgabe ${issueLabel}`, level: 1 }),
    ).toBeVisible()
    await expect(page).toHaveTitle(`Vorschau ${issueLabel} – Rundbrief`)
    await screen('Vorschau', 'vorschau', { exclude: 'iframe' })

    for (const [tab, key] of [
      ['E-Mail', null],
      ['Web', 'ArrowRight'],
      ['Druck', 'ArrowRight'],
    ] as const) {
      if (key) {
        await page.keyboard.press(key)
      } else {
        await tabTo(page, page.getByRole('tab', { name: tab }))
      }
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('tab', { name: tab })).toBeFocused()
      const frame = page.frameLocator(`iframe[title="Vorschau: ${tab}"]`)
      for (const headline of [second.headline, fixedHeadline]) {
        await expect(
          frame.getByRole('heading', { level: 2, name: headline, exact: true }),
        ).toBeVisible()
      }
      await expect(frame.getByText(`Foto: ${credit}`, { exact: true })).toHaveCount(2)
    }
    await expectVisibleFocus(page, 'Reiter „Druck“')

    const htmlDownload = page.waitForEvent('download')
    await activate(page, page.getByRole('button', { name: 'HTML herunterladen' }))
    const html = await downloadText(await htmlDownload)
    const textDownload = page.waitForEvent('download')
    await activate(page, page.getByRole('button', { name: 'Text herunterladen' }))
    const textFile = await textDownload
    expect(textFile.suggestedFilename()).toBe('rundbrief-sonderausgabe-ehrenamt.txt')
    const text = await downloadText(textFile)
    for (const content of [html, text]) {
      expect(content).toContain(second.headline)
      expect(content).toContain(fixedHeadline)
      expect(content).toContain(`Foto: ${credit}`)
      expect(content.indexOf(second.headline)).toBeLessThan(content.indexOf(fixedHeadline))
    }
    expect(text).toContain('„Gemeinsam für Gera“')
  })

  const seen = [...titles.values()]
  expect(new Set(seen).size, `Titel je Route: ${seen.join(' | ')}`).toBe(seen.length)
  for (const title of seen) {
    expect(title).toMatch(
      /^(Anmelden|Ausgaben|Beiträge|Ausgabe .+|Vorschau .+|.+ bearbeiten) – Rundbrief$/,
    )
  }
  console.log(
    `Reise per Tastatur in ${Math.round((Date.now() - started) / 1000)} s: ${axeScreens.length} Bildschirme mit axe geprüft (${axeScreens.join('; ')}), ${focusChecks} Fokusprüfungen; Titel: ${seen.join(' | ')}`,
  )
})
