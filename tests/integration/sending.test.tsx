import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createTestServer } from '../../mocks/node'
import { berlinLocalToIso, isoToBerlinLocal } from '../../src/domain/deadline'
import { approveSeedIssue, seedIssueId } from '../fixtures/approved-issue'
import { backendAs, renderApp, setupTestServer } from '../render-app'

/** The demo backend with its Postausgang as mail server. */
const server = createTestServer({ mail: true })
setupTestServer(server)

const issuePage = `/ausgaben/${seedIssueId}`
const sendPage = `${issuePage}/versand`

async function approvedWithRecipients(addresses: string[]) {
  const head = await backendAs('head', server)
  for (const email of addresses) await head.addRecipient({ email })
  return approveSeedIssue(await backendAs('editor', server), head)
}

const recipients = (count: number) =>
  Array.from({ length: count }, (_, index) => `leser${index + 1}@example.org`)

const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name })

describe('Testversand', () => {
  it('geht vor der Freigabe von der Vorschau an bis zu fünf Adressen und nennt, was nicht ankam', async () => {
    server.refuseMail((message) =>
      message.to === 'voll@example.org'
        ? { kind: 'rejected', code: 552, response: '552 mailbox full' }
        : null,
    )
    const view = await renderApp({ route: `${issuePage}/vorschau`, as: 'editor' })
    await view.user.click(await screen.findByRole('button', { name: 'Testversand …' }))
    const testDialog = await dialog('Testversand von „August 2018“')
    const field = within(testDialog).getByLabelText('E-Mail-Adressen')
    // nobody has an address in Rundbrief: the field starts empty
    expect(field).toHaveValue('')
    await view.user.click(within(testDialog).getByRole('button', { name: 'Test senden' }))
    expect(field).toHaveAccessibleDescription(/Bitte mindestens eine E-Mail-Adresse angeben\./)
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveFocus()

    await view.user.type(
      field,
      'a@example.org, b@example.org, c@example.org, d@example.org, e@example.org, f@example.org',
    )
    await view.user.click(within(testDialog).getByRole('button', { name: 'Test senden' }))
    expect(field).toHaveAccessibleDescription(/höchstens 5 Adressen/)

    await view.user.clear(field)
    await view.user.type(field, 'redaktion@example.org{Enter}kein-at-zeichen')
    await view.user.click(within(testDialog).getByRole('button', { name: 'Test senden' }))
    expect(field).toHaveAccessibleDescription(/„kein-at-zeichen“/)
    expect(await server.outbox()).toEqual([])

    await view.user.clear(field)
    await view.user.type(field, 'redaktion@example.org{Enter}voll@example.org')
    await view.user.click(within(testDialog).getByRole('button', { name: 'Test senden' }))
    const result = within(testDialog).getAllByRole('status').at(-1)!
    expect(
      await within(result).findByText(/Gesendet an redaktion@example\.org/),
    ).toBeInTheDocument()
    expect(result).toHaveTextContent(/Betreff: \[Test\]/)
    expect(result).toHaveTextContent(/voll@example\.org: Das Postfach ist voll/)
    // the dialog stays open with the result, which has the focus (the button was disabled)
    expect(result).toHaveFocus()

    const sent = await server.outbox()
    expect(sent.map((message) => message.to)).toEqual(['redaktion@example.org'])
    expect(sent[0]?.subject).toMatch(/^\[Test\] /)
    expect((await (await backendAs('editor', server)).getIssue(seedIssueId)).status).toBe('draft')

    await view.user.click(within(testDialog).getByRole('button', { name: 'Schließen' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Testversand …' })).toHaveFocus()
    // the next test starts with the addresses of the last one
    await view.user.click(screen.getByRole('button', { name: 'Testversand …' }))
    expect(within(await dialog(/Testversand/)).getByLabelText('E-Mail-Adressen')).toHaveValue(
      'redaktion@example.org\nvoll@example.org',
    )
  })

  it('steht auch Gestaltung auf der Seite der Ausgabe offen, ohne Versandknöpfe', async () => {
    await approvedWithRecipients(recipients(2))
    const view = await renderApp({ route: issuePage, as: 'designer' })
    const panel = await screen.findByRole('region', { name: 'Versand' })
    expect(within(panel).getByRole('button', { name: 'Testversand …' })).toBeInTheDocument()
    expect(within(panel).queryByRole('button', { name: /versenden/ })).not.toBeInTheDocument()
    expect(within(panel).queryByRole('button', { name: /planen/ })).not.toBeInTheDocument()
    await view.user.click(within(panel).getByRole('button', { name: 'Testversand …' }))
    const testDialog = await dialog(/Testversand/)
    await view.user.type(within(testDialog).getByLabelText('E-Mail-Adressen'), 'grafik@example.org')
    await view.user.click(within(testDialog).getByRole('button', { name: 'Test senden' }))
    expect(
      await within(testDialog).findByText(/Gesendet an grafik@example\.org/),
    ).toBeInTheDocument()
  })
})

describe('Versand', () => {
  it('„Jetzt versenden“ bestätigt Betreff, Absender und Empfänger und zeigt den Fortschritt bis „Versendet“', async () => {
    await approvedWithRecipients(recipients(3))
    const view = await renderApp({ route: issuePage, as: 'head' })
    const panel = await screen.findByRole('region', { name: 'Versand' })
    await view.user.click(await within(panel).findByRole('button', { name: 'Jetzt versenden …' }))
    const confirm = await dialog('„August 2018“ jetzt versenden?')
    expect(await within(confirm).findByText('3 bestätigte Adressen')).toBeInTheDocument()
    expect(confirm).toHaveTextContent(/Betreff.*August 2018/)
    expect(confirm).toHaveTextContent(/Absender.*newsletter@gera\.de/)
    expect(await server.outbox()).toEqual([])

    await view.user.click(within(confirm).getByRole('button', { name: 'Jetzt versenden' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: /Versand der Ausgabe August 2018/ }),
    ).toBeInTheDocument()
    const progress = await screen.findByRole('progressbar', { name: 'Fortschritt' })
    expect(progress).toHaveAttribute('aria-valuenow', '0')
    expect(progress).toHaveAttribute('aria-valuetext', '0 von 3 Nachrichten bearbeitet (0 %)')
    expect(screen.getByText('wartend').nextElementSibling).toHaveTextContent('3')

    await server.runSendWorker()
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '100'))
    expect(progress).toHaveAttribute('aria-valuetext', '3 von 3 Nachrichten bearbeitet (100 %)')
    expect(screen.getByText('gesendet').nextElementSibling).toHaveTextContent('3')
    expect(
      await screen.findByText(
        'Der Versand ist abgeschlossen: 3 gesendet, 0 fehlgeschlagen, 0 nicht gesendet.',
      ),
    ).toHaveAttribute('role', 'status')
    expect(await screen.findByText(/Die Ausgabe ist jetzt „Versendet“/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Anhalten' })).not.toBeInTheDocument()
    const sent = await server.outbox()
    expect(sent.map((message) => message.to).sort()).toEqual(recipients(3))
  })

  it('sagt vor dem Versand, wenn sich Layout oder Impressum seit der Freigabe geändert haben', async () => {
    await approvedWithRecipients(recipients(2))
    const designer = await backendAs('designer', server)
    const publication = await designer.getPublication()
    await designer.updateLayout({
      version: publication.version,
      layout: { ...publication.layout, accentColor: '#8a1538' },
    })
    const view = await renderApp({ route: issuePage, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Jetzt versenden …' }))
    const confirm = await dialog('„August 2018“ jetzt versenden?')
    expect(await within(confirm).findByRole('note')).toHaveTextContent(
      'Seit der Freigabe geändert: Layout. Versendet wird der freigegebene Stand.',
    )
    expect(within(confirm).getByRole('button', { name: 'Jetzt versenden' })).toBeEnabled()
  })

  it('bietet nach einem Versand über Rundbrief kein „Versand zurücknehmen“ an und sagt, warum', async () => {
    const approved = await approvedWithRecipients(recipients(1))
    await (
      await backendAs('head', server)
    ).startSend(seedIssueId, {
      version: approved.version,
      fingerprint: approved.approval?.fingerprint ?? '',
    })
    await server.runSendWorker()
    const view = await renderApp({ route: issuePage, as: 'head' })
    const workflow = await screen.findByRole('region', { name: 'Freigabe' })
    expect(
      await within(workflow).findByText(
        'Diese Ausgabe wurde über Rundbrief an die Empfänger versendet; das lässt sich nicht zurücknehmen.',
      ),
    ).toBeInTheDocument()
    expect(within(workflow).queryByRole('button', { name: /Versand zurücknehmen/ })).toBeNull()
    expect(within(workflow).queryByText(/kein Arbeitsschritt vorgesehen/)).toBeNull()
    view.unmount()
  })

  it('„Versand planen“ schlägt das Erscheinungsdatum vor und plant in Berliner Zeit', async () => {
    const approved = await approvedWithRecipients(recipients(2))
    const view = await renderApp({ route: issuePage, as: 'editor' })
    // "Als versendet markieren" stays, for issues sent by other means, and says so
    expect(
      await screen.findByRole('button', { name: 'Als versendet markieren …' }),
    ).toHaveAccessibleDescription(/nur für eine Ausgabe, die auf anderem Weg versendet wurde/)
    await view.user.click(await screen.findByRole('button', { name: 'Versand planen …' }))
    const confirm = await dialog('Versand von „August 2018“ planen')
    const when = await within(confirm).findByLabelText('Zeitpunkt (Berliner Zeit)')
    expect(when).toHaveValue(`${approved.plannedSendDate}T09:00`)

    const past = isoToBerlinLocal(new Date(Date.now() - 3_600_000).toISOString())
    await view.user.clear(when)
    await view.user.type(when, past)
    await view.user.click(within(confirm).getByRole('button', { name: 'Versand planen' }))
    expect(when).toHaveAccessibleDescription(/liegt in der Vergangenheit/)

    const planned = `${approved.plannedSendDate}T07:30`
    await view.user.clear(when)
    await view.user.type(when, planned)
    await view.user.click(within(confirm).getByRole('button', { name: 'Versand planen' }))
    // Planned, she lands on the send page. The issue page's panel says "Geplant für" too, for
    // the moment before the navigation: the line is looked for on the send page only.
    expect(
      await screen.findByRole('heading', { level: 1, name: /Versand der Ausgabe August 2018/ }),
    ).toBeInTheDocument()
    expect(await screen.findByText(/^Geplant für .* an 2 Empfänger\.$/)).toBeInTheDocument()
    const [send] = await (await backendAs('editor', server)).listSends(seedIssueId)
    expect(send?.status).toBe('scheduled')
    expect(send?.scheduledAt).toBe(berlinLocalToIso(planned))
    // nothing goes out before its time
    await server.runSendWorker()
    expect(await server.outbox()).toEqual([])
  })

  it('zeigt bei 409 die Begründung des Servers und lädt neu, wenn inzwischen jemand anderes versendet', async () => {
    const approved = await approvedWithRecipients(recipients(2))
    const view = await renderApp({ route: issuePage, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Jetzt versenden …' }))
    const confirm = await dialog(/jetzt versenden\?/)
    await within(confirm).findByText('2 bestätigte Adressen')
    // meanwhile the Redaktion sends the issue from another computer
    await (
      await backendAs('editor', server)
    ).startSend(seedIssueId, {
      version: approved.version,
      fingerprint: approved.approval!.fingerprint,
    })
    await view.user.click(within(confirm).getByRole('button', { name: 'Jetzt versenden' }))
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      'Diese Ausgabe wird gerade versendet.',
    )
    // loaded anew: the confirmation says why, instead of offering the button again
    expect(await within(confirm).findByRole('note')).toHaveTextContent(
      'Diese Ausgabe wird gerade versendet.',
    )
    expect(
      within(confirm).queryByRole('button', { name: 'Jetzt versenden' }),
    ).not.toBeInTheDocument()
    await view.user.click(within(confirm).getByRole('button', { name: 'Schließen' }))
    const panel = screen.getByRole('region', { name: 'Versand' })
    expect(
      await within(panel).findByText(/Der Versand läuft: 0 von 2 gesendet\./),
    ).toBeInTheDocument()
    expect(
      within(panel).queryByRole('button', { name: 'Jetzt versenden …' }),
    ).not.toBeInTheDocument()
    expect(within(panel).getByRole('link', { name: 'Fortschritt ansehen' })).toHaveAttribute(
      'href',
      sendPage,
    )
    expect(await (await backendAs('head', server)).listSends(seedIssueId)).toHaveLength(1)
  })

  it('zeigt bei 409 nach einer Änderung am Inhalt den Grund und bietet keinen Versand mehr an', async () => {
    await approvedWithRecipients(recipients(2))
    const view = await renderApp({ route: issuePage, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Jetzt versenden …' }))
    const confirm = await dialog(/jetzt versenden\?/)
    await within(confirm).findByText('2 bestätigte Adressen')
    // meanwhile the Redaktion changes a photo: the approval no longer holds
    const editor = await backendAs('editor', server)
    const article = await editor.getArticle('beitrag-03-behoerdennetzwerk')
    await editor.updateArticle(article.id, {
      version: article.version,
      photos: article.photos.map((photo) => ({ ...photo, alt: 'Runde im Rathaus' })),
    })
    await view.user.click(within(confirm).getByRole('button', { name: 'Jetzt versenden' }))
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      /Jemand anderes hat diesen Stand inzwischen geändert/,
    )
    expect(await within(confirm).findByRole('note')).toHaveTextContent(
      'Nur eine freigegebene Ausgabe kann versendet werden.',
    )
    await view.user.click(within(confirm).getByRole('button', { name: 'Schließen' }))
    const panel = screen.getByRole('region', { name: 'Versand' })
    await waitFor(() =>
      expect(
        within(panel).queryByRole('button', { name: 'Jetzt versenden …' }),
      ).not.toBeInTheDocument(),
    )
    expect(await (await backendAs('head', server)).listSends(seedIssueId)).toEqual([])
  })

  it('hält mit „Anhalten“ an, setzt mit „Fortsetzen“ fort und nennt fehlgeschlagene Adressen mit Grund', async () => {
    server.refuseMail((message) =>
      message.to === 'leser1@example.org'
        ? { kind: 'rejected', code: 550, response: '550 no such user' }
        : message.to === 'leser2@example.org'
          ? { kind: 'rejected', code: 451, response: '451 greylisted' }
          : null,
    )
    await approvedWithRecipients(recipients(4))
    const view = await renderApp({ route: issuePage, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Jetzt versenden …' }))
    const confirm = await dialog(/jetzt versenden\?/)
    await within(confirm).findByText('4 bestätigte Adressen')
    await view.user.click(within(confirm).getByRole('button', { name: 'Jetzt versenden' }))

    const hold = await screen.findByRole('button', { name: 'Anhalten' })
    await view.user.click(hold)
    expect(await screen.findByText('Der Versand ist angehalten.')).toHaveAttribute('role', 'status')
    const resume = screen.getByRole('button', { name: 'Fortsetzen' })
    expect(resume).toHaveFocus()
    await server.runSendWorker()
    expect(await server.outbox()).toEqual([])

    await view.user.click(resume)
    expect(await screen.findByText('Der Versand läuft.')).toBeInTheDocument()
    await server.runSendWorker()
    const failures = await screen.findByRole('table')
    const permanent = await within(failures).findByRole('row', { name: /leser1@example\.org/ })
    expect(permanent).toHaveTextContent(/endgültig fehlgeschlagen/)
    expect(permanent).toHaveTextContent(/Das Postfach existiert nicht/)
    const temporary = within(failures).getByRole('row', { name: /leser2@example\.org/ })
    expect(temporary).toHaveTextContent(/wird erneut versucht/)
    expect(temporary).toHaveTextContent(/vorübergehend abgelehnt/)
    const progress = screen.getByRole('progressbar', { name: 'Fortschritt' })
    await waitFor(() =>
      expect(progress).toHaveAttribute('aria-valuetext', '3 von 4 Nachrichten bearbeitet (75 %)'),
    )
    // the live region speaks of the state, not of every count: it has not changed
    expect(screen.getByText('Der Versand läuft.')).toHaveAttribute('role', 'status')
    expect(screen.getByText('fehlgeschlagen').nextElementSibling).toHaveTextContent('1')
    expect(screen.getByText('wartend').nextElementSibling).toHaveTextContent('1')
  })

  it('zeigt Gestaltung keinen Versand', async () => {
    await approvedWithRecipients(recipients(1))
    await renderApp({ route: sendPage, as: 'designer' })
    expect(
      await screen.findByText(
        'Nur die Redaktion und die Dezernentin dürfen eine Ausgabe versenden.',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Anhalten' })).not.toBeInTheDocument()
  })
})

describe('Postausgang (Demo)', () => {
  it('fragt für Gestaltung, die keine Adressen sieht, den Postausgang gar nicht erst ab', async () => {
    const requests: string[] = []
    server.server.events.on('request:start', ({ request }) => {
      requests.push(new URL(request.url).pathname)
    })
    try {
      await renderApp({ route: '/ausgaben', as: 'designer' })
      expect(await screen.findByRole('link', { name: 'August 2018' })).toBeInTheDocument()
      const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' })
      expect(within(nav).getByRole('link', { name: 'Archiv' })).toBeInTheDocument()
      expect(
        within(nav).queryByRole('link', { name: 'Postausgang (Demo)' }),
      ).not.toBeInTheDocument()
      expect(requests.some((path) => path.endsWith('/issues'))).toBe(true)
      expect(requests.filter((path) => path.endsWith('/outbox'))).toEqual([])
    } finally {
      server.server.events.removeAllListeners()
    }
  })

  it('listet, was gesendet wurde, und zeigt jede Nachricht mit Textfassung und Kopfzeilen', async () => {
    const editor = await backendAs('editor', server)
    await editor.testSendIssue(seedIssueId, { addresses: ['redaktion@example.org'] })
    const view = await renderApp({ route: '/ausgaben', as: 'editor' })
    const nav = await screen.findByRole('navigation', { name: 'Hauptnavigation' })
    await view.user.click(await within(nav).findByRole('link', { name: 'Postausgang (Demo)' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Postausgang (Demo)' }),
    ).toBeInTheDocument()
    const row = await screen.findByRole('row', { name: /redaktion@example\.org/ })
    expect(row).toHaveTextContent(/\[Test\]/)
    // each of the buttons says which message it opens
    expect(within(row).getByRole('button')).toHaveAccessibleName(
      /^Nachricht an redaktion@example\.org ansehen: \[Test\] /,
    )
    await view.user.click(within(row).getByRole('button', { name: /ansehen/ }))
    const message = await screen.findByRole('region', { name: /^\[Test\]/ })
    const frame = within(message).getByTitle('E-Mail an redaktion@example.org')
    // no scripts; its links open in a new tab, as from a mail program
    expect(frame).toHaveAttribute(
      'sandbox',
      'allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    )
    expect(frame.getAttribute('srcdoc')).toMatch(/August 2018/)
    expect(frame.getAttribute('srcdoc')).toContain('<base target="_blank">')
    expect(within(message).getByText('Textfassung')).toBeInTheDocument()
    expect(within(message).getByText('Message-ID')).toBeInTheDocument()
  })
})
