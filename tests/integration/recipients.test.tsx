import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import type { Subscriber } from '../../src/domain/subscriber'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'
import { captureDownloads } from '../fixtures/downloads'

setupTestServer()

/** A recipient list as German Excel saves it: Windows-1252, semicolons, CRLF, umlauts. */
const excelFile = (name: string) =>
  new File([readFileSync(resolve('tests/fixtures', name))], name, {
    type: 'text/csv',
  })

async function addRecipients(backend: Backend, emails: string[]) {
  const added: Subscriber[] = []
  for (const email of emails) added.push(await backend.addRecipient({ email }))
  return added
}

/** A stored recipient in another status than the `bestätigt` of one added by hand. */
async function storeRecipient(email: string, status: Subscriber['status']) {
  const now = new Date().toISOString()
  await testServer.store.transaction((tx) =>
    tx.insertSubscriber({
      id: crypto.randomUUID(),
      email,
      name: '',
      organisation: '',
      status,
      consentVersion: status === 'pending' ? '2026-12-01' : null,
      requestedAt: now,
      confirmedAt: status === 'pending' ? null : now,
      unsubscribedAt: status === 'unsubscribed' ? now : null,
    }),
  )
}

const table = () => screen.findByRole('table', { name: /Empfänger$/ })
const rowHeaders = async () =>
  within(await table())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)

describe('Empfänger: wer die Liste sieht', () => {
  it('Gestaltung hat keinen Menüpunkt und bekommt auf der Seite eine klare Absage', async () => {
    await addRecipients(await backendAs('editor'), ['a@beispiel.de'])
    await renderApp({ route: '/empfaenger', as: 'designer' })
    expect(
      await screen.findByText('Die Empfängerliste sehen nur die Redaktion und die Dezernentin.'),
    ).toBeInTheDocument()
    const navigation = screen.getByRole('navigation', { name: 'Hauptnavigation' })
    expect(within(navigation).queryByRole('link', { name: 'Empfänger' })).not.toBeInTheDocument()
    expect(screen.queryByText('a@beispiel.de')).not.toBeInTheDocument()
  })

  it('die Dezernentin öffnet die Liste über die Navigation und sieht Anzahlen je Status', async () => {
    await addRecipients(await backendAs('editor'), ['a@beispiel.de', 'b@beispiel.de'])
    await storeRecipient('wartet@beispiel.de', 'pending')
    await storeRecipient('weg@beispiel.de', 'unsubscribed')
    await storeRecipient('kaputt@beispiel.de', 'bounced')
    const { user } = await renderApp({ route: '/ausgaben', as: 'head' })
    const navigation = await screen.findByRole('navigation', { name: 'Hauptnavigation' })
    await user.click(within(navigation).getByRole('link', { name: 'Empfänger' }))

    expect(await screen.findByRole('heading', { name: 'Empfänger', level: 1 })).toBeInTheDocument()
    const counts = await screen.findByRole('list', { name: 'Anzahl nach Status' })
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['5 insgesamt', '1 unbestätigt', '2 bestätigt', '1 abgemeldet', '1 unzustellbar'])
    expect(await rowHeaders()).toHaveLength(5)
  })
})

