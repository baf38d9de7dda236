import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signIn } from './helpers'

test('die Demo erinnert an den nahen Redaktionsschluss in der Glocke und per E-Mail im Postausgang; die Einstellungen ohne axe-Verstöße', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signIn(page, 'Dr. Frank Rühling (Redaktion)')
  // the Dezernentin moves the Redaktionsschluss to the day after tomorrow: the 3-day reminder is
  // due at once (late, "in 2 Tagen")
  await page.evaluate(async () => {
    const session = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'sandra-wanzar' }),
    })
    const { token } = (await session.json()) as { token: string }
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
    const issue = (await (await fetch('/api/issues/ausgabe-2018-08', { headers })).json()) as {
      version: number
    }
    const deadline = new Date(Date.now() + 2 * 86_400_000 + 3_600_000)
    const response = await fetch('/api/issues/ausgabe-2018-08', {
      method: 'PATCH',
      headers,
      body: JSON.stringify({
        version: issue.version,
        deadline: deadline.toISOString(),
        plannedSendDate: new Date(deadline.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
      }),
    })
    if (!response.ok) throw new Error(`PATCH: ${response.status}`)
  })

  const reminder =
    /^Ungelesen: Redaktionsschluss für „August 2018“ in \d Tagen: 2 Beiträge sind noch nicht fertig$/
  await expect(async () => {
    await page.reload()
    const bell = page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' })
    await bell.click({ timeout: 2_000 })
    await expect(
      page.getByRole('list', { name: 'Benachrichtigungen' }).getByRole('link'),
    ).toHaveText(reminder, { timeout: 1_000 })
  }).toPass({ timeout: 30_000, intervals: [2_000] })

  await page.getByRole('link', { name: 'Einstellungen' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Benachrichtigungen einstellen' }),
  ).toBeVisible()
  await expect(
    page.getByRole('checkbox', { name: 'Benachrichtigungen auch per E-Mail' }),
  ).toBeChecked()
  await expect(page.getByText('An frank.ruehling@gera.de', { exact: false })).toBeVisible()
  await expectNoAxeViolations(page, 'Benachrichtigungen einstellen')
  await page.screenshot({ path: 'test-results/benachrichtigungen-einstellen.png', fullPage: true })

  await page.goto('/postausgang')
  const row = page.getByRole('row').filter({ hasText: 'frank.ruehling@gera.de' })
  await expect(row).toHaveCount(1, { timeout: 20_000 })
  await expect(row).toContainText('Redaktionsschluss für „August 2018“')
})
