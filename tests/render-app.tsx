import type { Editor } from '@tiptap/core'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { MemoryRouter } from 'react-router'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createTestServer } from '../mocks/node'
import { App, createQueryClient } from '../src/app/app'
import { preloadAllPages } from '../src/app/app-routes'
import type { DemoControls } from '../src/app/demo-controls'
import type { Backend } from '../src/backend/backend'
import { createHttpBackend } from '../src/backend/http-backend'
import { memoryTokenStorage } from '../src/backend/token-storage'
import { seedUsers } from '../mocks/seed/august-2018'
import type { Role } from '../src/domain/user'

/** The demo backend behind MSW in Node, reset to the seed before every test. */
export const testServer = createTestServer()

/** A backend behind MSW in Node, as `createTestServer` makes it. */
export type TestServer = ReturnType<typeof createTestServer>

/** The user id of the seed person of `role`. */
function seedUserId(role: Role): string {
  return seedUsers.find((candidate) => candidate.role === role)!.id
}

/** The test server's backend signed in as the seed person of `role`, to arrange a test's data. */
export async function backendAs(role: Role, server: TestServer = testServer): Promise<Backend> {
  let token: string | null = null
  const backend = createHttpBackend({ baseUrl: server.apiBaseUrl, getToken: () => token })
  token = (await backend.login(seedUserId(role))).token
  return backend
}

/** The article editor's body text (Tiptap) once it is rendered. */
export async function bodyEditor(): Promise<Editor> {
  const body = await screen.findByRole('textbox', { name: 'Text' })
  return (body as unknown as { editor: Editor }).editor
}

/** Registers MSW (unhandled requests fail the test) and a fresh seed per test. */
export function setupTestServer(server: TestServer = testServer) {
  beforeAll(() => server.server.listen({ onUnhandledRequest: 'error' }))
  // The pages are lazy chunks: loaded once up front, a busy machine does not make the first
  // test of a file wait past its timeout for them.
  beforeAll(() => preloadAllPages(), 60_000)
  beforeEach(() => server.reset())
  afterEach(() => server.server.resetHandlers())
  afterAll(() => server.server.close())
}

interface RenderAppOptions {
  route?: string
  /** Sign in as the seed user of this role before rendering. */
  as?: Role
  demo?: DemoControls | null
  /** A token to start with instead of signing in (e.g. an expired one). */
  token?: string
  /** Fault knobs switched on after signing in, before the first render. */
  faults?: Parameters<typeof testServer.setFaults>[0]
  /** Wraps the backend, e.g. to break one method. */
  backend?: (backend: Backend) => Backend
  /** Another test server, e.g. one with password sign-in (`as` needs the demo sign-in). */
  server?: TestServer
  /** Renders in React's StrictMode, as `src/main.tsx` does: effects run, clean up and run again. */
  strict?: boolean
}

/** Renders the whole app at a route with a fresh QueryClient, token storage and backend. */
export async function renderApp({
  route = '/',
  as,
  token,
  faults,
  demo = null,
  backend: wrap,
  server = testServer,
  strict = false,
}: RenderAppOptions = {}) {
  const tokens = memoryTokenStorage()
  const base = createHttpBackend({ baseUrl: server.apiBaseUrl, getToken: () => tokens.get() })
  const backend = wrap ? wrap(base) : base
  if (as) tokens.set((await base.login(seedUserId(as))).token)
  if (token) tokens.set(token)
  if (faults) server.setFaults(faults)
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const user = userEvent.setup()
  const app = (
    <MemoryRouter initialEntries={[route]}>
      <App backend={backend} tokens={tokens} demo={demo} queryClient={queryClient} />
    </MemoryRouter>
  )
  const view = render(strict ? <StrictMode>{app}</StrictMode> : app)
  return { ...view, user, tokens, backend, queryClient }
}
