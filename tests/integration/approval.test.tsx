import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { http } from 'msw'
import { describe, expect, it, onTestFinished } from 'vitest'
import { ApiError } from '../../src/backend/api-error'
import type { Backend } from '../../src/backend/backend'
import { can, type Permission } from '../../src/domain/permissions'
import type { WorkflowAction } from '../../src/domain/workflow'
import { backendAs, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const issueId = 'ausgabe-2018-08'

const days = (count: number) => new Date(Date.now() + count * 86_400_000)

async function extendDeadline() {
  const head = await backendAs('head')
  const issue = await head.getIssue(issueId)
  return head.updateIssue(issueId, {
    version: issue.version,
    deadline: days(5).toISOString(),
    plannedSendDate: days(7).toISOString().slice(0, 10),
  })
}

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

/** The issue with a future deadline, submitted by the Redaktion. */
async function submittedIssue({ withAltTexts }: { withAltTexts: boolean }) {
  const issue = await extendDeadline()
  if (withAltTexts) await fixAltTexts()
  return (await backendAs('editor')).submitIssue(issueId, { version: issue.version })
}

/** The issue submitted and approved by the Dezernentin (the spelling warning acknowledged). */
async function approvedIssue() {
  const submitted = await submittedIssue({ withAltTexts: true })
  return (await backendAs('head')).approveIssue(issueId, {
    version: submitted.version,
    acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
  })
}

const panel = () => screen.getByRole('region', { name: 'Freigabe' })

/** "Zur Freigabe einreichen …", then the confirmation, whatever the checks still find. */
async function submitThroughDialog(user: UserEvent) {
  const opener = await screen.findByRole('button', { name: 'Zur Freigabe einreichen …' })
  // enabled once the checks the question lists have run
  await waitFor(() => expect(opener).toBeEnabled())
  await user.click(opener)
  const dialog = await screen.findByRole('dialog', { name: /zur Freigabe einreichen\?$/ })
  await user.click(
    await within(dialog).findByRole('button', { name: /^(Trotzdem einreichen|Einreichen)$/ }),
  )
}

describe('Freigabe vor dem Redaktionsschluss', () => {
  it('Redaktion reicht ein, Dezernentin fordert Änderungen an, Redaktion korrigiert, Dezernentin gibt frei', async () => {
    let view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    expect(await screen.findByText(/Der Redaktionsschluss ist vorbei/)).toBeInTheDocument()
    expect(
      screen.queryByRole('button', { name: 'Zur Freigabe einreichen …' }),
    ).not.toBeInTheDocument()
    view.unmount()

    await extendDeadline()
    view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    await submitThroughDialog(view.user)
    expect(
      await within(panel()).findByText('Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.'),
    ).toBeInTheDocument()
    expect(
      await screen.findByText(
        /liegt der Dezernentin zur Freigabe vor und ist für die Redaktion gesperrt/,
      ),
    ).toBeInTheDocument()
    view.unmount()

    view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Änderungen anfordern …' }))
    const form = screen.getByRole('form', { name: 'Änderungen anfordern' })
    await view.user.click(within(form).getByRole('button', { name: 'Änderungen anfordern' }))
    expect(within(form).getByLabelText('Kommentar')).toHaveAccessibleDescription(
      'Bitte einen Kommentar angeben: Was soll die Redaktion ändern?',
    )
    await view.user.type(
      within(form).getByLabelText('Kommentar'),
      'Bitte Alternativtexte ergänzen und OTEAU prüfen.',
    )
    await view.user.click(within(form).getByRole('button', { name: 'Änderungen anfordern' }))
    expect(
      await screen.findByRole('heading', { name: 'Änderungen angefordert' }),
    ).toBeInTheDocument()
    view.unmount()

    await fixAltTexts()
    view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    expect(
      await screen.findByText('Bitte Alternativtexte ergänzen und OTEAU prüfen.'),
    ).toBeInTheDocument()
    await submitThroughDialog(view.user)
    await within(panel()).findByText('Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.')
    view.unmount()

    view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const checks = await screen.findByRole('region', { name: 'Prüfungen' })
    await waitFor(() =>
      expect(checks).toHaveTextContent(
        '„OTEAU“ ähnelt „OTEGAU“ (4× in dieser Ausgabe) – Schreibweise prüfen.',
      ),
    )
    expect(within(checks).getByRole('link', { name: 'Zum Beitrag' })).toHaveAttribute(
      'href',
      '/beitraege/beitrag-07-ministerin?feld=Text',
    )
    const approve = within(checks).getByRole('button', { name: 'Freigeben' })
    expect(approve).toHaveAttribute('aria-disabled', 'true')
    await view.user.click(approve)
    expect(testServer.store.snapshot().issues[0]?.status).toBe('in_review')
    await view.user.click(within(checks).getByLabelText('Zur Kenntnis genommen'))
    expect(approve).not.toHaveAttribute('aria-disabled')
    await view.user.click(approve)
    expect(await within(panel()).findByText('Die Ausgabe ist freigegeben.')).toBeInTheDocument()
    expect(testServer.store.snapshot().issues[0]?.approval?.approvedBy).toBe('sandra-wanzar')
    const history = within(panel()).getByRole('region', { name: 'Verlauf' })
    await waitFor(() => expect(history).toHaveTextContent('Freigegeben'))
    expect(history).toHaveTextContent(
      'Änderungen angefordert – Bitte Alternativtexte ergänzen und OTEAU prüfen.',
    )
    expect(history).toHaveTextContent('Redaktionsschluss geändert – 13. August 2018, 12:00 Uhr →')
  })

  it('eine Änderung nach der Freigabe nimmt sie sichtbar zurück; die Dezernentin sieht, was sich geändert hat', async () => {
    await approvedIssue()
    const editor = await backendAs('editor')
    const article = await editor.getArticle('beitrag-07-ministerin')
    await editor.updateArticle(article.id, {
      version: article.version,
      body: {
        type: 'doc',
        content: article.body.content.map((block) =>
          block.type === 'paragraph'
            ? {
                ...block,
                content: (block.content ?? []).map((node) =>
                  node.type === 'text'
                    ? { ...node, text: node.text.replace('OTEAU', 'OTEGAU') }
                    : node,
                ),
              }
            : block,
        ),
      },
    })
    // the Redaktion's change put the issue back into Bearbeitung; it submits again
    const reopened = await editor.getIssue(issueId)
    expect(reopened.status).toBe('draft')
    await editor.submitIssue(issueId, { version: reopened.version })

    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const changes = await screen.findByRole('region', { name: 'Seit Freigabe geändert' })
    expect(changes).toHaveTextContent(
      '„Ministerin besucht soziale Einrichtungen in Gera“: 1 Wort hinzugefügt, 1 entfernt.',
    )
    expect(changes).toHaveTextContent(
      'Neu: „OTEGAU-Geschäftsführerin“. Entfernt: „OTEAU-Geschäftsführerin“.',
    )
    const checks = await screen.findByRole('region', { name: 'Prüfungen' })
    await waitFor(() => expect(checks).toHaveTextContent('Alle Prüfungen bestanden.'))
    await view.user.click(within(checks).getByRole('button', { name: 'Freigeben' }))
    expect(await within(panel()).findByText('Die Ausgabe ist freigegeben.')).toBeInTheDocument()
    const history = within(panel()).getByRole('region', { name: 'Verlauf' })
    await waitFor(() =>
      expect(history).toHaveTextContent(
        'Freigabe zurückgenommen (Inhalt geändert) – Beitrag „Ministerin besucht soziale Einrichtungen in Gera“ geändert',
      ),
    )
  })

  it('schließt ein gleich danach geöffnetes Formular nicht, während die Ausgabe neu geladen wird', async () => {
    await submittedIssue({ withAltTexts: true })
    // after the approval every reload of the issue waits until the test lets it through
    let approved = false
    let reloaded = 0
    const held: (() => void)[] = []
    testServer.server.use(
      http.post(`${testServer.apiBaseUrl}/issues/:id/approve`, () => {
        approved = true
      }),
      http.get(`${testServer.apiBaseUrl}/issues/:id`, async () => {
        if (!approved) return
        await new Promise<void>((release) => held.push(release))
        reloaded++
      }),
    )
    onTestFinished(() => held.forEach((release) => release()))
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const checks = await screen.findByRole('region', { name: 'Prüfungen' })
    await waitFor(() => expect(checks).toHaveTextContent('Schreibweise prüfen'))
    await view.user.click(within(checks).getByLabelText('Zur Kenntnis genommen'))
    await view.user.click(within(checks).getByRole('button', { name: 'Freigeben' }))
    // the answer of the approval is shown at once, not after the reload
    expect(await within(panel()).findByText('Die Ausgabe ist freigegeben.')).toBeInTheDocument()
    await waitFor(() => expect(held.length).toBeGreaterThan(0))

    // she changes her mind while the reload is still under way
    await view.user.click(within(panel()).getByRole('button', { name: 'Änderungen anfordern …' }))
    const form = screen.getByRole('form', { name: 'Änderungen anfordern' })
    await view.user.type(within(form).getByLabelText('Kommentar'), 'Doch noch das Foto tauschen.')
    held.splice(0).forEach((release) => release())
    await waitFor(() => expect(reloaded).toBeGreaterThan(0))
    // time for the answer of the reload to arrive and everything waiting for it to run
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(screen.getByRole('form', { name: 'Änderungen anfordern' })).toBeInTheDocument()
    expect(within(form).getByLabelText('Kommentar')).toHaveValue('Doch noch das Foto tauschen.')
  })
})

describe('Dezernentin nach dem Redaktionsschluss', () => {
  const extendHint =
    'Der Redaktionsschluss ist vorbei. Die Redaktion kann erst wieder einreichen, wenn Sie ihn unter „Ausgabe bearbeiten“ verlängern. Sie selbst können die Ausgabe auch jetzt einreichen.'

  it('sagt ihr, dass sie den Redaktionsschluss verlängern kann, und spricht sie beim Einreichen selbst an', async () => {
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const workflow = await screen.findByRole('region', { name: 'Freigabe' })
    expect(await within(workflow).findByText(extendHint)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Ausgabe bearbeiten' })).toBeInTheDocument()
    const checks = within(workflow).getByRole('region', { name: 'Prüfungen' })
    await waitFor(() =>
      expect(checks).toHaveTextContent(
        'Fehler verhindern die Freigabe; Warnungen nehmen Sie bei der Freigabe zur Kenntnis.',
      ),
    )

    const opener = await screen.findByRole('button', { name: 'Zur Freigabe einreichen …' })
    await waitFor(() => expect(opener).toBeEnabled())
    await user.click(opener)
    const dialog = await screen.findByRole('dialog', { name: /zur Freigabe einreichen\?$/ })
    expect(dialog).toHaveTextContent(
      'Fehler müssen behoben sein, bevor Sie freigeben können; Warnungen nehmen Sie bei der Freigabe zur Kenntnis.',
    )
    expect(dialog).toHaveTextContent(
      'Danach ist die Ausgabe für die Redaktion gesperrt, bis Sie sie freigeben oder Änderungen anfordern.',
    )
    expect(dialog).not.toHaveTextContent(/Dezernentin/)
    await user.click(within(dialog).getByRole('button', { name: 'Trotzdem einreichen' }))
    expect(
      await within(panel()).findByText(
        'Die Ausgabe liegt jetzt zur Freigabe vor. Sie können sie hier prüfen und freigeben.',
      ),
    ).toBeInTheDocument()
    expect(within(panel()).queryByText(extendHint)).not.toBeInTheDocument()
  })

  it('zeigt den Hinweis nicht mehr, sobald der Redaktionsschluss verlängert ist', async () => {
    await extendDeadline()
    await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    await screen.findByRole('button', { name: 'Zur Freigabe einreichen …' })
    expect(screen.queryByText(/Der Redaktionsschluss ist vorbei/)).not.toBeInTheDocument()
  })
})

describe('Lesen, was freigegeben wird', () => {
  const replaceInArticle = async (articleId: string, from: string, to: string) => {
    const editor = await backendAs('editor')
    const article = await editor.getArticle(articleId)
    return editor.updateArticle(articleId, {
      version: article.version,
      body: {
        type: 'doc',
        content: article.body.content.map((block) =>
          block.type === 'paragraph'
            ? {
                ...block,
                content: (block.content ?? []).map((node) =>
                  node.type === 'text' ? { ...node, text: node.text.replace(from, to) } : node,
                ),
              }
            : block,
        ),
      },
    })
  }

  it('zeigt jeden Beitrag ganz neben den Prüfungen und gibt genau den angezeigten Stand frei', async () => {
    await submittedIssue({ withAltTexts: true })

    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const content = await screen.findByRole('region', { name: 'Inhalt zur Freigabe' })
    expect(within(content).getAllByRole('article')).toHaveLength(10)
    const ministerin = within(content).getByRole('article', {
      name: 'Ministerin besucht soziale Einrichtungen in Gera',
    })
    expect(ministerin).toHaveTextContent(
      'Im Rahmen ihrer Sommertour hat die Thüringer Sozialministerin',
    )
    expect(within(ministerin).getByRole('img', { name: 'Gesprächsrunde' })).toBeInTheDocument()
    expect(ministerin).toHaveTextContent('Foto: OTEGAU GmbH')

    // someone changes the content after the page was loaded: approving what is shown is refused
    const head = await backendAs('head')
    const article = await head.getArticle('beitrag-02-sozialplan')
    await head.updateArticle(article.id, {
      version: article.version,
      headline: 'Sozialplan beschlossen',
    })
    const checks = screen.getByRole('region', { name: 'Prüfungen' })
    await view.user.click(await within(checks).findByLabelText('Zur Kenntnis genommen'))
    await view.user.click(within(checks).getByRole('button', { name: 'Freigeben' }))
    expect(await within(panel()).findByRole('alert')).toHaveTextContent(
      'Der Inhalt der Ausgabe, ihr Layout oder ihr Impressum hat sich geändert, während Sie sie geprüft haben.',
    )
    expect(testServer.store.snapshot().issues[0]?.status).toBe('in_review')
    expect(
      await within(content).findByRole('heading', { name: 'Sozialplan beschlossen', level: 4 }),
    ).toBeInTheDocument()

    await view.user.click(within(checks).getByRole('button', { name: 'Freigeben' }))
    expect(await within(panel()).findByText('Die Ausgabe ist freigegeben.')).toBeInTheDocument()
    const approval = testServer.store.snapshot().issues[0]?.approval
    expect(approval?.content.articles.map((entry) => entry.headline)).toContain(
      'Sozialplan beschlossen',
    )
  })

  it('nennt unter „Seit Freigabe geändert“ und „Geändert seit Ihrer Rückgabe“ auch Impressum und Layout', async () => {
    const approved = await approvedIssue()
    const head = await backendAs('head')
    const editor = await backendAs('editor')
    const designer = await backendAs('designer')
    const reopened = await head.reopenIssue(issueId, { version: approved.version })
    const publication = await designer.getPublication()
    const recoloured = await designer.updateLayout({
      version: publication.version,
      layout: { ...publication.layout, accentColor: '#8a1538' },
    })
    const { version: _version, updatedAt: _updatedAt, ...content } = recoloured
    await editor.updatePublication({
      ...content,
      version: recoloured.version,
      impressum: { ...content.impressum, phone: '0365/838-9999' },
    })
    const resubmitted = await editor.submitIssue(issueId, { version: reopened.version })

    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const sinceApproval = await screen.findByRole('region', { name: 'Seit Freigabe geändert' })
    expect(
      await within(sinceApproval).findByText(/^Geändert: Impressum, Layout\./),
    ).toBeInTheDocument()
    expect(within(sinceApproval).getByRole('link', { name: 'Vorschau' })).toHaveAttribute(
      'href',
      `/ausgaben/${issueId}/vorschau`,
    )
    view.unmount()

    // sent back, and the layout changes again before the resubmission
    const sentBack = await head.requestChanges(issueId, {
      version: resubmitted.version,
      comment: 'Bitte die alte Farbe.',
    })
    const current = await designer.getPublication()
    await designer.updateLayout({
      version: current.version,
      layout: { ...current.layout, accentColor: publication.layout.accentColor },
    })
    await editor.submitIssue(issueId, { version: sentBack.version })
    await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const sinceReturn = await screen.findByRole('region', { name: 'Geändert seit Ihrer Rückgabe' })
    expect(await within(sinceReturn).findByText(/^Geändert: Layout\./)).toBeInTheDocument()
  })

  it('sagt vor dem Umbenennen einer freigegebenen Ausgabe, dass die Freigabe zurückgeht, und nimmt sie zurück', async () => {
    await approvedIssue()
    const { user } = await renderApp({ route: `/ausgaben/${issueId}`, as: 'editor' })
    await user.click(await screen.findByRole('button', { name: 'Ausgabe bearbeiten' }))
    const form = await screen.findByRole('form', { name: 'Ausgabe bearbeiten' })
    expect(within(form).getByRole('note')).toHaveTextContent(
      /Ändern Sie sie, wird die Freigabe zurückgenommen\./,
    )
    const label = within(form).getByLabelText('Titel der Ausgabe')
    await user.clear(label)
    await user.type(label, 'August 2018 (Sonderausgabe)')
    await user.click(within(form).getByRole('button', { name: 'Speichern' }))
    await waitFor(() =>
      expect(testServer.store.snapshot().issues[0]).toMatchObject({
        label: 'August 2018 (Sonderausgabe)',
        status: 'draft',
        approval: null,
      }),
    )
  })

  it('gibt Kopf, Impressum und Layout mit frei: eine Layoutänderung während des Lesens verlangt einen zweiten Blick', async () => {
    await submittedIssue({ withAltTexts: true })
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const checks = await screen.findByRole('region', { name: 'Prüfungen' })
    await view.user.click(await within(checks).findByLabelText('Zur Kenntnis genommen'))
    expect(
      within(checks).getByText(/mit Kopf, Impressum und Layout, wie die Vorschau sie zeigt/),
    ).toBeInTheDocument()

    // Gestaltung saves another accent colour while the Dezernentin reads
    const designer = await backendAs('designer')
    const publication = await designer.getPublication()
    await designer.updateLayout({
      version: publication.version,
      layout: { ...publication.layout, accentColor: '#8a1538' },
    })
    await view.user.click(within(checks).getByRole('button', { name: 'Freigeben' }))
    expect(await within(panel()).findByRole('alert')).toHaveTextContent(/ihr Layout/)
    expect(testServer.store.snapshot().issues[0]?.status).toBe('in_review')

    // the page has loaded the new settings and shows them beside the button: the second
    // approval covers them
    const settings = screen.getByRole('region', { name: 'Kopf, Impressum und Layout' })
    expect(await within(settings).findByText(/Akzentfarbe #8a1538/)).toBeInTheDocument()
    expect(settings).toHaveTextContent('Tel. 0365/838-3010')
    await view.user.click(within(checks).getByRole('button', { name: 'Freigeben' }))
    expect(await within(panel()).findByText('Die Ausgabe ist freigegeben.')).toBeInTheDocument()
    expect(
      testServer.store.snapshot().issues[0]?.approval?.content.publication?.layout.accentColor,
    ).toBe('#8a1538')
  })

  it('zeigt nach dem erneuten Einreichen, was sich seit der Rückgabe geändert hat', async () => {
    const issue = await extendDeadline()
    const submitted = await (
      await backendAs('editor')
    ).submitIssue(issueId, {
      version: issue.version,
    })
    const sentBack = await (
      await backendAs('head')
    ).requestChanges(issueId, {
      version: submitted.version,
      comment: 'Bitte OTEAU korrigieren.',
    })
    await fixAltTexts()
    await replaceInArticle('beitrag-07-ministerin', 'OTEAU', 'OTEGAU')
    await (await backendAs('editor')).submitIssue(issueId, { version: sentBack.version })

    await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const changes = await screen.findByRole('region', { name: 'Geändert seit Ihrer Rückgabe' })
    expect(changes).toHaveTextContent(
      /Zurückgegeben von Sandra Wanzar am .*\. Ihr Kommentar: „Bitte OTEAU korrigieren\.“/,
    )
    expect(changes).toHaveTextContent(
      '„Ministerin besucht soziale Einrichtungen in Gera“: 1 Wort hinzugefügt, 1 entfernt. Fotos oder Bildangaben geändert.',
    )
    const text = within(changes).getByRole('list', {
      name: 'Änderungen in „Ministerin besucht soziale Einrichtungen in Gera“',
    })
    expect(within(text).getByRole('deletion')).toHaveTextContent(
      '[entfernt: OTEAU-Geschäftsführerin',
    )
    expect(within(text).getByRole('insertion')).toHaveTextContent('[neu: OTEGAU-Geschäftsführerin')
    expect(changes).toHaveTextContent('„OB Vonarb besucht Behördennetzwerk Asyl“')
    expect(screen.queryByRole('region', { name: 'Seit Freigabe geändert' })).not.toBeInTheDocument()
  })
})

describe('Rollen × Aktionen', () => {
  const verbs: {
    action: WorkflowAction
    permission: Permission
    button: string
    prepare: () => Promise<void>
  }[] = [
    {
      action: 'submit',
      permission: 'issue.submit',
      button: 'Zur Freigabe einreichen …',
      prepare: async () => void (await extendDeadline()),
    },
    {
      action: 'approve',
      permission: 'issue.approve',
      button: 'Freigeben',
      prepare: async () => void (await submittedIssue({ withAltTexts: true })),
    },
    {
      action: 'requestChanges',
      permission: 'issue.requestChanges',
      button: 'Änderungen anfordern …',
      prepare: async () => void (await submittedIssue({ withAltTexts: false })),
    },
    {
      action: 'reopen',
      permission: 'issue.reopen',
      button: 'Wieder öffnen …',
      prepare: async () => void (await submittedIssue({ withAltTexts: false })),
    },
    {
      action: 'publish',
      permission: 'issue.publish',
      button: 'Als versendet markieren …',
      prepare: async () => void (await approvedIssue()),
    },
    {
      action: 'unpublish',
      permission: 'issue.unpublish',
      button: 'Versand zurücknehmen …',
      prepare: async () => {
        const approved = await approvedIssue()
        await (await backendAs('editor')).publishIssue(issueId, { version: approved.version })
      },
    },
  ]
  const call = async (backend: Backend, action: WorkflowAction) => {
    const { version } = await backend.getIssue(issueId)
    const calls: Record<WorkflowAction, () => Promise<unknown>> = {
      submit: () => backend.submitIssue(issueId, { version }),
      approve: () =>
        backend.approveIssue(issueId, { version, acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'] }),
      requestChanges: () => backend.requestChanges(issueId, { version, comment: 'Bitte prüfen.' }),
      reopen: () => backend.reopenIssue(issueId, { version }),
      publish: () => backend.publishIssue(issueId, { version }),
      unpublish: () =>
        backend.unpublishIssue(issueId, { version, reason: 'Versehentlich markiert.' }),
    }
    return calls[action]().then(
      () => 'ok',
      (error: unknown) => (error instanceof ApiError ? error.status : 'fehler'),
    )
  }

  for (const verb of verbs) {
    for (const role of ['editor', 'head', 'designer'] as const) {
      const allowed = can(role, verb.permission)
      it(`${verb.action} als ${role}: ${allowed ? 'erlaubt' : '403 und kein Knopf'}`, async () => {
        await verb.prepare()
        const view = await renderApp({ route: `/ausgaben/${issueId}`, as: role })
        await screen.findByRole('region', { name: 'Verlauf' })
        if (allowed)
          expect(await screen.findByRole('button', { name: verb.button })).toBeInTheDocument()
        else expect(screen.queryByRole('button', { name: verb.button })).not.toBeInTheDocument()
        view.unmount()
        expect(await call(await backendAs(role), verb.action)).toBe(allowed ? 'ok' : 403)
      })
    }
  }
})

describe('Rollen × weitere Rechte', () => {
  const first = 'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales'
  const cases: {
    permission: Permission
    route: string
    ui: () => Promise<HTMLElement | null>
    call: (backend: Backend) => Promise<unknown>
  }[] = [
    {
      permission: 'issue.arrange',
      route: `/ausgaben/${issueId}`,
      ui: async () => {
        await screen.findByRole('list', { name: 'Inhalt der Ausgabe' })
        return screen.queryByRole('button', { name: `Nach unten: „${first}“` })
      },
      call: async (backend) => {
        const issue = await backend.getIssue(issueId)
        return backend.arrangeIssue(issueId, {
          version: issue.version,
          articleIds: [...issue.articleIds].reverse(),
        })
      },
    },
    {
      permission: 'article.write',
      route: '/beitraege/beitrag-02-sozialplan',
      ui: async () => {
        await screen.findByRole('heading', { level: 1 })
        return screen.queryByRole('textbox', { name: 'Text' })
      },
      call: (backend) =>
        backend.updateArticle('beitrag-02-sozialplan', { version: 1, headline: 'Neu' }),
    },
    {
      permission: 'issue.create',
      route: '/ausgaben',
      ui: async () => {
        await screen.findByRole('link', { name: 'August 2018' })
        return screen.queryByRole('button', { name: 'Neue Ausgabe' })
      },
      call: (backend) =>
        backend.createIssue({
          label: 'Neu',
          deadline: days(3).toISOString(),
          plannedSendDate: days(4).toISOString().slice(0, 10),
        }),
    },
    {
      permission: 'issue.extendDeadline',
      route: `/ausgaben/${issueId}`,
      ui: async () => {
        const edit =
          screen.queryByRole('button', { name: 'Ausgabe bearbeiten' }) ??
          (await screen.findByRole('button', { name: 'Ausgabe bearbeiten' }).catch(() => null))
        if (!edit) return null
        edit.click()
        const field = await screen.findByLabelText('Redaktionsschluss')
        return field.hasAttribute('readonly') ? null : field
      },
      call: async (backend) => {
        const issue = await backend.getIssue(issueId)
        return backend.updateIssue(issueId, {
          version: issue.version,
          deadline: days(3).toISOString(),
          plannedSendDate: days(4).toISOString().slice(0, 10),
        })
      },
    },
  ]

  for (const entry of cases) {
    for (const role of ['editor', 'head', 'designer'] as const) {
      const allowed = can(role, entry.permission)
      it(`${entry.permission} als ${role}: ${allowed ? 'erlaubt' : 'verweigert, im UI nicht angeboten'}`, async () => {
        const view = await renderApp({ route: entry.route, as: role })
        const control = await entry.ui()
        if (allowed) expect(control).not.toBeNull()
        else expect(control).toBeNull()
        view.unmount()
        const result = await entry.call(await backendAs(role)).then(
          () => 'ok',
          (error: unknown) => (error instanceof ApiError ? error.status : 'fehler'),
        )
        expect(result).toBe(allowed ? 'ok' : 403)
      })
    }
  }
})

describe('Wieder öffnen', () => {
  it('fragt vor dem Zurücknehmen der Freigabe, beginnt bei „Abbrechen“ und führt den Fokus zurück', async () => {
    await approvedIssue()
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    const open = await screen.findByRole('button', { name: 'Wieder öffnen …' })
    await view.user.click(open)

    const dialog = screen.getByRole('dialog', { name: '„August 2018“ wieder öffnen?' })
    expect(dialog).toHaveTextContent(
      'Die Freigabe wird zurückgenommen, und die Ausgabe geht zurück in Bearbeitung',
    )
    expect(dialog).toHaveTextContent(
      'Um sie zu versenden, muss sie erneut eingereicht und freigegeben werden.',
    )
    const cancel = within(dialog).getByRole('button', { name: 'Abbrechen' })
    expect(cancel).toHaveFocus()
    await view.user.keyboard('{Enter}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(open).toHaveFocus()
    expect(testServer.store.snapshot().issues[0]?.status).toBe('approved')

    await view.user.click(open)
    await view.user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Wieder öffnen' }),
    )
    expect(
      await within(panel()).findByText(
        'Die Freigabe ist zurückgenommen. Die Ausgabe ist wieder in Bearbeitung.',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Freigabe' })).toHaveFocus()
    expect(testServer.store.snapshot().issues[0]?.status).toBe('draft')
  })

  it('sagt bei einer eingereichten Ausgabe, dass keine Freigabe zurückgeht', async () => {
    await submittedIssue({ withAltTexts: false })
    const view = await renderApp({ route: `/ausgaben/${issueId}`, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Wieder öffnen …' }))
    const dialog = screen.getByRole('dialog', { name: '„August 2018“ wieder öffnen?' })
    expect(dialog).toHaveTextContent('Die Ausgabe liegt Ihnen zur Freigabe vor.')
    expect(dialog).not.toHaveTextContent('Die Freigabe wird zurückgenommen')
    await view.user.click(within(dialog).getByRole('button', { name: 'Wieder öffnen' }))
    expect(
      await within(panel()).findByText('Die Ausgabe ist wieder in Bearbeitung.'),
    ).toBeInTheDocument()
    expect(testServer.store.snapshot().issues[0]?.status).toBe('draft')
  })
})
