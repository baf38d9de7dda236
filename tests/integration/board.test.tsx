import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { isoToBerlinLocal } from '../../src/domain/deadline'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'
const serverOrder = () =>
  testServer.store.snapshot().issues.find((issue) => issue.id === issueId)!.articleIds
const first = 'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales'
const second = 'Beschlussvorlage zum Integrierten Sozialplan liegt vor'

async function openBoard(as: 'editor' | 'head' | 'designer' = 'editor') {
  const view = await renderApp({ route: `/ausgaben/${issueId}`, as })
  const content = await screen.findByRole('list', { name: 'Inhalt der Ausgabe' })
  await waitFor(() => expect(within(content).getAllByRole('link')).toHaveLength(10))
  return view
}

const contentHeadlines = () =>
  within(screen.getByRole('list', { name: 'Inhalt der Ausgabe' }))
    .getAllByRole('link')
    .map((link) => link.textContent)

describe('Board einer Ausgabe', () => {
  it('zeigt den Stand: fertige Beiträge, Warnungen und Frist', async () => {
    await openBoard()
    const summary = screen.getByRole('region', { name: 'Stand der Ausgabe' })
    expect(summary).toHaveTextContent('8 von 10 Beiträgen fertig')
    // the same count as the "Prüfungen" above: the spelling warning concerns the whole issue
    await waitFor(() =>
      expect(summary).toHaveTextContent('Prüfungen: 2 Fehler und eine Warnung offen'),
    )
    const checks = screen.getByRole('region', { name: 'Prüfungen' })
    await waitFor(() => expect(checks).toHaveTextContent('2 Fehler und eine Warnung offen.'))
    expect(summary).toHaveTextContent('überfällig')
    const card = screen
      .getByRole('link', { name: 'OB Vonarb besucht Behördennetzwerk Asyl' })
      .closest('li')!
    expect(within(card).getByRole('list', { name: 'Offene Punkte' })).toHaveTextContent(
      'Fehler: Alternativtext fehlt',
    )
    expect(card).toHaveTextContent('1 Foto')
  })

  it('nimmt Beiträge aus dem Themenspeicher auf und entfernt sie wieder', async () => {
    const editor = await backendAs('editor')
    const fresh = await editor.createArticle({ headline: 'Frisch aus dem Themenspeicher' })
    const { user } = await openBoard()
    const pool = screen.getByRole('list', { name: 'Themenspeicher' })
    await user.click(
      within(pool).getByRole('button', {
        name: 'Zur Ausgabe hinzufügen: „Frisch aus dem Themenspeicher“',
      }),
    )
    expect(contentHeadlines().at(-1)).toBe('Frisch aus dem Themenspeicher')
    await waitFor(() => expect(serverOrder().at(-1)).toBe(fresh.id))
    expect(document.querySelector('.board-live')).toHaveTextContent(
      '„Frisch aus dem Themenspeicher“ auf Position 11 von 11 im Inhalt der Ausgabe verschoben.',
    )

    await user.click(screen.getByRole('button', { name: `Entfernen: „${first}“` }))
    await waitFor(() => expect(serverOrder()).not.toContain('beitrag-01-antrittsbesuch'))
    expect(
      within(screen.getByRole('list', { name: 'Themenspeicher' })).getByRole('link', {
        name: first,
      }),
    ).toBeInTheDocument()
  })

  it('behält den Fokus auf der Karte, wenn ihr Knopf mit ihr in die andere Spalte wandert', async () => {
    const editor = await backendAs('editor')
    await editor.createArticle({ headline: 'Frisch aus dem Themenspeicher' })
    const { user } = await openBoard()
    await user.click(
      screen.getByRole('button', {
        name: 'Zur Ausgabe hinzufügen: „Frisch aus dem Themenspeicher“',
      }),
    )
    expect(
      screen.getByRole('button', { name: '„Frisch aus dem Themenspeicher“ verschieben' }),
    ).toHaveFocus()
    await user.click(screen.getByRole('button', { name: `Entfernen: „${first}“` }))
    expect(screen.getByRole('button', { name: `„${first}“ verschieben` })).toHaveFocus()
    await waitFor(() => expect(screen.queryByText(/wird gespeichert/)).not.toBeInTheDocument())
  })

  it('ordnet mit „Nach oben“ und „Nach unten“ um', async () => {
    const { user } = await openBoard()
    await user.click(screen.getByRole('button', { name: `Nach unten: „${first}“` }))
    expect(contentHeadlines().slice(0, 2)).toEqual([second, first])
    await waitFor(() =>
      expect(serverOrder().slice(0, 2)).toEqual([
        'beitrag-02-sozialplan',
        'beitrag-01-antrittsbesuch',
      ]),
    )
    await user.click(screen.getByRole('button', { name: `Nach oben: „${first}“` }))
    await waitFor(() => expect(serverOrder()[0]).toBe('beitrag-01-antrittsbesuch'))
    expect(screen.getByRole('button', { name: `Nach oben: „${first}“` })).toBeDisabled()
  })

  it('zeigt Verschiebungen sofort im Verlauf, mehrere hintereinander als eine Zeile', async () => {
    const { user } = await openBoard()
    const history = await screen.findByRole('region', { name: 'Verlauf' })
    expect(history).not.toHaveTextContent('Inhalt der Ausgabe geändert')
    for (const direction of ['Nach unten', 'Nach oben', 'Nach unten']) {
      await user.click(screen.getByRole('button', { name: `${direction}: „${first}“` }))
      await waitFor(() =>
        expect(
          screen.getByRole('button', {
            name: `${direction === 'Nach unten' ? 'Nach oben' : 'Nach unten'}: „${first}“`,
          }),
        ).toBeEnabled(),
      )
      await waitFor(() => expect(screen.queryByText(/Speichert/)).not.toBeInTheDocument())
    }
    await waitFor(() =>
      expect(
        within(history)
          .getAllByRole('listitem')
          .filter((item) => item.textContent?.includes('Inhalt der Ausgabe geändert')),
      ).toHaveLength(1),
    )
    expect(history).toHaveTextContent(/Inhalt der Ausgabe geändert \(3-mal, seit /)
  })

  it('verschiebt per Tastatur und sagt jeden Schritt auf Deutsch an', async () => {
    const { user } = await openBoard()
    const handle = screen.getByRole('button', { name: `„${first}“ verschieben` })
    handle.focus()
    await user.keyboard(' ')
    const live = document.querySelector('.board-live')!
    expect(live).toHaveTextContent(
      `„${first}“ aufgenommen, Position 1 von 10 im Inhalt der Ausgabe.`,
    )
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(live).toHaveTextContent('Position 3 von 10 im Inhalt der Ausgabe.')
    expect(serverOrder()[0]).toBe('beitrag-01-antrittsbesuch')
    await user.keyboard(' ')
    expect(live).toHaveTextContent(`„${first}“ abgelegt, Position 3 von 10 im Inhalt der Ausgabe.`)
    await waitFor(() => expect(serverOrder()[2]).toBe('beitrag-01-antrittsbesuch'))
    expect(screen.getByRole('button', { name: `„${first}“ verschieben` })).toHaveFocus()

    await user.keyboard(' {ArrowLeft}')
    expect(live).toHaveTextContent('im Themenspeicher.')
    await user.keyboard('{Escape}')
    expect(live).toHaveTextContent(
      `Verschieben abgebrochen. „${first}“ bleibt Position 3 von 10 im Inhalt der Ausgabe.`,
    )
    expect(serverOrder()).toHaveLength(10)
  })

  it('nimmt eine Verschiebung zurück, wenn jemand anderes die Ausgabe inzwischen geändert hat', async () => {
    const { user } = await openBoard()
    const head = await backendAs('head')
    const reversed = [...serverOrder()].reverse()
    await head.arrangeIssue(issueId, { version: 1, articleIds: reversed })

    await user.click(screen.getByRole('button', { name: `Nach unten: „${first}“` }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Die Ausgabe wurde inzwischen von jemand anderem geändert. Ihre Verschiebung wurde nicht übernommen',
    )
    await waitFor(() =>
      expect(contentHeadlines()[0]).toBe('Weniger Geflüchtete erhalten Leistungen nach SGB II'),
    )
    expect(serverOrder()).toEqual(reversed)
  })

  it('nimmt eine Verschiebung zurück, wenn das Netz fehlt', async () => {
    const { user } = await openBoard()
    testServer.setFaults({ failureRate: 1 })
    await user.click(screen.getByRole('button', { name: `Nach unten: „${first}“` }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Keine Verbindung zum Server – die Verschiebung wurde zurückgenommen.',
    )
    await waitFor(() => expect(contentHeadlines()[0]).toBe(first))
  })

  it('zeigt der Gestaltung das Board nur zum Lesen', async () => {
    await openBoard('designer')
    expect(
      screen.getByText('Nur die Redaktion und die Dezernentin dürfen Ausgaben zusammenstellen.'),
    ).toBeInTheDocument()
    expect(
      screen.queryByRole('button', { name: /verschieben|Nach unten|Entfernen/ }),
    ).not.toBeInTheDocument()
  })

  it('sperrt das Board für die Redaktion, solange die Ausgabe zur Freigabe vorliegt', async () => {
    const head = await backendAs('head')
    await head.submitIssue(issueId, { version: 1 })
    await openBoard('editor')
    expect(screen.getByText(/liegt der Dezernentin zur Freigabe vor/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Nach unten/ })).not.toBeInTheDocument()
  })
})

describe('Ausgaben anlegen und bearbeiten', () => {
  const local = (days: number) =>
    isoToBerlinLocal(new Date(Date.now() + days * 86_400_000).toISOString())

  it('prüft die Eingaben auf Deutsch und öffnet danach das Board der neuen Ausgabe', async () => {
    const { user } = await renderApp({ route: '/ausgaben', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Neue Ausgabe' }))
    const form = screen.getByRole('form', { name: 'Neue Ausgabe' })
    await user.click(within(form).getByRole('button', { name: 'Ausgabe anlegen' }))
    expect(within(form).getByLabelText('Titel der Ausgabe')).toHaveAccessibleDescription(
      'Bitte einen Titel der Ausgabe angeben.',
    )
    // the first field to fix has the focus, not the button
    expect(within(form).getByLabelText('Titel der Ausgabe')).toHaveFocus()

    await user.type(within(form).getByLabelText('Titel der Ausgabe'), 'Dezember 2026')
    await user.type(within(form).getByLabelText('Redaktionsschluss'), '2020-01-10T12:00')
    await user.type(within(form).getByLabelText('Erscheinungsdatum'), '2020-01-09')
    await user.click(within(form).getByRole('button', { name: 'Ausgabe anlegen' }))
    expect(within(form).getByLabelText('Redaktionsschluss')).toHaveAccessibleDescription(
      'Der Redaktionsschluss darf nicht in der Vergangenheit liegen.',
    )
    expect(within(form).getByLabelText('Erscheinungsdatum')).toHaveAccessibleDescription(
      'Das Erscheinungsdatum darf nicht vor dem Redaktionsschluss liegen.',
    )
    expect(within(form).getByLabelText('Redaktionsschluss')).toHaveFocus()

    await user.clear(within(form).getByLabelText('Redaktionsschluss'))
    await user.type(within(form).getByLabelText('Redaktionsschluss'), local(7))
    await user.clear(within(form).getByLabelText('Erscheinungsdatum'))
    await user.type(within(form).getByLabelText('Erscheinungsdatum'), local(9).slice(0, 10))
    await user.click(within(form).getByRole('button', { name: 'Ausgabe anlegen' }))
    expect(
      await screen.findByRole('heading', { name: 'Ausgabe Dezember 2026' }),
    ).toBeInTheDocument()
    expect(
      await screen.findByText(
        'Noch keine Beiträge. Ziehen Sie Beiträge hierher oder nutzen Sie „Zur Ausgabe hinzufügen“.',
      ),
    ).toBeInTheDocument()
    expect(screen.getAllByText('(noch 7 Tage)').length).toBeGreaterThan(0)
  })

  it('setzt nach einem abgelehnten Speichern den Fokus auf das erste fehlerhafte Feld', async () => {
    const { user } = await openBoard()
    await user.click(screen.getByRole('button', { name: 'Ausgabe bearbeiten' }))
    const form = screen.getByRole('form', { name: 'Ausgabe bearbeiten' })
    await user.clear(within(form).getByLabelText('Erscheinungsdatum'))
    await user.click(within(form).getByRole('button', { name: 'Speichern' }))
    expect(within(form).getByLabelText('Erscheinungsdatum')).toHaveAttribute('aria-invalid', 'true')
    expect(within(form).getByLabelText('Erscheinungsdatum')).toHaveFocus()

    await user.clear(within(form).getByLabelText('Titel der Ausgabe'))
    await user.click(within(form).getByRole('button', { name: 'Speichern' }))
    expect(within(form).getByLabelText('Titel der Ausgabe')).toHaveAccessibleDescription(
      'Bitte einen Titel der Ausgabe angeben.',
    )
    expect(within(form).getByLabelText('Titel der Ausgabe')).toHaveFocus()
  })

  it('ändert Titel und Termine mit Versionsprüfung und behält bei Konflikt die Eingaben', async () => {
    const { user } = await openBoard()
    await user.click(screen.getByRole('button', { name: 'Ausgabe bearbeiten' }))
    const form = screen.getByRole('form', { name: 'Ausgabe bearbeiten' })
    const head = await backendAs('head')
    await head.updateIssue(issueId, { version: 1, label: 'August 2018 (Dezernentin)' })

    await user.clear(within(form).getByLabelText('Titel der Ausgabe'))
    await user.type(within(form).getByLabelText('Titel der Ausgabe'), 'August 2018 (Redaktion)')
    await user.click(within(form).getByRole('button', { name: 'Speichern' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Gespeichert ist jetzt: „August 2018 (Dezernentin)“',
    )
    expect(within(form).getByLabelText('Titel der Ausgabe')).toHaveValue('August 2018 (Redaktion)')

    await user.click(within(form).getByRole('button', { name: 'Speichern' }))
    expect(
      await screen.findByRole('heading', { name: 'Ausgabe August 2018 (Redaktion)' }),
    ).toBeInTheDocument()
    expect(testServer.store.snapshot().issues[0]?.version).toBe(3)
  })
})
