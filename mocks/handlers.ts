import { delay, http, HttpResponse, type RequestHandler } from 'msw'
import type { RundbriefApp } from '../src/server/app'
import { decideFault, seededRandom, type Faults } from './faults'

/** What the fault knobs did so far: requests seen, delayed, made to fail. */
export interface FaultStats {
  requests: number
  failed: number
  delayed: number
}

/**
 * The only MSW handler: forwards every /api request to the contract handler, after applying the
 * fault knobs. `apiOrigin` is '*' in the browser (same origin) or an absolute origin in Node.
 */
export function apiHandlers(
  app: RundbriefApp,
  getFaults: () => Faults,
  apiOrigin = '',
  stats: FaultStats = { requests: 0, failed: 0, delayed: 0 },
): RequestHandler[] {
  let dice: { faults: Faults; random: () => number } | null = null
  const roll = () => {
    const faults = getFaults()
    if (dice?.faults !== faults) {
      dice = { faults, random: faults.seed === null ? Math.random : seededRandom(faults.seed) }
    }
    return decideFault(faults, dice.random)
  }
  return [
    http.all(`${apiOrigin}/api/*`, async ({ request }) => {
      const decision = roll()
      stats.requests++
      if (decision.delayMs > 0) stats.delayed++
      if (decision.fail) stats.failed++
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
