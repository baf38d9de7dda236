import { describe, expect, it } from 'vitest'
import type { MemoryState } from '../../mocks/memory-store'
import { createSeedState } from '../../mocks/seed/august-2018'
import { createHttpBackend } from '../../src/backend/http-backend'
import { archiveListSchema } from '../../src/domain/archive'
import { approvedContent, contentFingerprint } from '../../src/domain/fingerprint'
import { createApp } from '../../src/server/app'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'
import { storesForTests } from './test-stores'

/*
 * Issues marked as sent before the archive existed (migration 0012) have no page. The first look
 * at the archive stores theirs, on each store, also when two looks come at the same moment.
 */

const issueId = 'ausgabe-2018-08'
const markedAsSentAt = '2018-08-14T07:30:00.000Z'

/** The seed with its issue approved and marked as sent, as a database from before 0012 holds it. */
async function sentBeforeTheArchive(): Promise<MemoryState> {
  const state = createSeedState()
  const issue = state.issues.find((candidate) => candidate.id === issueId)
  if (!issue) throw new Error('Ausgabe fehlt im Seed')
  const articles = state.articles
    .filter((article) => issue.articleIds.includes(article.id))
    .map((article) => ({ ...article, issueId }))
  issue.status = 'published'
  issue.approval = {
    approvedBy: 'sandra-wanzar',
    approvedAt: '2018-08-13T15:00:00.000Z',
    fingerprint: await contentFingerprint(issue, articles),
    content: { articles: approvedContent(issue, articles).articles },
  }
  state.auditEvents.push(
    {
      id: 'verlauf-freigabe',
      at: '2018-08-13T15:00:00.000Z',
      actorId: 'sandra-wanzar',
      action: 'issue.approved',
      resourceType: 'issue',
      resourceId: issueId,
      detail: null,
    },
    {
      id: 'verlauf-versendet',
      at: markedAsSentAt,
      actorId: 'frank-ruehling',
      action: 'issue.published',
      resourceType: 'issue',
      resourceId: issueId,
      detail: null,
    },
  )
  return state
}

const { stores } = storesForTests('rundbrief_archiv_nachtrag')

describe.each(stores)('Archivseiten für Ausgaben von vor dem Archiv (%s)', (_name, makeStore) => {
  const appOn = async () => {
    const app = createApp({
      store: await makeStore(await sentBeforeTheArchive()),
      images: sharpImagePort,
      publicUrl: 'https://rundbrief.gera.de',
    })
    let token: string | null = null
    const backend = createHttpBackend({
      baseUrl: 'https://rundbrief.gera.de/api',
      fetch: async (input, init) => app.fetch(new Request(input, init)),
      getToken: () => token,
    })
    const signIn = async () => {
      token = (await backend.login('frank-ruehling')).token
      return backend
    }
    const get = (path: string) => app.request(`https://rundbrief.gera.de/api${path}`)
    return { get, signIn }
  }

  it('stellt eine früher versendete Ausgabe beim ersten Blick ins Archiv, datiert auf ihren Versand', async () => {
    const { get } = await appOn()
    // two first looks at once: one page, one address
    const [first, second] = await Promise.all([get('/archive'), get('/archive/overview.html')])
    expect([first.status, second.status]).toEqual([200, 200])
    const { items } = archiveListSchema.parse(await first.json())
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      slug: '2018-08',
      label: 'August 2018',
      publishedAt: markedAsSentAt,
      url: 'https://rundbrief.gera.de/archiv/2018-08',
    })
    expect(items[0]?.headlines.join(' ')).toContain('OTEGAU')
    expect(await second.text()).toContain('href="https://rundbrief.gera.de/archiv/2018-08"')

    const page = await get('/archive/2018-08')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales')
    expect(html).toContain('src="https://rundbrief.gera.de/api/media/')
    // stored once: a later look answers the same bytes
    expect(await (await get('/archive/2018-08')).text()).toBe(html)
    expect(archiveListSchema.parse(await (await get('/archive')).json()).items).toHaveLength(1)
  })

  it('zeigt dem Team auf der Ausgabenseite die Archivadresse, auch bevor jemand ins Archiv sah', async () => {
    const { get, signIn } = await appOn()
    const backend = await signIn()
    expect(await backend.getIssueArchive(issueId)).toMatchObject({
      issueId,
      slug: '2018-08',
      url: 'https://rundbrief.gera.de/archiv/2018-08',
      publishedAt: markedAsSentAt,
      withdrawnAt: null,
    })
    expect((await get('/archive/2018-08')).status).toBe(200)
    // an issue that is not versendet still has no address
    const draft = await backend.createIssue({
      label: 'Entwurf',
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      plannedSendDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
    })
    expect(await backend.getIssueArchive(draft.id)).toBeNull()
  })
})
