import { simpleParser } from 'mailparser'
import { beforeEach, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import { contentFingerprint } from '../../src/domain/fingerprint'
import type { Issue } from '../../src/domain/issue'
import type { Publication } from '../../src/domain/publication'
import { rejection } from './rejection'
import type { MailTarget } from './versand-contract'

export interface ApprovedSettingsContext {
  editor: () => Backend
  head: () => Backend
  designer: () => Backend
  mail: MailTarget
  /** The seed issue with its Redaktionsschluss ahead and its alt texts written, not submitted. */
  prepareSeedIssue: () => Promise<Issue>
}

const issueId = 'ausgabe-2018-08'
const approvedColour = '#8a1538'
const laterColour = '#1d5e20'
const laterPhone = '0365/838-9999'

const withoutMeta = ({ version: _version, updatedAt: _updatedAt, ...content }: Publication) =>
  content

/**
 * The approval covers the masthead, the Impressum and the layout as well as the articles: what
 * the Dezernentin approved is what goes out, also when Gestaltung changes the layout afterwards.
 */
export function defineApprovedSettingsContract(context: () => ApprovedSettingsContext) {
  let c: ApprovedSettingsContext
  beforeEach(() => {
    c = context()
  })

  it('gibt Kopf, Impressum und Layout mit frei: spätere Änderungen gehen erst nach einer neuen Freigabe hinaus', async () => {
    let issue = await c.prepareSeedIssue()
    issue = await c.editor().submitIssue(issueId, { version: issue.version })
    const acknowledgedWarnings = ['spelling:OTEAU:OTEGAU']
    const articles = await c.head().listArticles({ issueId })
    const read = await c.head().getPublication()
    const readPrint = await contentFingerprint(issue, articles, read)

    // Gestaltung changes the accent colour while the Dezernentin reads: what she read is stale
    const recoloured = await c.designer().updateLayout({
      version: read.version,
      layout: { ...read.layout, accentColor: approvedColour },
    })
    const stale = await rejection(
      c.head().approveIssue(issueId, {
        version: issue.version,
        acknowledgedWarnings,
        fingerprint: readPrint,
      }),
      409,
    )
    expect(stale.message).toMatch(/Layout/)
    const approved = await c.head().approveIssue(issueId, {
      version: issue.version,
      acknowledgedWarnings,
      fingerprint: await contentFingerprint(issue, articles, recoloured),
    })
    expect(approved.approval?.content.publication?.layout.accentColor).toBe(approvedColour)

    // after the approval: another colour and another telephone number in the Impressum
    const later = await c.designer().updateLayout({
      version: recoloured.version,
      layout: { ...recoloured.layout, accentColor: laterColour },
    })
    const content = withoutMeta(later)
    await c.editor().updatePublication({
      ...content,
      version: later.version,
      impressum: { ...content.impressum, phone: laterPhone },
    })
    const stillApproved = await c.head().getIssue(issueId)
    expect(stillApproved.status).toBe('approved')
    expect(stillApproved.approval?.fingerprint).toBe(approved.approval?.fingerprint)

    // the Outlook draft and the send are the approved issue
    const draft = await simpleParser(await (await c.editor().downloadIssueEmail(issueId)).text())
    expect(draft.html).toMatch(new RegExp(approvedColour, 'i'))
    expect(draft.html).not.toMatch(new RegExp(laterColour, 'i'))
    expect(draft.text).toContain(read.impressum.phone)
    expect(draft.text).not.toContain(laterPhone)

    await c.editor().addRecipient({ email: 'leserin@example.org' })
    const send = await c.head().startSend(issueId, {
      version: stillApproved.version,
      fingerprint: approved.approval?.fingerprint ?? '',
    })
    await c.mail.settle(async () => (await c.head().getSend(send.id)).status === 'done')
    const [received] = (await c.mail.received()).filter((mail) => mail.to === 'leserin@example.org')
    expect(received?.html).toMatch(new RegExp(approvedColour, 'i'))
    expect(received?.html).not.toMatch(new RegExp(laterColour, 'i'))
    expect(received?.text).toContain(read.impressum.phone)
    expect(received?.text).not.toContain(laterPhone)

    // the archive page, stored when the send made the issue versendet, too
    const archive = await c.editor().getIssueArchive(issueId)
    expect(archive?.publishedAt).not.toBeNull()
    const page = await c.head().getArchivePage(archive?.slug ?? '')
    expect(page).toMatch(new RegExp(approvedColour, 'i'))
    expect(page).not.toMatch(new RegExp(laterColour, 'i'))
    expect(page).toContain(read.impressum.phone)
    expect(page).not.toContain(laterPhone)
  })

  it('nimmt nach dem Wiederöffnen und einer neuen Freigabe die dann geltenden Einstellungen', async () => {
    let issue = await c.prepareSeedIssue()
    issue = await c.editor().submitIssue(issueId, { version: issue.version })
    const acknowledgedWarnings = ['spelling:OTEAU:OTEGAU']
    const approveNow = async (current: Issue) =>
      c.head().approveIssue(issueId, {
        version: current.version,
        acknowledgedWarnings,
        fingerprint: await contentFingerprint(
          current,
          await c.head().listArticles({ issueId }),
          await c.head().getPublication(),
        ),
      })
    const first = await approveNow(issue)
    const publication = await c.designer().getPublication()
    await c.designer().updateLayout({
      version: publication.version,
      layout: { ...publication.layout, accentColor: laterColour },
    })
    const reopened = await c.head().reopenIssue(issueId, { version: first.version })
    const resubmitted = await c.editor().submitIssue(issueId, { version: reopened.version })
    const second = await approveNow(resubmitted)
    expect(second.approval?.content.publication?.layout.accentColor).toBe(laterColour)
    expect(second.approval?.fingerprint).not.toBe(first.approval?.fingerprint)
    const draft = await simpleParser(await (await c.editor().downloadIssueEmail(issueId)).text())
    expect(draft.html).toMatch(new RegExp(laterColour, 'i'))
  })

  it('nimmt die Freigabe zurück, wenn sich die Bezeichnung ändert, nicht bei einem Erscheinungsdatum, das die Ausgabe nicht nennt', async () => {
    let issue = await c.prepareSeedIssue()
    issue = await c.editor().submitIssue(issueId, { version: issue.version })
    const approved = await c.head().approveIssue(issueId, {
      version: issue.version,
      acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
      fingerprint: await contentFingerprint(
        issue,
        await c.head().listArticles({ issueId }),
        await c.head().getPublication(),
      ),
    })
    expect(approved.approval?.content.publication?.layout.mastheadIssueLine).toBe(false)

    // the masthead does not name the Erscheinungsdatum: moving it changes no output
    const later = new Date(`${approved.plannedSendDate}T12:00:00Z`)
    later.setUTCDate(later.getUTCDate() + 1)
    const moved = await c.head().updateIssue(issueId, {
      version: approved.version,
      plannedSendDate: later.toISOString().slice(0, 10),
    })
    expect(moved.status).toBe('approved')
    expect(moved.approval?.fingerprint).toBe(approved.approval?.fingerprint)

    // the label is the e-mail's subject: renamed, the issue goes back to the Dezernentin
    const renamed = await c.head().updateIssue(issueId, {
      version: moved.version,
      label: 'August 2018 (Sonderausgabe)',
    })
    expect(renamed).toMatchObject({ status: 'in_review', approval: null })
    expect(renamed.withdrawnApproval?.fingerprint).toBe(approved.approval?.fingerprint)
    const history = await c.head().getIssueHistory(issueId)
    expect(history).toContainEqual(
      expect.objectContaining({
        action: 'issue.approval_withdrawn',
        detail: 'Titel, Redaktionsschluss oder Erscheinungsdatum der Ausgabe geändert',
      }),
    )
  })
}
