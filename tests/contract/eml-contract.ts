import { simpleParser } from 'mailparser'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../src/domain/user'

export interface EmlContext {
  /** The API's base URL, ending in /api. */
  baseUrl: () => string
  fetch: typeof fetch
  /** The bearer token of a signed-in person of the role. */
  token: (role: Role) => string
  /** Approves the seed issue (deadline moved, alt texts written, warning acknowledged). */
  approveSeedIssue: () => Promise<{ id: string; version: number; fingerprint: string }>
  /** Creates an issue (as the Redaktion) with the given Erscheinungsdatum; returns its id. */
  createIssue: (label: string, plannedSendDate: string) => Promise<string>
}

/** „E-Mail für Outlook herunterladen“: the draft the server renders (`GET /issues/{id}/email.eml`). */
export function defineEmlContract(context: () => EmlContext) {
  let c: EmlContext
  beforeEach(() => {
    c = context()
  })

  const download = (issueId: string, role: Role | null) =>
    c.fetch(`${c.baseUrl()}/issues/${encodeURIComponent(issueId)}/email.eml`, {
      headers: role ? { Authorization: `Bearer ${c.token(role)}` } : {},
    })
  const browserLinkOf = async (issueId: string) => {
    const response = await download(issueId, 'editor')
    expect(response.status).toBe(200)
    const mail = await simpleParser(await response.text())
    return /Im Browser ansehen: (\S+)/.exec(mail.text ?? '')?.[1] ?? ''
  }
  /** The issue's reserved archive address; null while it has none. */
  const reservedSlugOf = async (issueId: string) => {
    const response = await c.fetch(`${c.baseUrl()}/issues/${encodeURIComponent(issueId)}/archive`, {
      headers: { Authorization: `Bearer ${c.token('editor')}` },
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { slug: string } | null)?.slug ?? null
  }

  describe('E-Mail für Outlook (.eml)', () => {
    it('liefert die Ausgabe als unversendeten Entwurf: Text und HTML, Fotos mit absoluter Adresse', async () => {
      const response = await download('ausgabe-2018-08', 'editor')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('message/rfc822')
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="rundbrief-august-2018.eml"',
      )
      const raw = await response.text()
      expect(raw).not.toMatch(/[^\r]\n/)
      const [head = ''] = raw.split('\r\n\r\n')
      expect(head).toMatch(/^X-Unsent: 1$/m)
      expect(head).toMatch(/^To:$/m)
      expect(head).toMatch(/^Content-Type: multipart\/alternative;\r\n boundary=/m)

      const mail = await simpleParser(raw)
      expect(mail.headers.get('x-unsent')).toBe('1')
      expect(mail.subject).toMatch(/– August 2018$/)
      expect(mail.text).toContain('Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales')
      const html = mail.html || ''
      expect(html).toContain('Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales')
      expect(html).not.toMatch(/src="(?:data|cid):/)
      const sources = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map(([, src = '']) => src)
      expect(sources).toHaveLength(3)
      for (const source of sources) {
        expect(new URL(source).protocol).toMatch(/^https?:$/)
        expect(new URL(source).pathname).toMatch(/^\/api\/media\/[^/]+\/file\/email2x$/)
      }
      expect(mail.attachments).toHaveLength(0)
      const browserLink = /<a href="([^"]+)"[^>]*>Im Browser ansehen<\/a>/.exec(html)?.[1] ?? ''
      expect(new URL(browserLink).pathname).toBe('/archiv/2018-08')
      expect(mail.text).toContain(browserLink)
    })

    it('reserviert die Archivadresse einer freigegebenen Ausgabe, damit der Link nach dem Versand von Hand zu ihr führt', async () => {
      // before the approval the draft names the address the issue would get, and reserves nothing
      expect(new URL(await browserLinkOf('ausgabe-2018-08')).pathname).toBe('/archiv/2018-08')
      expect(await reservedSlugOf('ausgabe-2018-08')).toBeNull()

      const { id } = await c.approveSeedIssue()
      const link = await browserLinkOf(id)
      const month = /\/archiv\/(\d{4}-\d{2})$/.exec(link)?.[1] ?? ''
      expect(month).not.toBe('')
      expect(await reservedSlugOf(id)).toBe(month)
      // downloading again keeps the address
      expect(await browserLinkOf(id)).toBe(link)

      // another issue of the same month gets the next address, not the one in the sent draft
      const other = await c.createIssue('Sonderausgabe', `${month}-28`)
      expect(await browserLinkOf(other)).toBe(`${link}-2`)
      expect(await reservedSlugOf(other)).toBeNull()
    })

    it('gibt es für jede Rolle, nicht ohne Anmeldung und nicht für unbekannte Ausgaben', async () => {
      expect((await download('ausgabe-2018-08', 'designer')).status).toBe(200)
      expect((await download('ausgabe-2018-08', 'head')).status).toBe(200)
      expect((await download('ausgabe-2018-08', null)).status).toBe(401)
      const unknown = await download('gibt-es-nicht', 'editor')
      expect(unknown.status).toBe(404)
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    })
  })
}