describe('Empfänger: suchen und filtern', () => {
  it('die Suche und der Status schränken die Liste ein, die Anzahlen bleiben die der ganzen Liste', async () => {
    await addRecipients(await backendAs('editor'), ['anna@awo-gera.de', 'bernd@caritas-gera.de'])
    await storeRecipient('carla@awo-gera.de', 'unsubscribed')
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await waitFor(async () => expect(await rowHeaders()).toHaveLength(3))

    await user.type(screen.getByLabelText('Suche nach Adresse, Name oder Organisation'), 'awo')
    await waitFor(async () =>
      expect(await rowHeaders()).toEqual(['anna@awo-gera.de', 'carla@awo-gera.de']),
    )

    await user.selectOptions(screen.getByLabelText('Status'), 'abgemeldet')
    await waitFor(async () => expect(await rowHeaders()).toEqual(['carla@awo-gera.de']))
    expect(screen.getByRole('list', { name: 'Anzahl nach Status' })).toHaveTextContent(
      '3 insgesamt',
    )

    await user.type(screen.getByLabelText('Suche nach Adresse, Name oder Organisation'), 'xyz')
    expect(await screen.findByText('Keine Empfänger gefunden.')).toBeInTheDocument()
  })

  it('eine lange Liste zeigt die ersten 100 Zeilen und auf Wunsch die nächsten', async () => {
    const emails = Array.from({ length: 130 }, (_, index) => `person${index}@beispiel.de`)
    await addRecipients(await backendAs('editor'), emails)
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await waitFor(async () => expect(await rowHeaders()).toHaveLength(100))
    expect(screen.getByText(/100 von 130 Empfängern angezeigt/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Weitere 30 anzeigen' }))
    expect(await rowHeaders()).toHaveLength(130)
    expect(screen.queryByRole('button', { name: /^Weitere/ })).not.toBeInTheDocument()
  })
})

describe('Empfänger hinzufügen', () => {
  it('prüft die Adresse mit deutschen Meldungen und trägt sie ein', async () => {
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Empfänger hinzufügen' }))
    const email = screen.getByLabelText('E-Mail-Adresse')
    expect(email).toHaveFocus()

    await user.type(email, 'anna.schaefer(at)awo-gera.de')
    await user.type(screen.getByLabelText('Name (freiwillig)'), 'Anna Schäfer')
    await user.click(screen.getByRole('button', { name: 'Hinzufügen' }))
    expect(email).toHaveAccessibleDescription(
      'Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de).',
    )
    expect(email).toHaveAttribute('aria-invalid', 'true')

    await user.clear(email)
    await user.type(email, ' Anna.Schaefer@AWO-Gera.de ')
    await user.click(screen.getByRole('button', { name: 'Hinzufügen' }))
    const notice = await screen.findByText('anna.schaefer@awo-gera.de ist hinzugefügt (bestätigt).')
    expect(notice).toHaveFocus()
    expect(await rowHeaders()).toEqual(['anna.schaefer@awo-gera.de'])
    expect(screen.getByRole('cell', { name: 'Anna Schäfer' })).toBeInTheDocument()
  })

  it('eine schon eingetragene Adresse meldet der Server am Feld, nichts Eingegebenes geht verloren', async () => {
    await addRecipients(await backendAs('editor'), ['anna@beispiel.de'])
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Empfänger hinzufügen' }))
    await user.type(screen.getByLabelText('E-Mail-Adresse'), 'ANNA@beispiel.de')
    await user.type(screen.getByLabelText('Organisation (freiwillig)'), 'AWO')
    await user.click(screen.getByRole('button', { name: 'Hinzufügen' }))
    await waitFor(() =>
      expect(screen.getByLabelText('E-Mail-Adresse')).toHaveAccessibleDescription(
        /schon eingetragen/,
      ),
    )
    expect(screen.getByLabelText('Organisation (freiwillig)')).toHaveValue('AWO')
  })

  it('eine früher gelöschte Adresse wird erst nach Rückfrage wieder eingetragen', async () => {
    const editor = await backendAs('editor')
    const [erased] = await addRecipients(editor, ['weg@beispiel.de'])
    await editor.deleteRecipient(erased!.id)
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Empfänger hinzufügen' }))
    await user.type(screen.getByLabelText('E-Mail-Adresse'), 'weg@beispiel.de')
    await user.click(screen.getByRole('button', { name: 'Hinzufügen' }))

    const dialog = await screen.findByRole('dialog', {
      name: 'Gelöschte Adresse wieder eintragen?',
    })
    expect(dialog).toHaveTextContent('weg@beispiel.de wurde früher aus der Empfängerliste gelöscht')
    // Abbrechen: nothing is stored, focus goes back to the form
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Hinzufügen' })).toHaveFocus()
    expect(await editor.listRecipients()).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Hinzufügen' }))
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Trotzdem eintragen' }),
    )
    expect(await screen.findByText('weg@beispiel.de ist hinzugefügt (bestätigt).')).toHaveFocus()
    expect((await editor.listRecipients()).map((recipient) => recipient.email)).toEqual([
      'weg@beispiel.de',
    ])
  })
})

describe('Empfänger löschen', () => {
  it('erklärt Löschung und Sperrliste, löscht nach Bestätigung und setzt den Fokus auf die Meldung', async () => {
    const editor = await backendAs('editor')
    await addRecipients(editor, ['bleibt@beispiel.de', 'geht@beispiel.de'])
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    const deleteButton = await screen.findByRole('button', { name: 'geht@beispiel.de löschen' })

    await user.click(deleteButton)
    let dialog = screen.getByRole('dialog', { name: 'geht@beispiel.de löschen?' })
    expect(dialog).toHaveTextContent('nicht rückgängig')
    expect(dialog).toHaveTextContent('Sperrliste')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(deleteButton).toHaveFocus()

    await user.click(deleteButton)
    dialog = screen.getByRole('dialog', { name: 'geht@beispiel.de löschen?' })
    await user.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }))
    expect(
      await screen.findByText(
        'geht@beispiel.de ist gelöscht. Die Adresse steht jetzt auf der Sperrliste.',
      ),
    ).toHaveFocus()
    await waitFor(async () => expect(await rowHeaders()).toEqual(['bleibt@beispiel.de']))
    expect((await editor.listRecipients()).map((recipient) => recipient.email)).toEqual([
      'bleibt@beispiel.de',
    ])
  })
})

