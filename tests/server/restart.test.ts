import { afterAll, expect, it } from 'vitest'
import { tinyPng } from '../fixtures/images'
import { sendTo, signInOn } from './server-api'
import { spawnServer, temporaryDataDir, type SpawnedServer } from './spawn-server'

const data = temporaryDataDir()
afterAll(() => data.remove())

async function api(
  server: SpawnedServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await sendTo(server, token, method, path, body)
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

it('behält nach SIGKILL und Neustart jede bestätigte Änderung (PGlite)', async () => {
  const first = await spawnServer({ kind: 'pglite', dataDir: data.dataDir })
  await first.reset()
  const token = await signInOn(first)

  const acknowledged = new Map<string, { headline: string; version: number }>()
  let current = (await api(first, token, 'GET', '/articles/beitrag-02-sozialplan')).json
  for (let save = 1; save <= 20; save++) {
    const result = await api(first, token, 'PATCH', '/articles/beitrag-02-sozialplan', {
      version: current.version,
      headline: `Sozialplan, Fassung ${save}`,
    })
    expect(result.status).toBe(200)
    current = result.json
  }
  acknowledged.set('beitrag-02-sozialplan', {
    headline: 'Sozialplan, Fassung 20',
    version: current.version as number,
  })
  const form = new FormData()
  form.append('file', new Blob([tinyPng()], { type: 'image/png' }), 'neu.png')
  const upload = await fetch(`${first.apiBaseUrl}/media`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  })
  expect(upload.status).toBe(201)
  const media = (await upload.json()) as { id: string }

  const inFlight = Array.from({ length: 15 }, (_, index) =>
    api(first, token, 'POST', '/articles', { headline: `Kurz vor dem Absturz ${index + 1}` }).then(
      (result) =>
        result.status === 201 ? (result.json as { id: string; headline: string }) : null,
      () => null,
    ),
  )
  const created = (await Promise.all(inFlight.slice(0, 5))).filter((item) => item !== null)
  await first.kill()
  const late = (await Promise.all(inFlight.slice(5))).filter((item) => item !== null)
  expect(created.length).toBe(5)

  const second = await spawnServer({ kind: 'pglite', dataDir: data.dataDir })
  try {
    const again = await signInOn(second)
    for (const [id, expected] of acknowledged) {
      expect((await api(second, again, 'GET', `/articles/${id}`)).json).toMatchObject(expected)
    }
    for (const article of [...created, ...late]) {
      const stored = await api(second, again, 'GET', `/articles/${article.id}`)
      expect(stored.status).toBe(200)
      expect(stored.json.headline).toBe(article.headline)
    }
    const file = await fetch(`${second.apiBaseUrl}/media/${media.id}/file`)
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(tinyPng())
    expect((await api(second, token, 'GET', '/session')).status).toBe(200)
  } finally {
    await second.stop()
  }
})
