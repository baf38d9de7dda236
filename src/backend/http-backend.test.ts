import { describe, expect, it } from 'vitest'
import { ApiError, ConflictError, NetworkError, ResponseFormatError } from './api-error'
import { createHttpBackend } from './http-backend'

const respond =
  (body: BodyInit | null, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, init)

const backendWith = (fetchImpl: typeof fetch, token: string | null = 'geheim') =>
  createHttpBackend({
    baseUrl: 'https://rundbrief.example/api/',
    getToken: () => token,
    fetch: fetchImpl,
  })

describe('HttpBackend', () => {
  it('sendet Token und JSON und baut Adressen aus der Basis-URL', async () => {
    const calls: Request[] = []
    const backend = backendWith(async (input, init) => {
      calls.push(new Request(input, init))
      return Response.json({ user: { id: 'u', name: 'Name', role: 'head' } })
    })
    await backend.getSession()
    expect(calls[0]?.url).toBe('https://rundbrief.example/api/session')
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer geheim')
    expect(backend.mediaFileUrl('foto 1')).toBe('https://rundbrief.example/api/media/foto%201/file')
  })

  it('sendet beim Wiederherstellen aus dem Papierkorb einen JSON-Inhalt (der Server nimmt nur JSON)', async () => {
    const calls: Request[] = []
    const backend = backendWith(async (input, init) => {
      calls.push(new Request(input, init))
      return new Response('{}', { status: 500 })
    })
    await backend.restoreArticle('b 1').catch(() => undefined)
    expect(calls[0]?.url).toBe('https://rundbrief.example/api/trash/b%201/restore')
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/json')
    expect(await calls[0]?.text()).toBe('{}')
  })

  it('hält im Cookie-Modus keinen Schlüssel in der Hand und wiederholt bei Änderungen das CSRF-Merkmal', async () => {
    const calls: Request[] = []
    const user = { id: 'u', name: 'Name', role: 'head' }
    const backend = createHttpBackend({
      baseUrl: 'https://rundbrief.example/api/',
      getToken: () => 'nie-gesendet',
      session: 'cookie',
      fetch: async (input, init) => {
        const request = new Request(input, init)
        calls.push(request)
        if (request.url.endsWith('/session') && request.method === 'POST') {
          return Response.json({ user, csrfToken: 'merkmal-1' }, { status: 201 })
        }
        if (request.url.endsWith('/session')) return Response.json({ user, csrfToken: 'merkmal-2' })
        return new Response(null, { status: 204 })
      },
    })
    expect(await backend.loginWithPassword('name', 'passwort')).toEqual({
      token: 'cookie:u',
      user,
    })
    await backend.deleteArticle('a', 1)
    await backend.getSession()
    await backend.deleteArticle('a', 2)
    const [login, firstDelete, session, secondDelete] = calls
    expect(login?.headers.get('X-Rundbrief-Session')).toBe('cookie')
    expect(calls.every((call) => call.headers.get('Authorization') === null)).toBe(true)
    expect(firstDelete?.headers.get('X-CSRF-Token')).toBe('merkmal-1')
    expect(session?.headers.get('X-CSRF-Token')).toBeNull()
    expect(secondDelete?.headers.get('X-CSRF-Token')).toBe('merkmal-2')
    expect(calls.every((call) => call.credentials === 'same-origin')).toBe(true)
  })

  it('lässt nichts Ungeprüftes durch: falsche Form wird zu ResponseFormatError', async () => {
    const backend = backendWith(respond(JSON.stringify([{ id: 1, label: null }])))
    await expect(backend.listIssues()).rejects.toBeInstanceOf(ResponseFormatError)
    await expect(backendWith(respond('<html>')).listIssues()).rejects.toThrow(/unerwartetes Format/)
  })

  it('übersetzt Fehlerantworten in deutsche Meldungen, auch ohne problem+json', async () => {
    const problem = backendWith(
      respond(JSON.stringify({ status: 403, detail: 'Nur die Dezernentin darf das.' }), {
        status: 403,
      }),
    )
    await expect(problem.listIssues()).rejects.toMatchObject({
      status: 403,
      message: 'Nur die Dezernentin darf das.',
    })
    const bare = backendWith(respond('Bad Gateway', { status: 502 }))
    const error = await bare.listIssues().catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toBe(
      'Der Server ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
    )
  })

  it('liefert bei 409 den aktuellen Stand geprüft mit', async () => {
    const current = {
      id: 'a',
      headline: 'Neuer',
      body: { type: 'doc', content: [] },
      photos: [],
      authorId: 'u',
      status: 'draft',
      issueId: null,
      version: 3,
      createdAt: '2018-08-01T00:00:00.000Z',
      updatedAt: '2018-08-01T00:00:00.000Z',
      updatedBy: 'u',
    }
    const backend = backendWith(respond(JSON.stringify({ status: 409, current }), { status: 409 }))
    const error = await backend
      .updateArticle('a', { version: 2, headline: 'Alt' })
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError<typeof current>).current).toEqual(current)

    const broken = backendWith(
      respond(JSON.stringify({ status: 409, current: { id: 'a' } }), { status: 409 }),
    )
    const withoutCurrent = await broken
      .updateArticle('a', { version: 2 })
      .catch((reason: unknown) => reason)
    expect((withoutCurrent as ConflictError<unknown>).current).toBeNull()
  })

  it('meldet fehlendes Netz als NetworkError', async () => {
    const backend = backendWith(async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(backend.listUsers()).rejects.toBeInstanceOf(NetworkError)
    await expect(backend.listUsers()).rejects.toThrow('Keine Verbindung zum Server.')
  })

  it('gibt eine Anfrage ohne Antwort nach der Zeitgrenze als Netzwerkfehler auf', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })
    const backend = createHttpBackend({
      baseUrl: '/api',
      getToken: () => null,
      fetch: hanging,
      timeoutMs: 50,
    })
    await expect(backend.listIssues()).rejects.toBeInstanceOf(NetworkError)
  })
})
