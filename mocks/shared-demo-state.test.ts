import { describe, expect, it } from 'vitest'
import type { Media } from '../src/domain/media'
import { createApp } from '../src/server/app'
import { sharpImagePort } from '../src/server/node/sharp-image-port'
import type { MediaBytes, MemoryState } from './memory-store'
import { createSeedMedia, createSeedState } from './seed/august-2018'
import {
  SharedDemoState,
  type ChangeChannel,
  type CrossTabLock,
  type SharedStateStorage,
} from './shared-demo-state'

const articleId = 'beitrag-05-integrationswerkstatt'

/**
 * What the tabs of one browser share, without a browser: one lock (a queue, as Web Locks grant
 * in order), one storage (copies in and out, as IndexedDB does), one channel that tells the
 * other tabs only.
 */
function fakeBrowser() {
  let queue: Promise<unknown> = Promise.resolve()
  const lock: CrossTabLock = (work) => {
    const granted = queue.then(work)
    queue = granted.catch(() => undefined)
    return granted
  }
  const values = new Map<string, unknown>()
  const reads = { state: 0, media: [] as string[] }
  const faults = { commitFails: false }
  const storage: SharedStateStorage = {
    readStamp: async () => (values.get('stamp') as string | undefined) ?? null,
    async readState() {
      reads.state++
      const state = values.get('state') as MemoryState | undefined
      if (!state) return null
      return {
        state: structuredClone(state),
        stamp: (values.get('stamp') as string | undefined) ?? null,
      }
    },
    async readMediaBytes(ids) {
      reads.media.push(...ids)
      const bytes: MediaBytes = new Map()
      for (const id of ids) {
        const data = values.get(`media:${id}`) as Uint8Array | undefined
        if (data) bytes.set(id, data)
      }
      return bytes
    },
    async commit(stamp, state, newBytes) {
      if (faults.commitFails) throw new Error('Speicher voll')
      values.set('state', structuredClone(state))
      values.set('stamp', stamp)
      for (const [id, data] of newBytes) values.set(`media:${id}`, data)
    },
    async replaceAll(stamp, state, bytes) {
      values.clear()
      await storage.commit(stamp, state, bytes)
    },
  }
  const listeners = new Set<{ tab: number; listener: (stamp: string) => void }>()
  const channelFor = (tab: number): ChangeChannel => ({
    post: (stamp) => {
      for (const entry of listeners)
        if (entry.tab !== tab) setTimeout(() => entry.listener(stamp), 0)
    },
    subscribe(listener) {
      const entry = { tab, listener }
      listeners.add(entry)
      return () => listeners.delete(entry)
    },
  })
  let tabs = 0
  const seed = async () => {
    const state = createSeedState()
    return { state, bytes: await createSeedMedia(state, sharpImagePort) }
  }
  return {
    values,
    reads,
    faults,
    lock,
    openTab: () => SharedDemoState.start({ lock, storage, channel: channelFor(++tabs), seed }),
  }
}

