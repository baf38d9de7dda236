import { beforeEach, describe, expect, it } from 'vitest'
import { type ApiError, ConflictError } from '../../src/backend/api-error'
import type { Backend } from '../../src/backend/backend'
import { createHttpBackend } from '../../src/backend/http-backend'
import { formatBerlinDateTime } from '../../src/domain/deadline'
import { contentFingerprint } from '../../src/domain/fingerprint'
import { docFromParagraphs } from '../../src/domain/rich-text'
import type { Role } from '../../src/domain/user'
import { tinyJpeg, tinyPng, tinyWebp } from '../fixtures/images'
import { defineEmlContract } from './eml-contract'
import { rejection } from './rejection'
import { defineArchiveContract } from './archive-contract'
import { defineMediaVariantsContract } from './media-variants-contract'
import { defineVersandContract, type MailTarget } from './versand-contract'
import { defineVersionsContract } from './versions-contract'
import { defineNotificationsContract } from './notifications-contract'
import { defineCommentsContract } from './comments-contract'
import { defineNotificationSettingsContract } from './notification-settings-contract'
import { defineApprovedSettingsContract } from './approved-settings-contract'

/** Where and how the contract suite reaches a backend. */
export interface ContractTarget {
  /** Base URL of the API, ending in /api. */
  baseUrl: string
  fetch?: typeof fetch
  /** Restores the August 2018 seed before each test. */
  reset(): Promise<void>
  /** Signs in a user of the role and returns the bearer token. */
  signIn(backend: Backend, role: Role): Promise<string>
  /** Password sign-in (real server): the accounts of the seed people. */
  passwords?: Record<Role, { login: string; password: string }>
  /** What the backend sent (Versand). */
  mail: MailTarget
  /** Moves the handler's clock on by `minutes` (for the pause between versions). */
  advanceClock(minutes: number): Promise<void>
}

type RejectionCheck = (error: unknown) => void

const isGerman: RejectionCheck = (error) =>
  expect((error as ApiError).message).toMatch(/[a-zäöüß]{3,}.*\./i)

const futureDate = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000)
  return { iso: date.toISOString(), day: date.toISOString().slice(0, 10) }
}

/**
 * The REST contract, end to end through HttpBackend. Runs against MSW in-process and, in the
 * real-server issue, against a running server over HTTP.
 */