describe('CSV-Import', () => {
  it('zeigt fehlerhafte Zeilen mit Zeilennummer, importiert nichts, und nach der Korrektur alles', async () => {
    const editor = await backendAs('editor')
    const [present, erased] = await addRecipients(editor, [
      'ines.koehler@diakonie-ostthueringen.de',
      'thomas.weiss@caritas-gera.de',
    ])
    await editor.deleteRecipient(erased!.id)
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'CSV importieren' }))

    await user.upload(
      screen.getByLabelText('CSV-Datei'),
      excelFile('empfaenger-excel-mit-fehler.csv'),
    )
    const errors = await screen.findByRole('list', { name: 'Fehlerhafte Zeilen' })
    expect(
      within(errors)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Zeile 3: Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de). („juergen.mueller(at)gera.de“)',
    ])
    expect(
      screen.getByText(/Solange eine Zeile fehlerhaft ist, wird nichts importiert/),
    ).toBeVisible()
    expect(screen.queryByRole('button', { name: /importieren$/ })).not.toBeInTheDocument()
    expect(
      screen.getByText(
        '3 Adressen gelesen (Windows-1252, Trennzeichen Semikolon), 1 fehlerhafte Zeile.',
      ),
    ).toBeVisible()
    expect(await editor.listRecipients()).toEqual([present])

    // the corrected file, saved again by Excel
    await user.upload(screen.getByLabelText('CSV-Datei'), excelFile('empfaenger-excel.csv'))
    const preview = await screen.findByRole('table', { name: /^Vorschau/ })
    expect(screen.queryByRole('list', { name: 'Fehlerhafte Zeilen' })).not.toBeInTheDocument()
    expect(
      screen.getByText(/4 Adressen gelesen \(Windows-1252, Trennzeichen Semikolon\)/),
    ).toBeVisible()
    const rows = within(preview)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent))
    expect(rows).toEqual([
      ['anna.schaefer@awo-gera.de', 'Anna Schäfer', 'AWO Kreisverband Gera e. V.', 'neu'],
      ['juergen.mueller@gera.de', 'Jürgen Müller', 'Stadtrat – Ausschuss für Soziales', 'neu'],
      [
        'ines.koehler@diakonie-ostthueringen.de',
        'Ines Köhler',
        'Diakonie Ostthüringen',
        'schon vorhanden',
      ],
      [
        'thomas.weiss@caritas-gera.de',
        'Thomas Weiß',
        'Caritas „Regionalstelle Gera“',
        'gelöscht (gesperrt)',
      ],
    ])
    expect(await editor.listRecipients()).toEqual([present])

    await user.click(screen.getByRole('button', { name: '2 Empfänger importieren' }))
    const summary = await screen.findByRole('heading', { name: 'Import abgeschlossen' })
    expect(summary.parentElement).toHaveFocus()
    expect(summary.parentElement).toHaveTextContent(
      'Aus „empfaenger-excel.csv“ sind 2 Adressen neu in der Empfängerliste. 1 Adresse war schon vorhanden und bleibt unverändert. 1 Adresse steht auf der Sperrliste und wurde nicht importiert.',
    )
    await waitFor(async () =>
      expect(await rowHeaders()).toEqual(
        expect.arrayContaining(['anna.schaefer@awo-gera.de', 'juergen.mueller@gera.de']),
      ),
    )
    expect(screen.getByRole('cell', { name: 'Jürgen Müller' })).toBeInTheDocument()
    expect((await editor.listRecipients()).map((recipient) => recipient.email).sort()).toEqual([
      'anna.schaefer@awo-gera.de',
      'ines.koehler@diakonie-ostthueringen.de',
      'juergen.mueller@gera.de',
    ])

    await user.click(screen.getByRole('button', { name: 'Schließen' }))
    expect(screen.getByRole('button', { name: 'CSV importieren' })).toHaveFocus()
  })

  it('eine zu große Datei wird vor dem Hochladen mit deutscher Meldung abgelehnt', async () => {
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'CSV importieren' }))
    const big = new File([new Uint8Array(1_600_000).fill(0x61)], 'riesig.csv', {
      type: 'text/csv',
    })
    await user.upload(screen.getByLabelText('CSV-Datei'), big)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '„riesig.csv“ ist zu groß: höchstens 1,5 MB.',
    )
  })
})

describe('CSV-Export', () => {
  const downloads = captureDownloads()

  it('lädt die Liste als CSV herunter', async () => {
    await backendAs('editor').then((editor) =>
      editor.addRecipient({ email: 'anna@awo-gera.de', name: 'Anna Schäfer' }),
    )
    const { user } = await renderApp({ route: '/empfaenger', as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Als CSV exportieren' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]!.name).toMatch(/^empfaenger-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await downloads[0]!.blob.text()
    expect(text).toContain('anna@awo-gera.de')
    expect(text).toContain('Anna Schäfer')
  })
})
