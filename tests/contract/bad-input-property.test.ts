import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { MemoryStore, type MediaBytes, type MemoryState } from '../../mocks/memory-store'
import { createSeedMedia, createSeedState } from '../../mocks/seed/august-2018'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'
import { findUncleanText } from '../../src/domain/clean-text'
import type { Role } from '../../src/domain/user'
import { createApp, type AppOptions } from '../../src/server/app'
import type { Store, StoreTx } from '../../src/server/store'
import { tinyPng } from '../fixtures/images'

/*
 * Property: no request, however malformed, makes the API answer 5xx; every 4xx is a problem
 * document with a German `detail`. The store behaves like PostgreSQL: it throws on any string
 * with a NUL character or a lone surrogate half, so such input must be refused before it.
 */

const origin = 'http://rundbrief.test'
const seed = 20180813
const roles = ['editor', 'head', 'designer'] as const
const seedUserIds: Record<Role, string> = {
  editor: 'frank-ruehling',
  head: 'sandra-wanzar',
  designer: 'jana-krause',
}
const passwords: Record<Role, { login: string; password: string }> = {
  editor: { login: 'frank', password: 'geheim-redaktion' },
  head: { login: 'sandra', password: 'geheim-dezernat' },
  designer: { login: 'jana', password: 'geheim-gestaltung' },
}

/** A store that refuses what PostgreSQL refuses (NUL, lone surrogates) in any argument. */
function likePostgres(store: Store): Store {
  const strict = (tx: StoreTx): StoreTx =>
    new Proxy(tx, {
      get(target, property, receiver) {
        const member: unknown = Reflect.get(target, property, receiver)
        if (typeof member !== 'function') return member
        return (...args: unknown[]) => {
          const unclean = findUncleanText(args.filter((arg) => !ArrayBuffer.isView(arg)))
          if (unclean !== null) {
            throw new Error(
              `unsupported Unicode escape sequence (${String(property)}, Argument ${unclean})`,
            )
          }
          return Reflect.apply(member, target, args)
        }
      },
    })
  return { transaction: (work) => store.transaction((tx) => work(strict(tx))) }
}

interface Harness {
  fetch(request: Request): Promise<Response>
  reset(): void
  errors: unknown[]
  tokens: Record<Role, string>
}

/**
 * The contract handler over the in-memory seed, with every role signed in. `requestInputRules`
 * runs in front of the handler, where app.ts is meant to mount it; once app.ts does, it runs
 * twice, which changes nothing.
 */
