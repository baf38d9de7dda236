import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { backendAs, bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'
const spelling = '„OTEAU“ ähnelt „OTEGAU“ (4× in dieser Ausgabe) – Schreibweise prüfen.'

async function extendDeadline() {
  const head = await backendAs('head')
  const issue = await head.getIssue(issueId)
  await head.updateIssue(issueId, {
    version: issue.version,
    deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    plannedSendDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
  })
}

/** Alt texts for every photo of the seed issue: afterwards only the spelling warning is left. */
async function fixAltTexts() {
  const editor = await backendAs('editor')
  for (const id of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
    const article = await editor.getArticle(id)
    await editor.updateArticle(id, {
      version: article.version,
      photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
    })
  }
}

const checksRegion = async () =>
  within(await screen.findByRole('region', { name: 'Freigabe' })).findByRole('region', {
    name: 'Prüfungen',
  })

describe('Prüfungen vor dem Einreichen', () => {
  it('zeigt der Redaktion die Warnung „OTEAU“ mit Link zum Beitrag; nach der Korrektur ist sie weg', async () => {
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    const checks = await checksRegion()
    await waitFor(() => expect(checks).toHaveTextContent(spelling))
    const warning = within(checks)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('OTEAU'))!
    expect(warning).toHaveTextContent(/^⚠ Warnung:/)
    // the seed's photos lack alt texts: errors, which submission does not prevent
    expect(checks).toHaveTextContent(
      '✗ Fehler: „Ministerin besucht soziale Einrichtungen in Gera“, Foto 1: Der Alternativtext fehlt.',
    )
    expect(checks).toHaveTextContent(/^Prüfungen2 Fehler und eine Warnung offen\./)

    await user.click(within(warning).getByRole('link', { name: 'Zum Beitrag' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: /Beitrag bearbeiten/ }),
    ).toBeInTheDocument()
    // the link leads to the field the name is written in
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Text' })).toHaveFocus())
    const editor = await bodyEditor()
    let from = -1
    editor.state.doc.descendants((node, position) => {
      const index = node.isText ? (node.text ?? '').indexOf('OTEAU-') : -1
      if (index >= 0) from = position + index
    })
    expect(from).toBeGreaterThan(0)
    editor.commands.insertContentAt({ from, to: from + 'OTEAU'.length }, 'OTEGAU')
    // autosaved: the save invalidates the issue's article list
    await waitFor(
      () =>
        expect(
          JSON.stringify(
            testServer.store.snapshot().articles.find((a) => a.id === 'beitrag-07-ministerin')
              ?.body,
          ),
        ).toContain('OTEGAU-Geschäftsführerin'),
      { timeout: 5_000 },
    )
    expect(await screen.findByText(/^✓ Gespeichert/)).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'Ausgabe August 2018' }))
    const after = await checksRegion()
    await waitFor(() => expect(after).toHaveTextContent('Fehler'))
    await waitFor(() => expect(after).not.toHaveTextContent('OTEAU'))
    expect(after).toHaveTextContent(/^Prüfungen2 Fehler offen\./)
  })

  it('führt von einem fehlenden Alternativtext zum Feld des Fotos', async () => {
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    const checks = await checksRegion()
    const missing = (await within(checks).findAllByRole('listitem')).find((item) =>
      item.textContent?.includes(
        '„Ministerin besucht soziale Einrichtungen in Gera“, Foto 1: Der Alternativtext fehlt.',
      ),
    )!
    const link = within(missing).getByRole('link', { name: 'Zum Beitrag' })
    expect(link).toHaveAttribute(
      'href',
      '/beitraege/beitrag-07-ministerin?feld=Alternativtext&foto=foto-3',
    )
    await user.click(link)
    const photo = await screen.findByRole('group', { name: 'Foto 1' })
    await waitFor(() => expect(within(photo).getByLabelText('Alternativtext')).toHaveFocus())
  })

  it('listet die offenen Warnungen in der Rückfrage vor dem Einreichen; per Tastatur bedienbar', async () => {
    await extendDeadline()
    await fixAltTexts()
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    await waitFor(async () => expect(await checksRegion()).toHaveTextContent(spelling))
    const opener = screen.getByRole('button', { name: 'Zur Freigabe einreichen …' })
    opener.focus()
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', {
      name: '„August 2018“ zur Freigabe einreichen?',
    })
    expect(dialog).toHaveTextContent('Eine Warnung offen.')
    const listed = within(dialog).getByRole('list', { name: 'Offene Prüfungen' })
    expect(
      within(listed)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([`⚠ Warnung: ${spelling}`])
    const confirm = within(dialog).getByRole('button', { name: 'Trotzdem einreichen' })
    expect(confirm).toHaveFocus()
    await user.tab()
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toHaveFocus()
    await user.tab()
    expect(confirm).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(opener).toHaveFocus()
    expect(testServer.store.snapshot().issues[0]?.status).toBe('draft')

    await user.keyboard('{Enter}')
    await screen.findByRole('dialog')
    await user.keyboard('{Enter}')
    expect(
      await screen.findByText('Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Freigabe' })).toHaveFocus()
    expect(testServer.store.snapshot().issues[0]?.status).toBe('in_review')
  })

  it('sagt in der Rückfrage, dass nichts offen ist, wenn alle Prüfungen bestanden sind', async () => {
    await extendDeadline()
    await fixAltTexts()
    const editor = await backendAs('editor')
    const article = await editor.getArticle('beitrag-07-ministerin')
    await editor.updateArticle(article.id, {
      version: article.version,
      body: JSON.parse(
        JSON.stringify(article.body).replaceAll('OTEAU-', 'OTEGAU-'),
      ) as typeof article.body,
    })
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    const checks = await checksRegion()
    await waitFor(() => expect(checks).toHaveTextContent('✓ Alle Prüfungen bestanden.'))
    await user.click(screen.getByRole('button', { name: 'Zur Freigabe einreichen …' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('✓ Alle Prüfungen bestanden: keine Fehler, keine Warnungen.')
    expect(within(dialog).queryByRole('list')).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Einreichen' }))
    await waitFor(() => expect(testServer.store.snapshot().issues[0]?.status).toBe('in_review'))
  })

  it('zeigt die Prüfungen vor dem Einreichen auch der Dezernentin', async () => {
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    await waitFor(async () => expect(await checksRegion()).toHaveTextContent(spelling))
    view.unmount()
  })
})
