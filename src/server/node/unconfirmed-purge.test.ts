import { expect, it } from 'vitest'
import { MemoryStore } from '../../../mocks/memory-store'
import { createSeedState } from '../../../mocks/seed/august-2018'
import type { Subscriber } from '../../domain/subscriber'
import { startUnconfirmedPurge } from './unconfirmed-purge'

const dayMs = 24 * 60 * 60 * 1000
const now = new Date('2026-12-10T08:00:00.000Z')

const signUp = (id: string, daysAgo: number, status: Subscriber['status']): Subscriber => ({
  id,
  email: `${id}@example.org`,
  name: '',
  organisation: '',
  status,
  consentVersion: '2026-12-01',
  requestedAt: new Date(now.getTime() - daysAgo * dayMs).toISOString(),
  confirmedAt: status === 'confirmed' ? now.toISOString() : null,
  unsubscribedAt: null,
})

it('löscht nie bestätigte Anmeldungen nach 7 Tagen, beim Start und danach regelmäßig', async () => {
  const store = new MemoryStore(createSeedState())
  await store.transaction(async (tx) => {
    await tx.insertSubscriber(signUp('vor-acht-tagen', 8, 'pending'))
    await tx.insertSubscriber(signUp('vor-sechs-tagen', 6, 'pending'))
    await tx.insertSubscriber(signUp('bestaetigt', 30, 'confirmed'))
  })
  let clock = now
  const purged: number[] = []
  const purge = startUnconfirmedPurge({
    store,
    now: () => clock,
    intervalMs: 20,
    onPurged: (count) => purged.push(count),
    onError: (error) => {
      throw error
    },
  })
  const remaining = () =>
    store.transaction(async (tx) => (await tx.listSubscribers({})).map((item) => item.id).sort())
  await new Promise((resolve) => setTimeout(resolve, 5))
  expect(await remaining()).toEqual(['bestaetigt', 'vor-sechs-tagen'])
  clock = new Date(now.getTime() + 2 * dayMs)
  await new Promise((resolve) => setTimeout(resolve, 50))
  await purge.stop()
  expect(await remaining()).toEqual(['bestaetigt'])
  expect(purged).toEqual([1, 1])
})