export function defineContractSuite(name: string, target: ContractTarget) {
  describe(`Vertrag: ${name}`, () => {
    const tokens: Record<Role | 'none', string | null> = {
      editor: null,
      head: null,
      designer: null,
      none: null,
    }
    const as = (role: Role | 'none') =>
      createHttpBackend({
        baseUrl: target.baseUrl,
        fetch: target.fetch,
        getToken: () => tokens[role],
      })
    const editor = () => as('editor')
    const head = () => as('head')
    const designer = () => as('designer')
    /** The seed's Redaktionsschluss (2018) has passed: the Dezernentin moves it into the future. */
    const extendDeadline = async (id = 'ausgabe-2018-08') => {
      const issue = await head().getIssue(id)
      return head().updateIssue(id, {
        version: issue.version,
        deadline: futureDate(7).iso,
        plannedSendDate: futureDate(9).day,
      })
    }

    /** Writes the two alt texts the seed issue lacks, its only errors in the checks. */
    const addMissingAltTexts = async () => {
      for (const articleId of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
        const article = await editor().getArticle(articleId)
        await editor().updateArticle(articleId, {
          version: article.version,
          photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
        })
      }
    }

    beforeEach(async () => {
      await target.reset()
      for (const role of ['editor', 'head', 'designer'] as const) {
        tokens[role] = await target.signIn(as(role), role)
      }
    })

    /** The seed issue with its Redaktionsschluss ahead and its alt texts written, not submitted. */
    const prepareSeedIssue = async () => {
      const issue = await extendDeadline()
      await addMissingAltTexts()
      return issue
    }

    /** Approves the seed issue (deadline moved, alt texts written, warning acknowledged). */
    const approveSeedIssue = async () => {
      const id = 'ausgabe-2018-08'
      let issue = await extendDeadline(id)
      await addMissingAltTexts()
      issue = await editor().submitIssue(id, { version: issue.version })
      issue = await head().approveIssue(id, {
        version: issue.version,
        acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
      })
      return { id, version: issue.version, fingerprint: issue.approval?.fingerprint ?? '' }
    }
    const fetchOf = target.fetch ?? ((input, init) => globalThis.fetch(input, init))

    const { mail } = target
    if (mail)
      describe('Versand', () =>
        defineVersandContract(() => ({
          editor,
          head,
          designer,
          anonymous: () => as('none'),
          baseUrl: () => target.baseUrl,
          fetch: fetchOf,
          mail,
          approveSeedIssue,
        })))

    describe('Versionen', () =>
      defineVersionsContract(() => ({
        editor,
        head,
        designer,
        advanceClock: (minutes) => target.advanceClock(minutes),
        approveSeedIssue,
      })))

    defineEmlContract(() => ({
      baseUrl: () => target.baseUrl,
      fetch: fetchOf,
      token: (role) => tokens[role] ?? '',
      approveSeedIssue,
      createIssue: async (label, plannedSendDate) => {
        const issue = await editor().createIssue({
          label,
          deadline: futureDate(1).iso,
          plannedSendDate,
        })
        return issue.id
      },
    }))

    describe('Benachrichtigungen', () =>
      defineNotificationsContract(() => ({
        editor,
        head,
        designer,
        prepareSeedIssue,
      })))

    if (mail)
      describe('Freigabe von Kopf, Impressum und Layout', () =>
        defineApprovedSettingsContract(() => ({
          editor,
          head,
          designer,
          mail,
          prepareSeedIssue,
        })))

    describe('Kommentare', () =>
      defineCommentsContract(() => ({ editor, head, designer, approveSeedIssue })))
    describe('Einstellungen der Benachrichtigungen', () =>
      defineNotificationSettingsContract(() => ({ editor, head, anonymous: () => as('none') })))

    describe('Archiv', () =>
      defineArchiveContract(() => ({
        editor,
        head,
        designer,
        baseUrl: () => target.baseUrl,
        token: (role) => tokens[role] ?? '',
        fetch: fetchOf,
        mail,
        approveSeedIssue,
      })))

    describe('Foto-Größen', () =>
      defineMediaVariantsContract(() => ({
        editor,
        head,
        designer,
        baseUrl: () => target.baseUrl,
        fetch: fetchOf,
        mail,
        approveSeedIssue,
      })))

    describe('Sitzung', () => {
      it('meldet an, liefert die Sitzung und meldet ab', async () => {
        const { user } = await editor().getSession()
        expect(user.role).toBe('editor')
        await editor().logout()
        await rejection(editor().getSession(), 401)
      })

      if (target.passwords) {
        const accounts = target.passwords
        it('meldet mit Benutzername und Passwort an', async () => {
          expect(await as('none').getSignInMethod()).toBe('password')
          const { user } = await as('none').loginWithPassword(
            accounts.head.login,
            accounts.head.password,
          )
          expect(user.role).toBe('head')
        })

        it('lehnt falsche Passwörter und unbekannte Namen gleich ab (401)', async () => {
          const wrong = await rejection(
            as('none').loginWithPassword(accounts.editor.login, 'falsches Passwort'),
            401,
          )
          const unknown = await rejection(
            as('none').loginWithPassword('niemand', 'falsches Passwort'),
            401,
          )
          expect(wrong.message).toBe('Benutzername oder Passwort ist falsch.')
          expect(unknown.message).toBe(wrong.message)
        })

        it('bremst nach fünf Fehlversuchen, auch das richtige Passwort (429)', async () => {
          for (let attempt = 0; attempt < 5; attempt++) {
            await rejection(as('none').loginWithPassword(accounts.designer.login, 'geraten'), 401)
          }
          const error = await rejection(
            as('none').loginWithPassword(accounts.designer.login, accounts.designer.password),
            429,
          )
          expect(error.message).toMatch(/^Zu viele fehlgeschlagene Anmeldungen\. Bitte/)
        })

        it('lehnt die Demo-Anmeldung ohne Passwort ab', async () => {
          await rejection(as('none').login('frank-ruehling'), 422)
        })

        it('zeigt die Personen nur Angemeldeten', async () => {
          await rejection(as('none').listUsers(), 401)
          const users = await editor().listUsers()
          expect(users.map((user) => user.role).sort()).toEqual(['designer', 'editor', 'head'])
        })
      } else {
        it('meldet Demo-Personen ohne Passwort an', async () => {
          expect(await as('none').getSignInMethod()).toBe('demo')
        })

        it('listet die Personen mit ihren Rollen', async () => {
          const users = await as('none').listUsers()
          expect(users.map((user) => user.role).sort()).toEqual(['designer', 'editor', 'head'])
        })

        it('lehnt unbekannte Personen mit 422 ab', async () => {
          const error = await rejection(as('none').login('niemand'), 422)
          expect(error.fieldErrors.userId).toBeTruthy()
        })
      }

      it('nimmt nur JSON an (415) und keine übergroßen Anfragen (413)', async () => {
        const doFetch = target.fetch ?? fetch
        const headers = { Authorization: `Bearer ${tokens.editor ?? ''}` }
        const text = await doFetch(`${target.baseUrl}/articles`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'text/plain' },
          body: JSON.stringify({ headline: 'Als Text' }),
        })
        expect(text.status).toBe(415)
        expect(((await text.json()) as { detail: string }).detail).toMatch(/nur JSON/)
        const sendHuge = () =>
          doFetch(`${target.baseUrl}/articles`, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ headline: 'x'.repeat(3 * 1024 * 1024) }),
          })
        // A real server answers before reading the body and closes the connection; when the
        // close overtakes the client's upload, the client sees a reset instead of the answer.
        let huge: Response | null = null
        for (let attempt = 0; attempt < 5 && !huge; attempt++) {
          huge = await sendHuge().catch(() => null)
        }
        if (!huge) throw new Error('Keine Antwort auf die übergroße Anfrage')
        expect(huge.status).toBe(413)
        expect(huge.headers.get('Content-Type')).toMatch(/problem\+json/)
      })

      it.each([
        ['getSession', (b: Backend) => b.getSession()],
        ['getPublication', (b: Backend) => b.getPublication()],
        ['listIssues', (b: Backend) => b.listIssues()],
        ['getIssue', (b: Backend) => b.getIssue('ausgabe-2018-08')],
        ['getIssueHistory', (b: Backend) => b.getIssueHistory('ausgabe-2018-08')],
        ['listArticles', (b: Backend) => b.listArticles()],
        ['getArticle', (b: Backend) => b.getArticle('beitrag-01-antrittsbesuch')],
        ['createArticle', (b: Backend) => b.createArticle({ headline: 'x' })],
        ['getMedia', (b: Backend) => b.getMedia('foto-1')],
        ['uploadMedia', (b: Backend) => b.uploadMedia(new Blob([tinyPng()]), 'a.png')],
      ])('verlangt eine Anmeldung für %s (401)', async (_name, call) => {
        isGerman(await rejection(call(as('none')), 401))
      })
    })

    describe('Publikation', () => {
      it('liefert Titel und Impressum der Vorlage', async () => {
        const publication = await editor().getPublication()
        expect(publication.title).toBe('Kommunale Sozialplanung und Integrationsmanagement')
        expect(publication.impressum.phone).toBe('0365/838-3010')
      })

      it('speichert mit Version und lehnt veraltete Stände mit 409 ab', async () => {
        const publication = await editor().getPublication()
        const { version: _version, updatedAt: _updatedAt, ...content } = publication
        const saved = await editor().updatePublication({
          ...content,
          subtitle: 'Neuer Untertitel',
          version: publication.version,
        })
        expect(saved.version).toBe(publication.version + 1)
        const error = await rejection(
          head().updatePublication({ ...content, version: publication.version }),
          409,
        )
        expect(error).toBeInstanceOf(ConflictError)
        expect((error as ConflictError<typeof saved>).current?.subtitle).toBe('Neuer Untertitel')
      })

      it('nennt den Namen des Newsletters auch ohne Anmeldung, wie er gespeichert ist', async () => {
        expect(await as('none').getPublicationName()).toEqual({
          title: 'Kommunale Sozialplanung und Integrationsmanagement',
          subtitle: 'Nachrichten aus dem Dezernat Soziales',
        })
        const publication = await editor().getPublication()
        const { version: _version, updatedAt: _updatedAt, ...content } = publication
        await editor().updatePublication({
          ...content,
          title: 'Sozialplanung in Gera',
          version: publication.version,
        })
        expect(await as('none').getPublicationName()).toEqual({
          title: 'Sozialplanung in Gera',
          subtitle: 'Nachrichten aus dem Dezernat Soziales',
        })
      })

      it('speichert ohne Layout und behält das gespeicherte', async () => {
        const publication = await editor().getPublication()
        const designed = await designer().updateLayout({
          version: publication.version,
          layout: { ...publication.layout, accentColor: '#8a1538' },
        })
        const { version, title, subtitle, impressum, unsubscribeText } = designed
        const saved = await head().updatePublication({
          version,
          title,
          subtitle,
          impressum: { ...impressum, phone: '0365/838-3011' },
          unsubscribeText,
          articleWordLimit: 400,
        })
        expect(saved).toMatchObject({
          version: version + 1,
          impressum: { phone: '0365/838-3011' },
          articleWordLimit: 400,
          layout: designed.layout,
        })
        expect(await editor().getPublication()).toEqual(saved)
      })

      it('prüft Eingaben (422) und Rollen (403)', async () => {
        const publication = await editor().getPublication()
        const { updatedAt: _updatedAt, ...input } = publication
        const invalid = await rejection(
          editor().updatePublication({
            ...input,
            impressum: { ...input.impressum, email: 'keine-adresse' },
          }),
          422,
        )
        expect(invalid.fieldErrors['impressum.email']).toMatch(/E-Mail/)
        isGerman(await rejection(designer().updatePublication(input), 403))
      })
    })

    describe('Layout', () => {
      it('lässt Gestaltung und Dezernentin das Layout ändern, nicht die Redaktion', async () => {
        const publication = await designer().getPublication()
        const layout = {
          ...publication.layout,
          accentColor: '#8a1538',
          photoPlacement: 'left' as const,
        }
        const saved = await designer().updateLayout({ version: publication.version, layout })
        expect(saved).toMatchObject({
          version: publication.version + 1,
          layout: { accentColor: '#8a1538' },
        })
        expect(saved.impressum).toEqual(publication.impressum)
        await rejection(head().updateLayout({ version: publication.version, layout }), 409)
        isGerman(await rejection(editor().updateLayout({ version: saved.version, layout }), 403))
        const { version: _v, updatedAt: _u, ...content } = saved
        // a layout sent to PUT /publication anyway (the type has none) is dropped
        const withLayout = {
          ...content,
          version: saved.version,
          layout: { ...layout, accentColor: '#000000' },
        }
        const viaImpressum = await editor().updatePublication(withLayout)
        expect(viaImpressum.layout.accentColor).toBe('#8a1538')
        const invalid = await rejection(
          head().updateLayout({
            version: saved.version,
            layout: { ...layout, accentColor: 'red;background:url(x)' },
          }),
          422,
        )
        expect(invalid.fieldErrors['layout.accentColor']).toMatch(/#RRGGBB/)
        // a colour that headings and links could not be read in on white
        const pale = await rejection(
          designer().updateLayout({
            version: saved.version,
            layout: { ...layout, accentColor: '#ffd700' },
          }),
          422,
        )
        expect(pale.fieldErrors['layout.accentColor']).toMatch(/zu wenig Kontrast zu Weiß/)
        expect((await designer().getPublication()).layout.accentColor).toBe('#8a1538')
      })
    })

    describe('Ausgaben', () => {
      it('liefert die Ausgabe August 2018 mit zehn Beiträgen', async () => {
        const issues = await editor().listIssues()
        const august = issues.find((issue) => issue.label === 'August 2018')
        expect(august?.articleIds).toHaveLength(10)
        expect(august?.deadline).toBe('2018-08-13T10:00:00.000Z')
        await rejection(editor().getIssue('gibt-es-nicht'), 404)
      })

      it('legt eine Ausgabe an und prüft die Daten', async () => {
        const deadline = futureDate(7)
        const sendDay = futureDate(9).day
        const created = await editor().createIssue({
          label: 'Dezember',
          deadline: deadline.iso,
          plannedSendDate: sendDay,
        })
        expect(created).toMatchObject({
          label: 'Dezember',
          status: 'draft',
          version: 1,
          articleIds: [],
        })
        const past = await rejection(
          editor().createIssue({
            label: 'Alt',
            deadline: '2020-01-01T10:00:00Z',
            plannedSendDate: '2020-01-02',
          }),
          422,
        )
        expect(past.fieldErrors.deadline).toMatch(/Vergangenheit/)
        const beforeDeadline = await rejection(
          editor().createIssue({
            label: 'X',
            deadline: deadline.iso,
            plannedSendDate: futureDate(1).day,
          }),
          422,
        )
        expect(beforeDeadline.fieldErrors.plannedSendDate).toMatch(/Erscheinungsdatum/)
        await rejection(
          editor().createIssue({ label: '', deadline: 'morgen', plannedSendDate: 'x' }),
          422,
        )
        await rejection(
          designer().createIssue({ label: 'X', deadline: deadline.iso, plannedSendDate: sendDay }),
          403,
        )
      })

      it('ändert Titel und Reihenfolge mit Versionsprüfung', async () => {
        const issue = await editor().getIssue('ausgabe-2018-08')
        const renamed = await editor().updateIssue(issue.id, {
          version: issue.version,
          label: 'August 2018 (neu)',
        })
        expect(renamed.version).toBe(issue.version + 1)
        const stale = await rejection(
          editor().updateIssue(issue.id, { version: issue.version, label: 'Y' }),
          409,
        )
        expect((stale as ConflictError<typeof issue>).current?.label).toBe('August 2018 (neu)')

        const reversed = [...renamed.articleIds].reverse()
        const arranged = await editor().arrangeIssue(issue.id, {
          version: renamed.version,
          articleIds: reversed,
        })
        expect(arranged.articleIds).toEqual(reversed)
        expect((await head().getIssue(issue.id)).articleIds).toEqual(reversed)
        await rejection(
          editor().arrangeIssue(issue.id, { version: renamed.version, articleIds: [] }),
          409,
        )
        const unknown = await rejection(
          editor().arrangeIssue(issue.id, {
            version: arranged.version,
            articleIds: ['gibt-es-nicht'],
          }),
          422,
        )
        expect(unknown.fieldErrors['articleIds.0']).toMatch(/existiert nicht/)
        await rejection(
          editor().arrangeIssue(issue.id, {
            version: arranged.version,
            articleIds: ['beitrag-01-antrittsbesuch', 'beitrag-01-antrittsbesuch'],
          }),
          422,
        )
        await rejection(
          designer().arrangeIssue(issue.id, { version: arranged.version, articleIds: [] }),
          403,
        )
      })

      it('verweigert die Freigabe, solange Prüfungen Fehler finden (422 mit Liste)', async () => {
        const extended = await extendDeadline()
        const submitted = await editor().submitIssue('ausgabe-2018-08', {
          version: extended.version,
        })
        const error = await rejection(
          head().approveIssue('ausgabe-2018-08', {
            version: submitted.version,
            acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
          }),
          422,
        )
        expect(Object.keys(error.fieldErrors)).toEqual([
          'checks.alt:beitrag-03-behoerdennetzwerk:foto-2',
          'checks.alt:beitrag-07-ministerin:foto-3',
        ])
        expect(error.message).toMatch(/Alternativtext fehlt/)
      })

      it('misst die E-Mail vor der Freigabe, wie sie gerendert wird', async () => {
        const id = 'ausgabe-2018-08'
        let issue = await extendDeadline(id)
        await addMissingAltTexts()
        // little text, but every paragraph carries its inline styles into the e-mail
        const chopped = await editor().getArticle('beitrag-02-sozialplan')
        await editor().updateArticle(chopped.id, {
          version: chopped.version,
          body: docFromParagraphs(Array.from({ length: 1500 }, () => 'Ja.')),
        })
        issue = await editor().submitIssue(id, { version: issue.version })
        const error = await rejection(
          head().approveIssue(id, {
            version: issue.version,
            acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
          }),
          422,
        )
        expect(Object.keys(error.fieldErrors)).toEqual(['checks.email-size'])
        expect(error.message).toMatch(/Gmail kürzt E-Mails über 102 KB/)
        const approved = await head().approveIssue(id, {
          version: issue.version,
          acknowledgedWarnings: ['spelling:OTEAU:OTEGAU', 'email-size'],
        })
        expect(approved.status).toBe('approved')
      })

      it('nimmt die Freigabe zurück, sobald sich freigegebener Inhalt ändert, und prüft den Fingerabdruck', async () => {
        const id = 'ausgabe-2018-08'
        let issue = await extendDeadline(id)
        await addMissingAltTexts()
        issue = await editor().submitIssue(id, { version: issue.version })
        const acknowledgedWarnings = ['spelling:OTEAU:OTEGAU']
        const stale = await rejection(
          head().approveIssue(id, {
            version: issue.version,
            acknowledgedWarnings,
            fingerprint: 'veraltet',
          }),
          409,
        )
        expect(stale.message).toMatch(/während Sie sie geprüft haben/)
        const fingerprint = await contentFingerprint(
          issue,
          await head().listArticles({ issueId: id }),
          await head().getPublication(),
        )
        const approved = await head().approveIssue(id, {
          version: issue.version,
          acknowledgedWarnings,
          fingerprint,
        })
        expect(approved.approval?.content.articles).toHaveLength(10)

        const article = await editor().getArticle('beitrag-02-sozialplan')
        await editor().updateArticle(article.id, {
          version: article.version,
          headline: 'Sozialplan beschlossen',
        })
        // the Redaktion's change puts the issue back into Bearbeitung, where it may go on saving
        const withdrawn = await editor().getIssue(id)
        expect(withdrawn).toMatchObject({ status: 'draft', approval: null })
        expect(withdrawn.withdrawnApproval?.content.articles[1]?.headline).toBe(
          'Beschlussvorlage zum Integrierten Sozialplan liegt vor',
        )
        const history = await head().getIssueHistory(id)
        expect(history.at(-1)).toMatchObject({
          action: 'issue.approval_withdrawn',
          actorId: 'frank-ruehling',
          detail: 'Beitrag „Sozialplan beschlossen“ geändert',
        })
        const continued = await editor().updateArticle(article.id, {
          version: article.version + 1,
          headline: 'Sozialplan beschlossen: die nächsten Schritte',
        })
        expect(continued.headline).toBe('Sozialplan beschlossen: die nächsten Schritte')

        // the Dezernentin's own change goes back to her for approval
        const resubmitted = await editor().submitIssue(id, { version: withdrawn.version })
        const reapproved = await head().approveIssue(id, {
          version: resubmitted.version,
          acknowledgedWarnings,
          fingerprint: await contentFingerprint(
            resubmitted,
            await head().listArticles({ issueId: id }),
            await head().getPublication(),
          ),
        })
        expect(reapproved.status).toBe('approved')
        await head().updateArticle(article.id, {
          version: continued.version,
          headline: 'Sozialplan beschlossen',
        })
        const backToHead = await head().getIssue(id)
        expect(backToHead).toMatchObject({ status: 'in_review', approval: null })
        const reopened = await head().reopenIssue(id, { version: backToHead.version })
        expect(reopened.status).toBe('draft')
        await rejection(editor().reopenIssue(id, { version: reopened.version }), 403)
      })

      it('nimmt keinen Beitrag auf, der schon zu einer anderen Ausgabe gehört', async () => {
        const other = await editor().createIssue({
          label: 'September',
          deadline: futureDate(5).iso,
          plannedSendDate: futureDate(6).day,
        })
        const error = await rejection(
          editor().arrangeIssue(other.id, { version: 1, articleIds: ['beitrag-02-sozialplan'] }),
          422,
        )
        expect(error.message).toMatch(/anderen Ausgabe/)
      })

      it('durchläuft Einreichen, Änderungen anfordern, Freigeben und Versenden mit Verlauf', async () => {
        const id = 'ausgabe-2018-08'
        const overdue = await editor().getIssue(id)
        const late = await rejection(editor().submitIssue(id, { version: overdue.version }), 409)
        expect(late.message).toMatch(/Redaktionsschluss ist vorbei/)
        await rejection(
          editor().updateIssue(id, { version: overdue.version, deadline: futureDate(3).iso }),
          403,
        )
        const draft = await extendDeadline(id)
        await rejection(editor().approveIssue(id, { version: draft.version }), 403)
        await rejection(designer().submitIssue(id, { version: draft.version }), 403)
        await rejection(head().publishIssue(id, { version: draft.version }), 409)

        const submitted = await editor().submitIssue(id, { version: draft.version })
        expect(submitted.status).toBe('in_review')
        await rejection(editor().submitIssue(id, { version: draft.version }), 409)
        const locked = await rejection(
          editor().arrangeIssue(id, { version: submitted.version, articleIds: [] }),
          409,
        )
        expect(locked.message).toMatch(/Freigabe/)
        await rejection(
          editor().updateArticle('beitrag-02-sozialplan', { version: 1, headline: 'Gesperrt?' }),
          409,
        )

        const noComment = await rejection(
          head().requestChanges(id, { version: submitted.version, comment: ' ' }),
          422,
        )
        expect(noComment.fieldErrors.comment).toMatch(/Kommentar/)
        const sentBack = await head().requestChanges(id, {
          version: submitted.version,
          comment: 'Bitte OTEAU korrigieren.',
        })
        expect(sentBack).toMatchObject({
          status: 'changes_requested',
          changeRequest: { comment: 'Bitte OTEAU korrigieren.', requestedBy: expect.any(String) },
          lastChangeRequest: { comment: 'Bitte OTEAU korrigieren.' },
        })
        expect(sentBack.lastChangeRequest?.content.articles.map((article) => article.id)).toEqual(
          sentBack.articleIds,
        )
        const returned = sentBack.lastChangeRequest?.content.articles.find(
          (article) => article.id === 'beitrag-07-ministerin',
        )
        expect(returned?.photos.map((photo) => photo.alt)).toContain('')

        for (const articleId of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
          const article = await editor().getArticle(articleId)
          await editor().updateArticle(articleId, {
            version: article.version,
            photos: article.photos.map((photo) => ({
              ...photo,
              alt: 'Gesprächsrunde an einem Tisch',
            })),
          })
        }
        const resubmitted = await editor().submitIssue(id, { version: sentBack.version })
        // kept through resubmission, so that the Dezernentin sees what changed since her request
        expect(resubmitted.changeRequest).toBeNull()
        expect(resubmitted.lastChangeRequest).toEqual(sentBack.lastChangeRequest)
        const unacknowledged = await rejection(
          head().approveIssue(id, { version: resubmitted.version }),
          422,
        )
        expect(unacknowledged.fieldErrors['checks.spelling:OTEAU:OTEGAU']).toMatch(/OTEAU/)
        const approved = await head().approveIssue(id, {
          version: resubmitted.version,
          acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
        })
        expect(approved.status).toBe('approved')
        expect(approved.lastChangeRequest).toBeNull()
        const articles = await head().listArticles({ issueId: id })
        expect(approved.approval?.fingerprint).toBe(
          await contentFingerprint(approved, articles, await head().getPublication()),
        )

        const published = await editor().publishIssue(id, { version: approved.version })
        expect(published.status).toBe('published')
        // only marked: "Versand zurücknehmen" stays possible
        expect(published.sentThroughRundbrief).toBe(false)

        const history = await designer().getIssueHistory(id)
        expect(history.map((event) => event.action)).toEqual([
          'issue.created',
          'issue.deadline_changed',
          'issue.submitted',
          'issue.changes_requested',
          'issue.submitted',
          'issue.approved',
          'issue.published',
        ])
        expect(history[1]?.detail).toBe(
          `13. August 2018, 12:00 Uhr → ${formatBerlinDateTime(draft.deadline)}`,
        )
        expect(history[3]?.detail).toBe('Bitte OTEAU korrigieren.')

        // "Als versendet markieren" can be taken back by the Dezernentin, with a reason.
        await rejection(
          editor().unpublishIssue(id, { version: published.version, reason: 'Versehen' }),
          403,
        )
        const noReason = await rejection(
          head().unpublishIssue(id, { version: published.version, reason: '  ' }),
          422,
        )
        expect(noReason.fieldErrors.reason).toMatch(/Grund/)
        await rejection(head().unpublishIssue(id, { version: approved.version, reason: 'x' }), 409)
        const takenBack = await head().unpublishIssue(id, {
          version: published.version,
          reason: 'Versehentlich markiert, der Versand ist erst morgen.',
        })
        expect(takenBack).toMatchObject({ status: 'approved', approval: approved.approval })
        await rejection(
          head().unpublishIssue(id, { version: takenBack.version, reason: 'Noch einmal' }),
          409,
        )
        const unpublishedEvent = (await editor().getIssueHistory(id)).at(-1)
        expect(unpublishedEvent).toMatchObject({
          action: 'issue.unpublished',
          detail: 'Versehentlich markiert, der Versand ist erst morgen.',
        })
        const again = await editor().publishIssue(id, { version: takenBack.version })
        expect(again.status).toBe('published')
      })
    })

    describe('Beiträge', () => {
      it('listet, filtert und durchsucht Beiträge', async () => {
        expect(await editor().listArticles()).toHaveLength(10)
        expect(await editor().listArticles({ issueId: 'ausgabe-2018-08' })).toHaveLength(10)
        expect(await editor().listArticles({ issueId: 'none' })).toHaveLength(0)
        const otegau = await editor().listArticles({ q: 'otegau' })
        expect(otegau.map((article) => article.id).sort()).toEqual([
          'beitrag-05-integrationswerkstatt',
          'beitrag-07-ministerin',
        ])
        const drafts = await editor().listArticles({ status: 'draft' })
        expect(drafts.every((article) => article.status === 'draft')).toBe(true)
      })

      it('legt einen Beitrag im Themenspeicher an, speichert und löscht ihn', async () => {
        const created = await editor().createArticle({ headline: 'Neuer Beitrag' })
        expect(created).toMatchObject({ status: 'draft', issueId: null, version: 1 })
        expect((await editor().listArticles({ issueId: 'none' })).map((a) => a.id)).toEqual([
          created.id,
        ])

        const saved = await editor().updateArticle(created.id, {
          version: 1,
          headline: 'Geänderte Überschrift',
          body: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [
                  {
                    type: 'text',
                    text: 'Link',
                    marks: [{ type: 'link', attrs: { href: 'https://www.gera.de' } }],
                  },
                ],
              },
            ],
          },
        })
        expect(saved.version).toBe(2)
        const stale = await rejection(
          editor().updateArticle(created.id, { version: 1, headline: 'Alt' }),
          409,
        )
        expect((stale as ConflictError<typeof saved>).current?.headline).toBe(
          'Geänderte Überschrift',
        )

        await rejection(editor().deleteArticle(created.id, 1), 409)
        await editor().deleteArticle(created.id, 2)
        await rejection(editor().getArticle(created.id), 404)
      })

      it('lehnt unsichere oder unbekannte Inhalte mit 422 ab', async () => {
        const created = await editor().createArticle({ headline: 'Prüfung' })
        const javascriptLink = await rejection(
          editor().updateArticle(created.id, {
            version: 1,
            body: {
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    {
                      type: 'text',
                      text: 'klick',
                      marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                    },
                  ],
                },
              ],
            },
          }),
          422,
        )
        expect(javascriptLink.message).toMatch(/https:\/\//)
        const unknownNode = { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }
        await rejection(
          editor().updateArticle(created.id, {
            version: 1,
            body: unknownNode as unknown as Parameters<Backend['updateArticle']>[1]['body'],
          }),
          422,
        )
        const photo = { caption: '', credit: '', alt: 'Ein Foto', decorative: false }
        const unknownPhoto = await rejection(
          editor().updateArticle(created.id, {
            version: 1,
            photos: [{ ...photo, mediaId: 'gibt-es-nicht' }],
          }),
          422,
        )
        expect(unknownPhoto.message).toBe(
          'Dieses Foto wurde nicht gefunden. Bitte laden Sie es erneut hoch.',
        )
        await rejection(
          editor().createArticle({
            headline: 'Mit erfundenem Foto',
            photos: [{ ...photo, mediaId: 'auch-nicht' }],
          }),
          422,
        )
      })

      it('verlangt Alternativtexte, bevor ein Beitrag fertig ist', async () => {
        const article = await editor().getArticle('beitrag-03-behoerdennetzwerk')
        const error = await rejection(
          editor().updateArticle(article.id, { version: article.version, status: 'ready' }),
          422,
        )
        expect(error.message).toMatch(/Alternativtext/)
        const fixed = await editor().updateArticle(article.id, {
          version: article.version,
          photos: article.photos.map((photo) => ({
            ...photo,
            alt: 'Sitzung des Behördennetzwerks',
          })),
          status: 'ready',
        })
        expect(fixed.status).toBe('ready')
      })

      it('verlangt Fotonachweis und Text wie die Prüfungen, bevor ein Beitrag fertig ist', async () => {
        const article = await editor().getArticle('beitrag-03-behoerdennetzwerk')
        const photos = article.photos.map((photo) => ({ ...photo, alt: 'Sitzung', credit: '' }))
        const error = await rejection(
          editor().updateArticle(article.id, { version: article.version, photos, status: 'ready' }),
          422,
        )
        expect(error.message).toBe('Foto 1: Der Fotonachweis fehlt.')
        const blank = await rejection(
          editor().updateArticle(article.id, {
            version: article.version,
            photos: article.photos.map((photo) => ({ ...photo, alt: 'Sitzung' })),
            body: docFromParagraphs(['  ', '']),
            status: 'ready',
          }),
          422,
        )
        expect(blank.message).toBe('Der Text ist leer.')
      })

      it('setzt einen fertigen Beitrag zurück auf Entwurf, statt eine Änderung abzulehnen', async () => {
        const article = await editor().getArticle('beitrag-01-antrittsbesuch')
        expect(article.status).toBe('ready')
        const saved = await editor().updateArticle(article.id, {
          version: article.version,
          photos: article.photos.map((photo) => ({ ...photo, alt: '' })),
        })
        expect(saved).toMatchObject({
          status: 'draft',
          photos: [expect.objectContaining({ alt: '' })],
        })
      })

      it('erlaubt der Gestaltung keine Textänderungen (403)', async () => {
        await rejection(designer().createArticle({ headline: 'x' }), 403)
        await rejection(
          designer().updateArticle('beitrag-02-sozialplan', { version: 1, headline: 'x' }),
          403,
        )
        await rejection(designer().deleteArticle('beitrag-02-sozialplan', 1), 403)
      })

      it('löscht keine Beiträge, die zu einer Ausgabe gehören', async () => {
        const error = await rejection(editor().deleteArticle('beitrag-02-sozialplan', 1), 409)
        expect(error.message).toMatch(/Ausgabe/)
        expect(await editor().listTrash()).toEqual([])
        expect((await editor().getArticle('beitrag-02-sozialplan')).issueId).toBe('ausgabe-2018-08')
      })

      it('legt gelöschte Beiträge in den Papierkorb, aus dem sie zurückkommen', async () => {
        const { user } = await editor().getSession()
        const created = await editor().createArticle({ headline: 'Doppelt angelegt' })
        await editor().deleteArticle(created.id, 1)

        const gone = await rejection(editor().getArticle(created.id), 404)
        expect(gone.message).toMatch(/„Doppelt angelegt“ liegt im Papierkorb/)
        expect((await editor().listArticles()).map((article) => article.id)).not.toContain(
          created.id,
        )
        const saving = await rejection(
          editor().updateArticle(created.id, { version: 1, headline: 'Weiter?' }),
          404,
        )
        expect(saving.message).toMatch(/Papierkorb/)
        const trash = await designer().listTrash()
        expect(trash).toEqual([
          expect.objectContaining({
            id: created.id,
            headline: 'Doppelt angelegt',
            issueId: null,
            deletedBy: user.id,
          }),
        ])
        const [entry] = trash
        expect(Date.parse(entry?.purgeAt ?? '') - Date.parse(entry?.deletedAt ?? '')).toBe(
          30 * 24 * 60 * 60 * 1000,
        )

        // Nothing in the Papierkorb can be put into an issue.
        const issue = await extendDeadline()
        const refused = await rejection(
          editor().arrangeIssue(issue.id, {
            version: issue.version,
            articleIds: [...issue.articleIds, created.id],
          }),
          422,
        )
        expect(refused.message).toMatch(/„Doppelt angelegt“ liegt im Papierkorb/)

        await rejection(designer().restoreArticle(created.id), 403)
        const restored = await head().restoreArticle(created.id)
        expect(restored).toMatchObject({
          id: created.id,
          headline: 'Doppelt angelegt',
          issueId: null,
          version: 2,
        })
        expect(await editor().listTrash()).toEqual([])
        expect((await editor().getArticle(created.id)).version).toBe(2)
        const twice = await rejection(head().restoreArticle(created.id), 404)
        expect(twice.message).toMatch(/nicht \(mehr\) im Papierkorb/)

        // The Dezernentin may delete too; the restored article is an ordinary article again.
        await head().deleteArticle(created.id, 2)
        expect((await editor().listTrash()).map((item) => item.id)).toEqual([created.id])
      })

      it('verwirft einen leeren Beitrag endgültig, ohne Papierkorb', async () => {
        const empty = await editor().createArticle({ headline: '' })
        await editor().deleteArticle(empty.id, 1)
        const gone = await rejection(editor().getArticle(empty.id), 404)
        expect(gone.message).not.toMatch(/Papierkorb/)
        expect(await editor().listTrash()).toEqual([])
        await rejection(editor().restoreArticle(empty.id), 404)
      })
    })

    describe('Fotos', () => {
      it.each([
        ['PNG', tinyPng, 'image/png'],
        ['JPEG', tinyJpeg, 'image/jpeg'],
        ['WebP', tinyWebp, 'image/webp'],
      ] as const)('nimmt %s an und liefert Maße und Datei', async (_label, bytes, mimeType) => {
        const media = await editor().uploadMedia(new Blob([bytes()]), 'foto.bild')
        expect(media).toMatchObject({ mimeType, width: 3, height: 2, fileName: 'foto.bild' })
        expect(await editor().getMedia(media.id)).toEqual(media)
        const file = await (target.fetch ?? fetch)(editor().mediaFileUrl(media.id))
        expect(file.headers.get('content-type')).toBe(mimeType)
        expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes())
      })

      it('lehnt andere Dateitypen mit 415 ab, auch mit falscher Endung', async () => {
        const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00')
        isGerman(await rejection(editor().uploadMedia(new Blob([gif]), 'tarnung.png'), 415))
        const svg = new TextEncoder().encode('<svg onload="alert(1)"></svg>')
        await rejection(editor().uploadMedia(new Blob([svg], { type: 'image/png' }), 'x.png'), 415)
      })

      it('lehnt Dateien über 10 MB mit 413 ab', async () => {
        const big = new Uint8Array(10 * 1024 * 1024 + 1)
        big.set(tinyPng())
        const error = await rejection(editor().uploadMedia(new Blob([big]), 'gross.png'), 413)
        expect(error.message).toMatch(/10 MB/)
      })

      it('lässt auch die Gestaltung hochladen (für das Logo) und kennt unbekannte Fotos nicht (404)', async () => {
        expect((await designer().uploadMedia(new Blob([tinyPng()]), 'logo.png')).mimeType).toBe(
          'image/png',
        )
        await rejection(editor().getMedia('gibt-es-nicht'), 404)
      })
    })
  })
}