async function createHarness(signIn: AppOptions['signIn']): Promise<Harness> {
  const state = createSeedState()
  const bytes = await createSeedMedia(state, sharpImagePort)
  state.credentials = roles.map((role) => ({
    login: passwords[role].login,
    userId: seedUserIds[role],
    passwordHash: `klartext:${passwords[role].password}`,
  }))
  let store = new MemoryStore(state, new Map(bytes))
  const errors: unknown[] = []
  const app = createApp({
    images: sharpImagePort,
    store: likePostgres({ transaction: (work) => store.transaction(work) }),
    logError: (_errorId, error) => errors.push(error),
    ...(signIn ? { signIn } : {}),
  })
  const tokens = {} as Record<Role, string>
  for (const role of roles) {
    const body = signIn?.method === 'password' ? passwords[role] : { userId: seedUserIds[role] }
    const response = await app.fetch(
      new Request(`${origin}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    )
    expect(response.status, `Anmeldung als ${role}`).toBe(201)
    tokens[role] = ((await response.json()) as { token: string }).token
  }
  const signedIn: MemoryState = store.snapshot()
  const signedInBytes: MediaBytes = new Map(bytes)
  return {
    fetch: async (request) => app.fetch(request),
    reset: () => {
      store = new MemoryStore(signedIn, new Map(signedInBytes))
    },
    errors,
    tokens,
  }
}

// --- generators ---------------------------------------------------------------------------

const nastyPieces = [
  '\u0000',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uD83D\uDE00',
  '„Gera“',
  'ß',
  '\u202E',
  '\uFEFF',
  '%00',
  '%ED%A0%80',
  '%',
  '\\u0000',
  '<script>alert(1)</script>',
  "'; DROP TABLE articles; --",
  '\n',
  ' ',
  '',
]
const dateish = [
  '2018-08-13T10:00:00.000Z',
  '2000-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00-23:59',
  '9999-12-31T23:59:59+14:00',
  '2018-02-30T00:00:00Z',
  '2999-01-01',
  '0000-01-01',
  '2018-02-29',
  'gestern',
]

const poison = ['\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF']

/** Strings that have broken servers: NUL, lone surrogates, very long, unicode, escapes. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ unit: 'grapheme', maxLength: 8 }),
        fc.constantFrom(...poison),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
      )
      .map((parts) => parts.join('')),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...nastyPieces),
          fc.string({ unit: 'binary', maxLength: 4 }),
          fc.string({ unit: 'grapheme', maxLength: 4 }),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 400_000 }), fc.constantFrom('a', 'ä', '😀', '\u0000'))
      .map(([length, unit]) => unit.repeat(length)),
  },
  { weight: 1, arbitrary: fc.constantFrom(...dateish) },
)

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, -(2 ** 53), 1e308, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** Any JSON value, with nasty strings among the leaves. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, [], {}),
)

/** JSON text nested `depth` levels deep, built as text (JSON.stringify itself recurses). */
const deepJsonText = (depth: number, kind: 'array' | 'object' | 'quote' | 'list') => {
  const brackets: Record<typeof kind, readonly [string, string]> = {
    array: ['[', ']'],
    object: ['{"a":', '}'],
    quote: ['{"type":"blockquote","content":[', ']}'],
    list: ['{"type":"bulletList","content":[{"type":"listItem","content":[', ']}]}'],
  }
  const [open, close] = brackets[kind]
  const inner = kind === 'array' || kind === 'object' ? '"x"' : '{"type":"paragraph"}'
  return open.repeat(depth) + inner + close.repeat(depth)
}
const deepDepth = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(700, 5_000, 50_000))

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Paths (lists of keys) of every value in a JSON template, the template itself included. */
function valuePaths(template: Json): (string | number)[][] {
  const paths: (string | number)[][] = []
  const stack: { value: Json; path: (string | number)[] }[] = [{ value: template, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop() ?? { value: null, path: [] }
    paths.push(path)
    if (Array.isArray(value))
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }))
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        stack.push({ value: item, path: [...path, key] })
    }
  }
  return paths
}

function valueAt(template: Json, path: (string | number)[]): Json {
  let value: Json = template
  for (const key of path) value = (value as Record<string | number, Json>)[key] ?? null
  return value
}

/** JSON text of `template` with the value at `path` replaced by `replacement` (given as JSON text). */
function replaceAt(template: Json, path: (string | number)[], replacement: string): string {
  const marker = '"__ERSATZ__"'
  if (path.length === 0) return replacement
  const copy = structuredClone(template)
  const parent = valueAt(copy, path.slice(0, -1))
  ;(parent as Record<string | number, Json>)[path[path.length - 1] ?? ''] = '__ERSATZ__'
  return JSON.stringify(copy).replace(marker, () => replacement)
}

/** Bodies for an endpoint whose valid body looks like `template`. */
function jsonBodies(template: Json): fc.Arbitrary<string> {
  const keys =
    template !== null && typeof template === 'object' && !Array.isArray(template)
      ? Object.keys(template)
      : []
  const paths = valuePaths(template)
  const textPaths = paths.filter((path) => typeof valueAt(template, path) === 'string')
  const contentPaths = paths.filter((path) => path[path.length - 1] === 'content')
  const valid = JSON.stringify(template)
  const replaceText = (text: fc.Arbitrary<string>) =>
    textPaths.length > 0
      ? fc
          .tuple(fc.constantFrom(...textPaths), text)
          .map(([path, replacement]) => replaceAt(template, path, JSON.stringify(replacement)))
      : fc.constant(valid)
  return fc.oneof(
    // the valid body, and with one text replaced by other printable text
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: replaceText(fc.string({ unit: 'grapheme', maxLength: 40 })) },
    // the valid body with one text, or any value, replaced by something nasty
    { weight: 5, arbitrary: replaceText(nastyString) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), anyValue)
        .map(([path, value]) => replaceAt(template, path, JSON.stringify(value) ?? 'null')),
    },
    // the right keys with values of any type
    {
      weight: 1,
      arbitrary:
        keys.length > 0
          ? fc
              .dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length })
              .map((body) => JSON.stringify(body))
          : fc.constant('{}'),
    },
    // rich text nested very deep, and any value nested very deep
    {
      weight: 1,
      arbitrary:
        contentPaths.length > 0
          ? fc
              .tuple(fc.constantFrom(...contentPaths), deepDepth, fc.constantFrom('quote', 'list'))
              .map(([path, depth, kind]) =>
                replaceAt(template, path, `[${deepJsonText(depth, kind)}]`),
              )
          : fc.constant(valid),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...paths),
          deepDepth,
          fc.constantFrom('array', 'object', 'quote', 'list'),
        )
        .map(([path, depth, kind]) => replaceAt(template, path, deepJsonText(depth, kind))),
    },
    // any JSON, and what is not JSON at all
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
        fc.constantFrom('', '{', 'null', '"x"', '{"version":1e400}', '\u0000', '{"a":"\\ud800"}'),
        nastyString.map((text) => JSON.stringify(text)),
      ),
    },
  )
}

const bodyTemplates = (now: number) => {
  const future = (days: number) => new Date(now + days * 86_400_000)
  const photo = {
    mediaId: 'foto-unbekannt',
    caption: 'Bildunterschrift',
    credit: 'Foto: Stadt Gera',
    alt: 'Alternativtext',
    decorative: false,
  }
  const body: Json = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'Text',
            marks: [{ type: 'link', attrs: { href: 'https://www.gera.de' } }],
          },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
      },
    ],
  }
  const layout = {
    accentColor: '#0b4f8a',
    headingFont: 'sans',
    bodyFont: 'serif',
    photoPlacement: 'left',
    logoMediaId: null,
  }
  return {
    signIn: { userId: 'frank-ruehling', login: 'frank', password: 'geheim-redaktion' },
    publication: {
      version: 1,
      title: 'Titel',
      subtitle: 'Untertitel',
      impressum: {
        publisher: 'Stadt Gera',
        department: 'Dezernat Soziales',
        street: 'Kornmarkt 12',
        postalCodeCity: '07545 Gera',
        phone: '0365 838',
        email: 'soziales@gera.de',
        editorialStaff: 'Redaktion',
        responsibleName: 'Sandra Wanzar',
        responsibleFunction: 'Dezernentin',
      },
      unsubscribeText: 'Abmelden',
      articleWordLimit: 400,
      layout,
    },
    layout: { version: 1, layout },
    issue: {
      label: 'Ausgabe',
      deadline: future(7).toISOString(),
      plannedSendDate: future(9).toISOString().slice(0, 10),
    },
    issuePatch: {
      version: 1,
      label: 'Ausgabe',
      deadline: future(7).toISOString(),
      plannedSendDate: future(9).toISOString().slice(0, 10),
    },
    arrange: { version: 1, articleIds: ['beitrag-unbekannt'] },
    version: { version: 1 },
    approve: { version: 1, acknowledgedWarnings: ['warnung'], fingerprint: 'abc' },
    requestChanges: { version: 1, comment: 'Bitte ändern' },
    article: { headline: 'Überschrift', body, photos: [photo] },
    articlePatch: { version: 1, headline: 'Überschrift', body, photos: [photo], status: 'ready' },
  } satisfies Record<string, Json>
}

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The path after /api; `{id}` is replaced by a generated id. */
  path: string
  body?: keyof ReturnType<typeof bodyTemplates> | 'upload'
  /** Query parameters the endpoint reads. */
  query?: string[]
}

/** Every endpoint of docs/api.md. */
const endpoints: Endpoint[] = [
  { method: 'GET', path: '/session/options' },
  { method: 'POST', path: '/session', body: 'signIn' },
  { method: 'GET', path: '/session' },
  { method: 'DELETE', path: '/session' },
  { method: 'GET', path: '/users' },
  { method: 'GET', path: '/publication/name' },
  { method: 'GET', path: '/publication' },
  { method: 'PUT', path: '/publication', body: 'publication' },
  { method: 'PUT', path: '/publication/layout', body: 'layout' },
  { method: 'GET', path: '/issues' },
  { method: 'POST', path: '/issues', body: 'issue' },
  { method: 'GET', path: '/issues/{id}' },
  { method: 'PATCH', path: '/issues/{id}', body: 'issuePatch' },
  { method: 'PUT', path: '/issues/{id}/articles', body: 'arrange' },
  { method: 'POST', path: '/issues/{id}/submit', body: 'version' },
  { method: 'POST', path: '/issues/{id}/approve', body: 'approve' },
  { method: 'POST', path: '/issues/{id}/request-changes', body: 'requestChanges' },
  { method: 'POST', path: '/issues/{id}/reopen', body: 'version' },
  { method: 'POST', path: '/issues/{id}/publish', body: 'version' },
  { method: 'GET', path: '/issues/{id}/history' },
  { method: 'GET', path: '/articles', query: ['issueId', 'status', 'q'] },
  { method: 'POST', path: '/articles', body: 'article' },
  { method: 'GET', path: '/articles/{id}' },
  { method: 'PATCH', path: '/articles/{id}', body: 'articlePatch' },
  { method: 'DELETE', path: '/articles/{id}', query: ['version'] },
  { method: 'POST', path: '/media', body: 'upload' },
  { method: 'GET', path: '/media/{id}' },
  { method: 'GET', path: '/media/{id}/file' },
]

function encodeForUrl(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    // a lone surrogate has no encoding; the URL parser makes it U+FFFD
    return text
  }
}

/** A path segment as a client could send it: encoded, raw, or with broken escapes. */
function pathSegment(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known, 'unbekannt').map(encodeForUrl) },
    { weight: 3, arbitrary: nastyString.filter((text) => text.length < 5_000).map(encodeForUrl) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%ED%A0%80', '%', '%zz', '..', '%2F', 'a%00b') },
  )
}

function queryValue(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...known, 'none', 'draft', 'ready', '1', '0', '-1', '1e400', '2147483648'),
    nastyString.filter((text) => text.length < 5_000),
  )
}

interface Call {
  role: Role | 'none'
  method: string
  path: string
  headers: Record<string, string>
  body: BodyInit | null
}

function describeCall(call: Call): string {
  const body = typeof call.body === 'string' ? call.body : call.body ? '(Formular)' : ''
  const shown = body.length > 300 ? `${body.slice(0, 300)}… (${body.length} Zeichen)` : body
  return `${call.role}: ${call.method} ${call.path.slice(0, 300)} ${JSON.stringify(shown)}`
}

function uploadBodies(): fc.Arbitrary<{ body: BodyInit; headers: Record<string, string> }> {
  const fileName = fc.oneof(fc.constantFrom('foto.png', ''), nastyString)
  const bytes = fc.oneof(fc.constant(tinyPng()), fc.uint8Array({ maxLength: 64 }))
  return fc.oneof(
    fc
      .tuple(fileName, bytes, fc.constantFrom('file', 'datei', '\u0000'))
      .map(([name, data, field]) => {
        const form = new FormData()
        form.append(field, new File([data], name, { type: 'image/png' }))
        return { body: form, headers: {} }
      }),
    nastyString.map((text) => ({
      body: text,
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    })),
    nastyString.map((text) => ({ body: text, headers: { 'Content-Type': 'application/json' } })),
  )
}

function calls(options: {
  known: { issueIds: string[]; articleIds: string[]; mediaIds: string[] }
  now: number
  endpoints: Endpoint[]
}): fc.Arbitrary<Call> {
  const templates = bodyTemplates(options.now)
  const allIds = [...options.known.issueIds, ...options.known.articleIds, ...options.known.mediaIds]
  return fc.constantFrom(...options.endpoints).chain((endpoint) => {
    const known = endpoint.path.startsWith('/issues')
      ? options.known.issueIds
      : endpoint.path.startsWith('/articles')
        ? options.known.articleIds
        : endpoint.path.startsWith('/media')
          ? options.known.mediaIds
          : allIds
    const query = fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...(endpoint.query ?? ['q'])),
            nastyString.filter((text) => text.length < 100),
          ),
          queryValue(allIds),
        ),
        { maxLength: 3 },
      )
      .map((pairs) =>
        pairs.map(([name, value]) => `${encodeForUrl(name)}=${encodeForUrl(value)}`).join('&'),
      )
    const template = endpoint.body && endpoint.body !== 'upload' ? templates[endpoint.body] : null
    const body: fc.Arbitrary<{ body: BodyInit | null; headers: Record<string, string> }> =
      endpoint.body === 'upload'
        ? uploadBodies()
        : template
          ? fc
              .tuple(
                jsonBodies(template),
                fc.oneof(
                  { weight: 9, arbitrary: fc.constant('application/json') },
                  { weight: 1, arbitrary: fc.constant('text/plain') },
                ),
              )
              .map(([text, type]) => ({ body: text, headers: { 'Content-Type': type } }))
          : fc.constant({ body: null, headers: {} })
    return fc
      .record({
        role: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom<Role>('editor', 'head') },
          { weight: 1, arbitrary: fc.constantFrom<Role | 'none'>('designer', 'none') },
        ),
        id: pathSegment(known),
        query,
        body,
      })
      .map(({ role, id, query: search, body: { body: content, headers } }) => ({
        role,
        method: endpoint.method,
        path: `/api${endpoint.path.replace('{id}', id)}${search ? `?${search}` : ''}`,
        headers,
        body: content,
      }))
  })
}

// --- the property -------------------------------------------------------------------------

const englishLeftovers = /\b(invalid|expected|received|required|unrecognized|must|error)\b/i
const germanWords =
  /[äöüßÄÖÜ]|\b(der|die|das|den|dem|des|ist|nicht|bitte|ein|eine|darf|zu|gibt|kein|keine|nur|diese|dieser|wurde|Sie|Anfrage|erwartet|erhalten|unbekannt\w*|ungültig\w*|fehlt)\b/i

async function send(harness: Harness, call: Call): Promise<void> {
  const headers = new Headers(call.headers)
  if (call.role !== 'none') headers.set('Authorization', `Bearer ${harness.tokens[call.role]}`)
  const request = new Request(`${origin}${call.path}`, {
    method: call.method,
    headers,
    body: call.method === 'GET' ? null : call.body,
  })
  const errorsBefore = harness.errors.length
  const response = await harness.fetch(request)
  const shown = describeCall(call)
  const logged = harness.errors.slice(errorsBefore)
  expect(logged, `${shown}: Fehler im Log`).toEqual([])
  expect(response.status, shown).toBeLessThan(500)
  if (response.status < 400) {
    await response.arrayBuffer()
    return
  }
  expect(response.headers.get('Content-Type'), shown).toMatch(/^application\/problem\+json/)
  const problem = (await response.json()) as { status?: unknown; detail?: unknown }
  expect(problem.status, shown).toBe(response.status)
  expect(typeof problem.detail, shown).toBe('string')
  const detail = String(problem.detail)
  expect(detail, shown).toMatch(germanWords)
  expect(detail, shown).not.toMatch(englishLeftovers)
}

describe('Schlechte Eingaben führen nie zu 5xx (Eigenschaftstest, Demo-Anmeldung)', () => {
  let harness: Harness
  let known: { issueIds: string[]; articleIds: string[]; mediaIds: string[] }

  beforeAll(async () => {
    harness = await createHarness(undefined)
    const state = createSeedState()
    known = {
      issueIds: state.issues.map((issue) => issue.id),
      articleIds: state.articles.map((article) => article.id),
      mediaIds: state.media.map((media) => media.id),
    }
  })

  const property = (selection: (endpoint: Endpoint) => boolean, numRuns: number) =>
    fc.assert(
      fc.asyncProperty(
        calls({ known, now: Date.now(), endpoints: endpoints.filter(selection) }),
        async (call) => {
          harness.reset()
          await send(harness, call)
        },
      ),
      { seed, numRuns },
    )

  it('Sitzung, Personen, Einstellungen', () =>
    property((endpoint) => /^\/(session|users|publication)/.test(endpoint.path), 600))

  it('Ausgaben und Freigabe', () =>
    property((endpoint) => endpoint.path.startsWith('/issues'), 1200))

  it('Beiträge, Suche und Filter', () =>
    property((endpoint) => endpoint.path.startsWith('/articles'), 1000))

  it('Fotos', () => property((endpoint) => endpoint.path.startsWith('/media'), 500))

  it('Rich Text mit 700 Ebenen Zitaten: 422 mit deutscher Meldung', async () => {
    harness.reset()
    const response = await harness.fetch(
      new Request(`${origin}/api/articles`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${harness.tokens.editor}`,
        },
        body: `{"headline":"Tief","body":{"type":"doc","content":[${deepJsonText(700, 'quote')}]}}`,
      }),
    )
    expect(response.status).toBe(422)
    expect(((await response.json()) as { detail: string }).detail).toContain('verschachtelt')
  })

  it('Redaktionsschluss in der Vergangenheit: 422 mit deutscher Meldung', async () => {
    harness.reset()
    const response = await harness.fetch(
      new Request(`${origin}/api/issues`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${harness.tokens.editor}`,
        },
        body: JSON.stringify({
          label: 'Rückblick',
          deadline: '2018-08-13T10:00:00.000Z',
          plannedSendDate: '2018-08-15',
        }),
      }),
    )
    expect(response.status).toBe(422)
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'Der Redaktionsschluss darf nicht in der Vergangenheit liegen.',
    )
  })

  it('Ein NUL in der Überschrift erreicht den Speicher nicht: 422', async () => {
    harness.reset()
    const response = await harness.fetch(
      new Request(`${origin}/api/articles`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${harness.tokens.editor}`,
        },
        body: JSON.stringify({ headline: 'Sozial\u0000plan' }),
      }),
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({
      detail: 'Der Text enthält unzulässige Zeichen.',
      errors: [{ path: 'headline', message: 'Der Text enthält unzulässige Zeichen.' }],
    })
  })
})

describe('Schlechte Eingaben führen nie zu 5xx (Eigenschaftstest, Passwort-Anmeldung)', () => {
  let harness: Harness

  beforeAll(async () => {
    harness = await createHarness({
      method: 'password',
      verifyPassword: async (passwordHash: string | null, password: string) =>
        passwordHash === `klartext:${password}`,
      clientAddress: () => '203.0.113.7',
    })
  })

  it('Anmelden mit Benutzername und Passwort', () =>
    fc.assert(
      fc.asyncProperty(
        calls({
          known: { issueIds: [], articleIds: [], mediaIds: [] },
          now: Date.now(),
          endpoints: endpoints.filter((endpoint) => /^\/(session|users)/.test(endpoint.path)),
        }),
        async (call) => {
          harness.reset()
          await send(harness, call)
        },
      ),
      { seed, numRuns: 500 },
    ))
})
