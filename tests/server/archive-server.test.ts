import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpBackend } from '../../src/backend/http-backend'
import { signInOn } from './server-api'
import { spawnServer, temporaryDataDir, type SpawnedServer } from './spawn-server'

const folders: { remove: () => void }[] = []
afterAll(() => folders.forEach((folder) => folder.remove()))

function freshFolder(): string {
  const folder = temporaryDataDir()
  folders.push(folder)
  return folder.dataDir
}

const publicUrl = 'https://rundbrief.gera.de'

/** Approves the seed issue (deadline moved, alt texts written) and marks it as sent. */
async function publishSeedIssue(server: SpawnedServer) {
  const backend = async (role: 'editor' | 'head') => {
    const token = await signInOn(server, role)
    return createHttpBackend({ baseUrl: server.apiBaseUrl, getToken: () => token })
  }
  const editor = await backend('editor')
  const head = await backend('head')
  const id = 'ausgabe-2018-08'
  let issue = await head.getIssue(id)
  issue = await head.updateIssue(id, {
    version: issue.version,
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    plannedSendDate: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10),
  })
  for (const articleId of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
    const article = await editor.getArticle(articleId)
    await editor.updateArticle(articleId, {
      version: article.version,
      photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
    })
  }
  issue = await editor.submitIssue(id, { version: issue.version })
  issue = await head.approveIssue(id, {
    version: issue.version,
    acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
  })
  issue = await editor.publishIssue(id, { version: issue.version })
  return { issue, slug: issue.plannedSendDate.slice(0, 7), head }
}

describe('das öffentliche Archiv auf dem Node-Server', () => {
  let server: SpawnedServer
  let slug = ''
  beforeAll(async () => {
    const distDir = freshFolder()
    mkdirSync(join(distDir, 'assets'))
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Rundbrief-App</title>')
    server = await spawnServer(
      { kind: 'pglite', dataDir: freshFolder() },
      { SERVE_APP: '1', DIST_DIR: distDir, PUBLIC_URL: publicUrl },
    )
    await server.reset()
    slug = (await publishSeedIssue(server)).slug
  })
  afterAll(() => server.stop())

  const csp = (response: Response) => response.headers.get('Content-Security-Policy') ?? ''

  it('liefert /archiv/<Adresse> mit der CSP des Servers, lang="de", ETag und 304', async () => {
    const response = await fetch(`${server.url}/archiv/${slug}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(csp(response)).toMatch(/script-src 'self'(;|$)/)
    expect(csp(response)).toContain("default-src 'self'")
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Cache-Control')).toBe('public, no-cache')
    const html = await response.text()
    expect(html).toContain('<html lang="de">')
    expect(html).not.toContain('Rundbrief-App')
    expect(html).toContain(`href="${publicUrl}/archiv"`)
    expect(html).toMatch(new RegExp(`src="${publicUrl}/api/media/[^"]+/file/web"`))
    const etag = response.headers.get('ETag') ?? ''
    const again = await fetch(`${server.url}/archiv/${slug}`, {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
    expect(again.headers.get('ETag')).toBe(etag)
  })

  it('listet die Ausgabe in der Übersicht /archiv und in beiden Feeds', async () => {
    const overview = await fetch(`${server.url}/archiv`)
    expect(overview.status).toBe(200)
    expect(csp(overview)).toMatch(/script-src 'self'(;|$)/)
    const html = await overview.text()
    expect(html).toContain('<html lang="de">')
    expect(html).toContain(`href="${publicUrl}/archiv/${slug}"`)
    expect(html).toContain('Ausgabe August 2018')
    for (const [path, type] of [
      ['/archiv/rss.xml', 'application/rss+xml'],
      ['/archiv/atom.xml', 'application/atom+xml'],
    ] as const) {
      const feed = await fetch(`${server.url}${path}`)
      expect(feed.status, path).toBe(200)
      expect(feed.headers.get('Content-Type'), path).toBe(`${type}; charset=utf-8`)
      expect(await feed.text(), path).toContain(`${publicUrl}/archiv/${slug}`)
    }
  })

  it('antwortet für unbekannte Adressen 404 als deutsche Seite, nicht mit der App', async () => {
    const missing = await fetch(`${server.url}/archiv/2099-01`)
    expect(missing.status).toBe(404)
    expect(csp(missing)).toContain("default-src 'self'")
    const html = await missing.text()
    expect(html).toContain('gibt es im Archiv nicht')
    expect(html).not.toContain('Rundbrief-App')
    const slash = await fetch(`${server.url}/archiv/`, { redirect: 'manual' })
    expect(slash.status).toBe(301)
    expect(slash.headers.get('Location')).toBe('/archiv')
    // the app's own pages are still the app
    expect(await (await fetch(`${server.url}/ausgaben`)).text()).toContain('Rundbrief-App')
  })
})
