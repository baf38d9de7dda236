import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnServer, temporaryDataDir } from './spawn-server'

const folders: { remove: () => void }[] = []
afterAll(() => folders.forEach((folder) => folder.remove()))

function freshFolder(): string {
  const folder = temporaryDataDir()
  folders.push(folder)
  return folder.dataDir
}

describe('die öffentlichen Seiten der Leserinnen und Leser', () => {
  it('liefert für die Links aus den E-Mails die App aus, ohne Anmeldung', async () => {
    const distDir = freshFolder()
    mkdirSync(join(distDir, 'assets'))
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Rundbrief</title>')
    const server = await spawnServer(
      { kind: 'pglite', dataDir: freshFolder() },
      { SERVE_APP: '1', DIST_DIR: distDir },
    )
    try {
      // the unsubscribe token holds a dot (id.signature): no file extension to the server
      for (const path of [
        '/abonnieren',
        '/abonnieren/bestaetigen/Zm9vYmFyYmF6',
        '/abmelden/YWJjZGVm.c2lnbmF0dXJl',
      ]) {
        const response = await fetch(`${server.url}${path}`)
        expect(response.status, path).toBe(200)
        expect(response.headers.get('content-type'), path).toMatch(/^text\/html/)
        expect(await response.text(), path).toContain('<title>Rundbrief</title>')
      }
    } finally {
      await server.stop()
    }
  })
})
