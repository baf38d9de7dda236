import { delay, http, HttpResponse, type RequestHandler } from 'msw'
import type { RundbriefApp } from '../src/server/app'
import { decideFault, type Faults } from './faults'

/**
 * The only MSW handler: forwards every /api request to the contract handler, after applying the
 * fault knobs. `apiOrigin` is '*' in the browser (same origin) or an absolute origin in Node.
 */
export function apiHandlers(
  app: RundbriefApp,
  getFaults: () => Faults,
  apiOrigin = '',
): RequestHandler[] {
  return [
    http.all(`${apiOrigin}/api/*`, async ({ request }) => {
      const decision = decideFault(getFaults())
      if (decision.delayMs > 0) await delay(decision.delayMs)
      if (decision.fail === 'network') return HttpResponse.error()
      if (decision.fail === 'server') {
        return HttpResponse.json(
          {
            type: '/probleme/dienst-nicht-verfuegbar',
            title: 'Dienst nicht verfügbar',
            status: 503,
            detail: 'Der Server ist gerade nicht erreichbar (simulierte Störung).',
          },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        )
      }
      return app.fetch(request)
    }),
  ]
}