/** The contract handler over one tab's view of the shared state, signed in as the Redaktion. */
async function tabClient(shared: SharedDemoState, token?: string) {
  const app = createApp({ store: shared.store, images: sharpImagePort })
  const call = async (method: string, path: string, body?: unknown, auth = token) => {
    const response = await app.fetch(
      new Request(`http://demo.test/api${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const signedIn =
    token ?? ((await call('POST', '/session', { userId: 'frank-ruehling' })).body.token as string)
  return {
    token: signedIn,
    call: (method: string, path: string, body?: unknown) => call(method, path, body, signedIn),
  }
}

describe('ein Demo-Stand für alle Tabs', () => {
  it('lehnt das Speichern eines älteren Stands im zweiten Tab mit 409 ab', async () => {
    const browser = fakeBrowser()
    const tabA = await tabClient(await browser.openTab())
    const tabB = await tabClient(await browser.openTab(), tabA.token)

    const before = await tabB.call('GET', `/articles/${articleId}`)
    const savedInA = await tabA.call('PATCH', `/articles/${articleId}`, {
      version: before.body.version,
      headline: 'Aus Tab A',
    })
    expect(savedInA.status).toBe(200)

    const staleInB = await tabB.call('PATCH', `/articles/${articleId}`, {
      version: before.body.version,
      headline: 'Aus Tab B',
    })
    expect(staleInB.status).toBe(409)
    expect((await tabB.call('GET', `/articles/${articleId}`)).body.headline).toBe('Aus Tab A')
  })

  it('liest den gespeicherten Stand nur neu, wenn ein anderer Tab geschrieben hat', async () => {
    const browser = fakeBrowser()
    const tabA = await tabClient(await browser.openTab())
    const tabB = await tabClient(await browser.openTab(), tabA.token)
    const readsAfterStart = browser.reads.state

    await tabB.call('GET', `/articles/${articleId}`)
    await tabB.call('GET', '/articles')
    expect(browser.reads.state).toBe(readsAfterStart)

    const current = await tabA.call('GET', `/articles/${articleId}`)
    await tabA.call('PATCH', `/articles/${articleId}`, {
      version: current.body.version,
      headline: 'Neu',
    })
    await tabB.call('GET', `/articles/${articleId}`)
    await tabB.call('GET', `/articles/${articleId}`)
    expect(browser.reads.state).toBe(readsAfterStart + 1)
  })

  it('lässt die Transaktionen zweier Tabs nicht ineinandergreifen', async () => {
    const browser = fakeBrowser()
    const tabA = await browser.openTab()
    const tabB = await browser.openTab()
    const order: string[] = []
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))

    const first = tabA.store.transaction(async (tx) => {
      order.push('A beginnt')
      await held
      order.push('A endet')
      return tx.getArticle(articleId)
    })
    const second = tabB.store.transaction(async (tx) => {
      order.push('B beginnt')
      return tx.getArticle(articleId)
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(order).toEqual(['A beginnt'])
    release()
    await Promise.all([first, second])
    expect(order).toEqual(['A beginnt', 'A endet', 'B beginnt'])
  })

  it('gibt die Sperre frei, wenn eine Transaktion scheitert, und rollt sie zurück', async () => {
    const browser = fakeBrowser()
    const tab = await browser.openTab()
    await expect(
      tab.store.transaction(async (tx) => {
        await tx.deleteSession('gibt-es-nicht')
        throw new Error('kaputt')
      }),
    ).rejects.toThrow('kaputt')
    await expect(tab.store.transaction((tx) => tx.getArticle(articleId))).resolves.toMatchObject({
      id: articleId,
    })
  })

  it('zeigt ein Zurücksetzen in einem Tab allen anderen, Anmeldungen bleiben gültig', async () => {
    const browser = fakeBrowser()
    const sharedB = await browser.openTab()
    const tabA = await tabClient(await browser.openTab())
    const tabB = await tabClient(sharedB, tabA.token)
    const current = await tabA.call('GET', `/articles/${articleId}`)
    await tabA.call('PATCH', `/articles/${articleId}`, {
      version: current.body.version,
      headline: 'Geändert',
    })
    expect((await tabB.call('GET', `/articles/${articleId}`)).body.headline).toBe('Geändert')

    await sharedB.reset()
    expect((await tabA.call('GET', `/articles/${articleId}`)).body.headline).toBe(
      current.body.headline,
    )
    expect((await tabA.call('GET', '/session')).status).toBe(200)
  })

  it('meldet Änderungen nur den anderen Tabs, und nur wenn sich etwas geändert hat', async () => {
    const browser = fakeBrowser()
    const sharedA = await browser.openTab()
    const sharedB = await browser.openTab()
    const heard = { a: 0, b: 0 }
    sharedA.onChangeInOtherTab(() => heard.a++)
    sharedB.onChangeInOtherTab(() => heard.b++)
    const tabA = await tabClient(sharedA)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(heard).toEqual({ a: 0, b: 1 })

    await tabA.call('GET', '/articles')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(heard).toEqual({ a: 0, b: 1 })

    await sharedB.reset()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(heard).toEqual({ a: 1, b: 1 })
  })

  it('holt Fotos eines anderen Tabs einmal nach, bekannte nie', async () => {
    const browser = fakeBrowser()
    const tabA = await browser.openTab()
    const tabB = await browser.openTab()
    const media: Media = {
      ...tabA.snapshot().media[0]!,
      id: 'foto-aus-tab-a',
    }
    const bytes = new Uint8Array([1, 2, 3])
    browser.reads.media.length = 0
    await tabA.store.transaction((tx) => tx.insertMedia(media, [bytes], []))

    expect(await tabB.store.transaction((tx) => tx.getMediaBytes(media.id))).toEqual(bytes)
    expect(browser.reads.media).toEqual(['foto-aus-tab-a'])
  })

  it('übernimmt Demo-Daten, die vor den Stempeln gespeichert wurden', async () => {
    const browser = fakeBrowser()
    const state = createSeedState()
    state.articles[0]!.headline = 'Aus der alten Demo'
    browser.values.set('state', state)

    const tab = await browser.openTab()
    expect(tab.snapshot().articles[0]!.headline).toBe('Aus der alten Demo')
    expect(browser.values.get('stamp')).toEqual(expect.any(String))
  })

  it('liest nach einem gescheiterten Speichern den gespeicherten Stand neu', async () => {
    const browser = fakeBrowser()
    const tab = await browser.openTab()
    const original = browser.values.get('state') as MemoryState
    browser.faults.commitFails = true
    await expect(
      tab.store.transaction(async (tx) => {
        const article = (await tx.getArticle(articleId))!
        await tx.updateArticle({ ...article, headline: 'Nicht gespeichert' }, article.version)
      }),
    ).rejects.toThrow('Speicher voll')
    browser.faults.commitFails = false

    const headline = await tab.store.transaction(
      async (tx) => (await tx.getArticle(articleId))!.headline,
    )
    expect(headline).toBe(original.articles.find((article) => article.id === articleId)!.headline)
  })
})
