import { parseFeed } from '@rowanmanning/feed-parser'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import {
  archiveListSchema,
  issueArchiveSchema,
  type ArchiveList,
  type IssueArchive,
} from '../../src/domain/archive'
import type { Role } from '../../src/domain/user'
import { tinyPng } from '../fixtures/images'
import { rejection } from './rejection'
import type { MailTarget } from './versand-contract'

export interface ArchiveContext {
  editor: () => Backend
  head: () => Backend
  designer: () => Backend
  /** The API's base URL, ending in /api. */
  baseUrl: () => string
  /** The bearer token of a signed-in role, for the archive's own calls. */
  token: (role: Role) => string
  fetch: typeof fetch
  mail: MailTarget
  /** Approves the seed issue (deadline moved, alt texts written, warning acknowledged). */
  approveSeedIssue: () => Promise<{ id: string; version: number; fingerprint: string }>
}

const seedIssueId = 'ausgabe-2018-08'

/** The public archive and its takedown: the archive part of the contract. */
export function defineArchiveContract(context: () => ArchiveContext) {
  let c: ArchiveContext
  beforeEach(() => {
    c = context()
  })

  const get = (path: string, headers: Record<string, string> = {}) =>
    c.fetch(`${c.baseUrl()}${path}`, { headers })
  const call = (role: Role | null, method: 'GET' | 'POST', path: string, body?: unknown) =>
    c.fetch(`${c.baseUrl()}${path}`, {
      method,
      headers: {
        ...(role ? { Authorization: `Bearer ${c.token(role)}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const list = async (): Promise<ArchiveList> => {
    const response = await get('/archive')
    expect(response.status).toBe(200)
    return archiveListSchema.parse(await response.json())
  }
  const archiveOf = async (issueId = seedIssueId): Promise<IssueArchive> => {
    const response = await call('editor', 'GET', `/issues/${issueId}/archive`)
    expect(response.status).toBe(200)
    return issueArchiveSchema.parse(await response.json())
  }
  const page = async (slug: string, headers: Record<string, string> = {}) => {
    const response = await get(`/archive/${slug}`, headers)
    return { response, html: response.status === 304 ? '' : await response.text() }
  }
  /** Approves the seed issue and marks it as sent ("Als versendet markieren"). */
  const publishSeed = async () => {
    const { id, version } = await c.approveSeedIssue()
    const issue = await c.editor().publishIssue(id, { version })
    return { issue, archive: await archiveOf(id) }
  }
  const withdraw = (role: Role, reason: unknown) =>
    call(role, 'POST', `/issues/${seedIssueId}/archive/withdraw`, { reason })
  const restore = (role: Role) => call(role, 'POST', `/issues/${seedIssueId}/archive/restore`, {})
  const germanDetail = async (response: Response) =>
    ((await response.json()) as { detail: string }).detail

  describe('Archiv', () => {
    it('ist leer, solange nichts versendet ist; unbekannte Adressen antworten 404 (deutsch)', async () => {
      expect((await list()).items).toEqual([])
      // an issue without an address is no error: its page asks on every visit
      const none = await call('editor', 'GET', `/issues/${seedIssueId}/archive`)
      expect(none.status).toBe(200)
      expect(await none.json()).toBeNull()
      expect(await c.editor().getIssueArchive(seedIssueId)).toBeNull()
      const unknown = await call('editor', 'GET', '/issues/gibt-es-nicht/archive')
      expect(unknown.status).toBe(404)
      expect(await germanDetail(unknown)).toBe('Die Ausgabe wurde nicht gefunden.')
      for (const slug of ['2018-08', '2099-01-7', 'kein-monat', '..%2Fissues']) {
        const { response, html } = await page(slug)
        expect(response.status).toBe(404)
        expect(response.headers.get('Content-Type')).toMatch(/^text\/html; charset=utf-8/)
        expect(html).toContain('<html lang="de">')
        expect(html).toContain('gibt es im Archiv nicht')
      }
    })

    it('stellt eine als versendet markierte Ausgabe ins Archiv: Liste, Seite mit ETag und 304', async () => {
      const { issue, archive } = await publishSeed()
      const month = issue.plannedSendDate.slice(0, 7)
      expect(archive).toMatchObject({
        issueId: seedIssueId,
        slug: month,
        withdrawnAt: null,
        withdrawReason: null,
      })
      expect(archive.url).toMatch(new RegExp(`^https?://[^/]+(/.*)?/archiv/${month}$`))
      expect(archive.publishedAt).not.toBeNull()

      const { items } = await list()
      expect(items).toHaveLength(1)
      expect(items[0]).toMatchObject({ slug: month, label: 'August 2018', url: archive.url })
      expect(items[0]?.headlines.length).toBe(issue.articleIds.length)
      expect(items[0]?.headlines.join(' ')).toContain('OTEGAU')

      const { response, html } = await page(month)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('Cache-Control')).toBe('public, no-cache')
      const etag = response.headers.get('ETag') ?? ''
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
      expect(html).toMatch(/^<!doctype html>\n<html lang="de">/)
      expect(html).toContain('<meta name="viewport"')
      expect(html).toContain('<title>Kommunale Sozialplanung')
      expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i)
      expect(html).toContain('<h2>Impressum</h2>')
      expect(html).toContain('Foto: ')
      expect(html).toContain('Alle Ausgaben im Archiv')
      // headings in order: one h1, then the articles' h2
      const headings = [...html.matchAll(/<h([1-6])/g)].map((match) => Number(match[1]))
      expect(headings[0]).toBe(1)
      expect(headings.filter((level) => level === 1)).toHaveLength(1)
      headings.slice(1).forEach((level, index) => {
        expect(level - (headings[index] ?? 1)).toBeLessThanOrEqual(1)
      })
      // photos in their web size by absolute address, with the real proportions
      const images = [...html.matchAll(/<img src="([^"]+)"[^>]* width="(\d+)" height="(\d+)"/g)]
      expect(images.length).toBeGreaterThan(0)
      for (const [, src] of images)
        expect(src).toMatch(/^https?:\/\/.+\/api\/media\/.+\/file\/web$/)

      const again = await page(month, { 'If-None-Match': etag })
      expect(again.response.status).toBe(304)
      expect(again.response.headers.get('ETag')).toBe(etag)
      const other = await page(month, { 'If-None-Match': '"etwas-anderes"' })
      expect(other.response.status).toBe(200)
      expect(other.html).toBe(html)
    })

    it('liefert RSS 2.0 und Atom mit absoluten Adressen, Titeln und Datum', async () => {
      const { archive } = await publishSeed()
      for (const [path, type, contentType] of [
        ['/archive/rss.xml', 'rss', 'application/rss+xml'],
        ['/archive/atom.xml', 'atom', 'application/atom+xml'],
      ] as const) {
        const response = await get(path)
        expect(response.status).toBe(200)
        expect(response.headers.get('Content-Type')).toBe(`${contentType}; charset=utf-8`)
        const etag = response.headers.get('ETag') ?? ''
        expect(etag).not.toBe('')
        const feed = parseFeed(await response.text())
        expect(feed.meta.type).toBe(type)
        expect(feed.title).toBe('Kommunale Sozialplanung und Integrationsmanagement')
        if (type === 'rss') expect(feed.language).toBe('de')
        expect(feed.authors.map((author) => author.name)).toEqual(
          type === 'atom' ? ['Stadt Gera'] : [],
        )
        expect(feed.url).toMatch(/^https?:\/\/.+\/archiv$/)
        expect(feed.items).toHaveLength(1)
        const [item] = feed.items
        expect(item?.title).toMatch(/^Ausgabe August 2018/)
        expect(item?.url).toBe(archive.url)
        // RSS dates (RFC 822) have whole seconds
        const date = item?.published ?? item?.updated
        expect(Math.floor((date?.getTime() ?? 0) / 1000)).toBe(
          Math.floor(new Date(archive.publishedAt ?? '').getTime() / 1000),
        )
        expect(item?.description).toContain('OTEGAU')
        expect((await get(path, { 'If-None-Match': etag })).status).toBe(304)
      }
    })

    it('zeigt die Übersicht als HTML-Seite, neueste zuerst, mit Links auf die Feeds', async () => {
      const empty = await get('/archive/overview.html')
      expect(empty.status).toBe(200)
      expect(await empty.text()).toContain('noch keine Ausgabe im Archiv')
      const { archive } = await publishSeed()
      const response = await get('/archive/overview.html')
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      const html = await response.text()
      expect(html).toContain('<html lang="de">')
      expect(html).toContain(`href="${archive.url}"`)
      expect(html).toMatch(/href="https?:\/\/[^"]+\/archiv\/rss\.xml"/)
      expect(html).toMatch(/href="https?:\/\/[^"]+\/archiv\/atom\.xml"/)
      expect(html).not.toMatch(/<script/i)
    })

    it('nimmt eine Ausgabe nur durch die Dezernentin aus dem Archiv und stellt sie zurück, beides im Verlauf', async () => {
      const early = await withdraw('head', 'Zu früh')
      expect(early.status).toBe(409)
      expect(await germanDetail(early)).toMatch(/versendete Ausgabe/)
      const { archive } = await publishSeed()
      const before = await page(archive.slug)

      for (const role of ['editor', 'designer'] as const) {
        const refused = await withdraw(role, 'Ich darf das nicht')
        expect(refused.status).toBe(403)
        expect(await germanDetail(refused)).toMatch(/[a-zäöüß]{3,}.*\./i)
      }
      expect((await call(null, 'POST', `/issues/${seedIssueId}/archive/withdraw`, {})).status).toBe(
        401,
      )
      expect((await withdraw('head', '   ')).status).toBe(422)

      const reason = 'Einstweilige Verfügung zum Beitrag über das Behördennetzwerk.'
      const withdrawn = await withdraw('head', reason)
      expect(withdrawn.status).toBe(200)
      expect(issueArchiveSchema.parse(await withdrawn.json())).toMatchObject({
        slug: archive.slug,
        withdrawReason: reason,
        withdrawnBy: 'sandra-wanzar',
      })
      const gone = await page(archive.slug)
      expect(gone.response.status).toBe(410)
      expect(gone.response.headers.get('Content-Type')).toMatch(/^text\/html; charset=utf-8/)
      expect(gone.html).toContain('nicht mehr im Archiv')
      expect(gone.html).not.toContain('OTEGAU')
      expect((await list()).items).toEqual([])
      expect(parseFeed(await (await get('/archive/rss.xml')).text()).items).toEqual([])
      const twice = await withdraw('head', reason)
      expect(twice.status).toBe(409)
      expect(await germanDetail(twice)).toMatch(/bereits aus dem Archiv/)

      expect((await restore('editor')).status).toBe(403)
      const restored = await restore('head')
      expect(restored.status).toBe(200)
      expect(issueArchiveSchema.parse(await restored.json())).toMatchObject({
        withdrawnAt: null,
        withdrawReason: null,
      })
      const back = await page(archive.slug)
      expect(back.response.status).toBe(200)
      expect(back.html).toBe(before.html)
      expect((await list()).items.map((item) => item.slug)).toEqual([archive.slug])
      expect((await restore('head')).status).toBe(409)

      const history = await c.head().getIssueHistory(seedIssueId)
      const entries = history.filter((event) => event.action.startsWith('issue.archive_'))
      expect(entries.map((event) => [event.action, event.actorId])).toEqual([
        ['issue.archive_withdrawn', 'sandra-wanzar'],
        ['issue.archive_restored', 'sandra-wanzar'],
      ])
      expect(entries[0]?.detail).toBe(reason)
    })

    it('bleibt Byte für Byte gleich, wenn danach Impressum, Layout und Fotos geändert werden', async () => {
      const { archive } = await publishSeed()
      const before = await page(archive.slug)
      const etag = before.response.headers.get('ETag')

      // the articles of a sent issue are locked
      const article = await c.editor().getArticle('beitrag-01-antrittsbesuch')
      await rejection(
        c.editor().updateArticle(article.id, {
          version: article.version,
          headline: 'Nachträglich geändert',
        }),
        409,
      )
      const publication = await c.head().getPublication()
      const { version, updatedAt: _updatedAt, ...content } = publication
      const saved = await c.head().updatePublication({
        ...content,
        title: 'Ein neuer Titel',
        impressum: { ...content.impressum, phone: '0365/000-0000' },
        version,
      })
      const logo = await c.designer().uploadMedia(new Blob([tinyPng()]), 'logo.png')
      await c.designer().updateLayout({
        version: saved.version,
        layout: {
          ...saved.layout,
          accentColor: '#8a1538',
          photoPlacement: 'right',
          logoMediaId: logo.id,
        },
      })

      const after = await page(archive.slug)
      expect(after.response.status).toBe(200)
      expect(after.response.headers.get('ETag')).toBe(etag)
      expect(after.html).toBe(before.html)
      expect(after.html).not.toContain('Ein neuer Titel')
      expect((await page(archive.slug, { 'If-None-Match': etag ?? '' })).response.status).toBe(304)
    })

    it('nimmt die Seite mit „Versand zurücknehmen“ wieder offline; die Adresse bleibt der Ausgabe', async () => {
      const { issue, archive } = await publishSeed()
      const back = await c.head().unpublishIssue(seedIssueId, {
        version: issue.version,
        reason: 'Versehentlich markiert.',
      })
      expect((await page(archive.slug)).response.status).toBe(404)
      expect((await list()).items).toEqual([])
      expect(await archiveOf()).toMatchObject({ slug: archive.slug, publishedAt: null })
      const withdrawn = await withdraw('head', 'Nicht versendet')
      expect(withdrawn.status).toBe(409)

      await c.editor().publishIssue(seedIssueId, { version: back.version })
      expect((await page(archive.slug)).response.status).toBe(200)
      expect((await archiveOf()).slug).toBe(archive.slug)
    })

    it('trägt „Im Browser ansehen“ mit der Archivadresse in Testversand und Versand', async () => {
      await c.editor().addRecipient({ email: 'leserin@gera.de' })
      const { id, version, fingerprint } = await c.approveSeedIssue()
      const month = (await c.head().getIssue(id)).plannedSendDate.slice(0, 7)
      // the test send of the approved issue reserves the address the send then keeps
      await c.designer().testSendIssue(seedIssueId, { addresses: ['test@gera.de'] })
      const [test] = await c.mail.received()
      const testLink = /Im Browser ansehen: (\S+)/.exec(test?.text ?? '')?.[1] ?? ''
      expect(testLink).toMatch(new RegExp(`^https?://.+/archiv/${month}$`))
      expect(test?.html).toContain(`href="${testLink}"`)
      expect(test?.html.indexOf('Im Browser ansehen')).toBeLessThan(test?.html.indexOf('<h1') ?? 0)

      expect(await archiveOf(id)).toMatchObject({ slug: month, publishedAt: null })
      const send = await c.head().startSend(id, { version, fingerprint })
      const reserved = await archiveOf(id)
      expect(reserved).toMatchObject({ slug: month, publishedAt: null })
      expect((await page(month)).response.status).toBe(404)
      await c.mail.settle(async () => (await c.head().getSend(send.id)).status === 'done')

      const sent = (await c.mail.received()).find((mail) => mail.to === 'leserin@gera.de')
      expect(sent?.text).toContain(`Im Browser ansehen: ${reserved.url}`)
      expect(sent?.html).toContain(`href="${reserved.url}"`)
      // the issue becomes versendet in the transaction right after the send's last message
      await expect
        .poll(async () => (await c.head().getIssue(id)).status, { timeout: 10_000 })
        .toBe('published')
      const published = await archiveOf(id)
      expect(published.publishedAt).not.toBeNull()
      expect((await page(month)).response.status).toBe(200)
      // sent through Rundbrief: cannot be taken back, but can be taken out of the archive
      expect((await withdraw('head', 'Rechtliche Prüfung')).status).toBe(200)
    })
  })
}
