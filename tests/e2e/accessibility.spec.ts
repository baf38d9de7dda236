import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

const roles = [
  { label: 'Dr. Frank Rühling (Redaktion)', name: 'Redaktion' },
  { label: 'Sandra Wanzar (Dezernentin)', name: 'Dezernentin' },
  { label: 'Jana Krause (Gestaltung)', name: 'Gestaltung' },
] as const

const routes = [
  '/ausgaben',
  '/ausgaben/ausgabe-2018-08',
  '/ausgaben/ausgabe-2018-08/vorschau',
  '/ausgaben/ausgabe-2018-08/versand',
  '/postausgang',
  '/beitraege',
  '/beitraege/papierkorb',
  '/beitraege/beitrag-01-antrittsbesuch',
  '/empfaenger',
  '/benachrichtigungen/einstellungen',
  '/einstellungen/impressum',
  '/gibt-es-nicht',
]

/** Saves the article unchanged as the signed-in person (refused for Gestaltung, which is fine). */
async function keepAVersion(page: Page, articleId: string) {
  await page.evaluate(async (id) => {
    const token = localStorage.getItem('rundbrief.sitzung')
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
    const article = await (await fetch(`/api/articles/${id}`, { headers })).json()
    await fetch(`/api/articles/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version: article.version }),
    })
  }, articleId)
}

async function settled(page: Page) {
  await expect(page.locator('h1').first()).toBeVisible()
  await expect(page.getByText('Wird geladen', { exact: false })).toHaveCount(0)
}

/** Opens a dialog or inline form by its trigger if this role has it, checks it, closes it. */
async function checkDialog(
  page: Page,
  context: string,
  open: () => Promise<boolean>,
  close: () => Promise<void>,
  checked: string[],
) {
  if (!(await open())) return
  await expectNoAxeViolations(page, context, { exclude: 'iframe' })
  checked.push(context)
  await close()
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const clickIfThere = async (page: Page, name: string) => {
  const trigger = button(page, name)
  if ((await trigger.count()) === 0 || !(await trigger.first().isEnabled())) return false
  await trigger.first().click()
  return true
}

test('axe auf jeder Seite und jedem Dialog in jeder Rolle, deutsche Sprache, Seitentitel', async ({
  page,
}) => {
  test.setTimeout(360_000)
  const checked: string[] = []

  await page.goto('/anmelden')
  await settled(page)
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
  await expectNoAxeViolations(page, 'Anmelden')
  checked.push('Anmelden')
  const titles = new Map<string, string>([['/anmelden', await page.title()]])

  for (const role of roles) {
    await signIn(page, role.label)
    for (const route of routes) {
      await page.goto(route)
      await settled(page)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
      const title = await page.title()
      expect(title, `Titel von ${route}`).toMatch(/Rundbrief$/)
      titles.set(route, title)
      await expectNoAxeViolations(page, `${route} als ${role.name}`, { exclude: 'iframe' })
      checked.push(`${route} (${role.name})`)
    }

    await page.goto('/ausgaben')
    await settled(page)
    await checkDialog(
      page,
      `Neue Ausgabe mit Fehlermeldungen (${role.name})`,
      async () => {
        if (!(await clickIfThere(page, 'Neue Ausgabe'))) return false
        await button(page, 'Ausgabe anlegen').click()
        await expect(page.getByText('Bitte einen Titel der Ausgabe angeben.')).toBeVisible()
        return true
      },
      async () => {
        await clickIfThere(page, 'Abbrechen')
      },
      checked,
    )
    await checkDialog(
      page,
      `Demo-Daten zurücksetzen, Rückfrage (${role.name})`,
      () => clickIfThere(page, 'Demo-Daten zurücksetzen'),
      async () => {
        await clickIfThere(page, 'Abbrechen')
      },
      checked,
    )

    await page.goto('/ausgaben/ausgabe-2018-08')
    await settled(page)
    await checkDialog(
      page,
      `Ausgabe bearbeiten (${role.name})`,
      () => clickIfThere(page, 'Ausgabe bearbeiten'),
      async () => {
        await clickIfThere(page, 'Abbrechen')
      },
      checked,
    )
    await checkDialog(
      page,
      `Testversand mit Fehlermeldung (${role.name})`,
      async () => {
        if (!(await clickIfThere(page, 'Testversand …'))) return false
        await button(page, 'Test senden').click()
        await expect(page.getByText('Bitte mindestens eine E-Mail-Adresse angeben.')).toBeVisible()
        return true
      },
      async () => {
        await clickIfThere(page, 'Schließen')
      },
      checked,
    )
    // the Dezernentin has submitted the issue by the time Gestaltung looks
    if (role.name !== 'Gestaltung') {
      await expect(page.getByRole('region', { name: 'Prüfungen' })).toContainText(
        '„OTEAU“ ähnelt „OTEGAU“',
      )
      await expectNoAxeViolations(page, `Prüfungen vor dem Einreichen (${role.name})`, {
        exclude: 'iframe',
      })
      checked.push(`Prüfungen vor dem Einreichen (${role.name})`)
    }
    if (role.name === 'Dezernentin') {
      await checkDialog(
        page,
        'Einreichen, Rückfrage mit offenen Prüfungen (Dezernentin)',
        async () => {
          if (!(await clickIfThere(page, 'Zur Freigabe einreichen …'))) return false
          await expect(page.getByRole('list', { name: 'Offene Prüfungen' })).toBeVisible()
          return true
        },
        async () => {
          await page.keyboard.press('Escape')
          await expect(button(page, 'Zur Freigabe einreichen …')).toBeFocused()
        },
        checked,
      )
      await checkDialog(
        page,
        'Änderungen anfordern mit Kommentar-Fehler (Dezernentin)',
        async () => {
          if (!(await clickIfThere(page, 'Zur Freigabe einreichen …'))) return false
          await button(page, 'Trotzdem einreichen').click()
          await button(page, 'Änderungen anfordern …').click()
          await page
            .getByRole('form', { name: 'Änderungen anfordern' })
            .getByRole('button', { name: 'Änderungen anfordern', exact: true })
            .click()
          return true
        },
        async () => {
          await clickIfThere(page, 'Abbrechen')
        },
        checked,
      )
    }

    await page.goto('/beitraege')
    await settled(page)
    await checkDialog(
      page,
      `Beitrag löschen, Rückfrage, und Papierkorb mit Eintrag (${role.name})`,
      async () => {
        if (!(await clickIfThere(page, 'Neuer Beitrag'))) return false
        const headline = `Zum Löschen (${role.name})`
        // on the list, "Überschrift" would also find the search field
        await expect(page.getByRole('heading', { name: 'Beitrag bearbeiten' })).toBeVisible()
        await page.getByLabel('Überschrift', { exact: true }).fill(headline)
        // saved: the page title follows the stored headline ("✓ Gespeichert" shows before typing)
        await expect(page).toHaveTitle(`${headline} bearbeiten – Rundbrief`)
        await page.goto('/beitraege')
        await button(page, `„${headline}“ löschen`).click()
        await expect(page.getByRole('dialog', { name: `„${headline}“ löschen?` })).toBeVisible()
        await expectNoAxeViolations(page, `Beitrag löschen, Rückfrage (${role.name})`)
        await button(page, 'In den Papierkorb legen').click()
        // leaving before the answer would cancel the request
        await expect(page.getByText(`„${headline}“ liegt jetzt im Papierkorb.`)).toBeVisible()
        await page.goto('/beitraege/papierkorb')
        await expect(page.getByRole('listitem').filter({ hasText: headline })).toBeVisible()
        return true
      },
      async () => undefined,
      checked,
    )

    await page.goto('/beitraege/beitrag-01-antrittsbesuch')
    await settled(page)
    await checkDialog(
      page,
      `Linkformular (${role.name})`,
      async () => {
        const link = page.getByRole('button', { name: 'Link' })
        if ((await link.count()) === 0) return false
        await page.getByRole('textbox', { name: 'Text', exact: true }).click()
        await link.click()
        await expect(page.getByLabel('Linkadresse')).toBeFocused()
        return true
      },
      async () => {
        await page.keyboard.press('Escape')
      },
      checked,
    )
    await checkDialog(
      page,
      `Foto entfernen, Rückfrage (${role.name})`,
      async () => {
        const remove = page.getByRole('button', { name: 'Foto entfernen (Foto 1)' })
        if ((await remove.count()) === 0) return false
        await remove.first().click()
        await expect(page.getByText('Foto 1 wirklich entfernen?')).toBeVisible()
        return true
      },
      async () => {
        await clickIfThere(page, 'Abbrechen')
      },
      checked,
    )

    // a save by this person keeps the seed state as a version (it was last saved in 2018)
    await keepAVersion(page, 'beitrag-01-antrittsbesuch')
    await page.goto('/beitraege/beitrag-01-antrittsbesuch')
    await settled(page)
    const versions = page.getByRole('dialog', { name: 'Versionen' })
    await checkDialog(
      page,
      `Versionen mit Vergleich (${role.name})`,
      async () => {
        if (!(await clickIfThere(page, 'Versionen'))) return false
        await versions.getByRole('button', { name: /^Version 1:/ }).click()
        await expect(
          versions.getByRole('region', { name: 'Version 1 im Vergleich zum aktuellen Text' }),
        ).toBeVisible()
        return true
      },
      async () => undefined,
      checked,
    )
    await checkDialog(
      page,
      `Versionen, Rückfrage vor dem Wiederherstellen (${role.name})`,
      async () => {
        const restore = versions.getByRole('button', { name: 'Diese Version wiederherstellen' })
        if ((await restore.count()) === 0) return false
        await restore.click()
        await expect(
          versions.getByRole('button', { name: 'Wiederherstellen', exact: true }),
        ).toBeFocused()
        return true
      },
      async () => {
        await versions.getByRole('button', { name: 'Abbrechen' }).click()
      },
      checked,
    )
    if ((await versions.count()) > 0) await page.keyboard.press('Escape')

    await page.goto('/ausgaben')
    await page.getByRole('button', { name: 'Abmelden' }).click()
    await expect(page.getByRole('heading', { name: 'Anmelden', level: 1 })).toBeVisible()
  }

  const distinct = new Set(titles.values())
  expect(distinct.size, [...titles.entries()].join('\n')).toBe(titles.size)
  console.log(
    `axe (WCAG 2.1 A/AA) ohne Verstöße auf ${checked.length} Ansichten:\n  ${checked.join('\n  ')}\nSeitentitel:\n  ${[...titles.entries()].map(([route, title]) => `${route}: ${title}`).join('\n  ')}`,
  )
})

test('axe auf den öffentlichen Seiten des Archivs ohne Anmeldung (die gefüllten: archive.spec.ts)', async ({
  page,
}) => {
  const titles = new Set<string>()
  for (const [route, heading] of [
    ['/archiv', 'Archiv des Newsletters'],
    ['/archiv/2099-01', 'Diese Ausgabe gibt es im Archiv nicht'],
    ['/archiv/rss.xml', 'Feed des Archivs'],
  ] as const) {
    await page.goto(route)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page.getByText('Wird geladen', { exact: false })).toHaveCount(0)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    titles.add(await page.title())
    await expectNoAxeViolations(page, route)
  }
  expect(titles.size).toBe(3)
})

/** Signs in through the API without touching the page's own session; returns the bearer token. */
async function apiToken(page: Page, userId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: id }),
    })
    return ((await response.json()) as { token: string }).token
  }, userId)
}

test('axe auf der offenen Liste der Benachrichtigungen, Escape zurück zur Glocke', async ({
  page,
}) => {
  await signIn(page, 'Sandra Wanzar (Dezernentin)')
  const head = await apiToken(page, 'sandra-wanzar')
  const editor = await apiToken(page, 'frank-ruehling')
  await page.evaluate(
    async ({ head, editor }) => {
      const call = async (token: string, path: string, method: string, body: unknown) => {
        const response = await fetch(`/api${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`)
        return (await response.json()) as { version: number }
      }
      const issueGet = await fetch('/api/issues/ausgabe-2018-08', {
        headers: { Authorization: `Bearer ${head}` },
      })
      const deadline = new Date(Date.now() + 7 * 86_400_000)
      const extended = await call(head, '/issues/ausgabe-2018-08', 'PATCH', {
        version: ((await issueGet.json()) as { version: number }).version,
        deadline: deadline.toISOString(),
        plannedSendDate: new Date(deadline.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
      })
      await call(editor, '/issues/ausgabe-2018-08/submit', 'POST', { version: extended.version })
    },
    { head, editor },
  )

  await page.goto('/ausgaben')
  const bell = page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' })
  await bell.click()
  const list = page.getByRole('list', { name: 'Benachrichtigungen' })
  await expect(list.getByRole('link')).toHaveText(
    'Ungelesen: Dr. Frank Rühling hat „August 2018“ zur Freigabe eingereicht',
  )
  await expectNoAxeViolations(page, 'Benachrichtigungen (Dezernentin)')
  await list.getByRole('link').focus()
  await page.keyboard.press('Escape')
  await expect(bell).toBeFocused()
  await expect(list).toBeHidden()
})

test('axe auf den Kommentaren der Leseansicht: Gestaltung markiert per Tastatur und kommentiert', async ({
  page,
}) => {
  await signIn(page, 'Jana Krause (Gestaltung)')
  await page.goto('/beitraege/beitrag-03-behoerdennetzwerk')
  const text = page.getByRole('textbox', { name: /^Text \(nur lesen/ })
  await expect(text).toHaveAttribute('aria-readonly', 'true')
  await expect(text).toContainText('Einen Einblick')
  await text.focus()
  await page.keyboard.press('Control+Home')
  for (let index = 0; index < 'Einen Einblick'.length; index++) {
    await page.keyboard.press('Shift+ArrowRight')
  }
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.toString()))
    .toBe('Einen Einblick')
  await page.keyboard.press('Control+Alt+KeyM')
  const panel = page.getByRole('complementary', { name: /^Kommentare/ })
  await expect(panel.getByRole('textbox', { name: 'Kommentar' })).toBeFocused()
  await expectNoAxeViolations(page, 'Leseansicht mit Kommentar-Formular (Gestaltung)')
  await page.keyboard.type('Foto zu dunkel.')
  await page.keyboard.press('Control+Enter')
  await expect(
    panel.getByRole('button', { name: 'Textstelle zeigen: „Einen Einblick“' }),
  ).toBeFocused()
  await expect(text.locator('[data-comment-thread]')).toHaveText('Einen Einblick')
  await expectNoAxeViolations(page, 'Leseansicht mit Kommentaren (Gestaltung)')
  // typed keys change nothing (last: the view restores its text while the keys come in, and a
  // selection made right after could lose a step)
  await text.focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('Nicht hinein.')
  await expect(text).not.toContainText('Nicht hinein.')
  await expect(text).toContainText('Einen Einblick über die Arbeit')
  if (process.env.RUNDBRIEF_SCREENSHOTS) {
    await page.screenshot({
      path: `${process.env.RUNDBRIEF_SCREENSHOTS}/kommentare-leseansicht.png`,
      fullPage: true,
    })
  }
})
