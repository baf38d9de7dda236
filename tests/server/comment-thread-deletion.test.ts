import { describe, expect, it } from 'vitest'
import { ConflictError } from '../../src/backend/api-error'
import { createHttpBackend } from '../../src/backend/http-backend'
import { createApp } from '../../src/server/app'
import { sharpImagePort } from '../../src/server/node/sharp-image-port'
import type { Store } from '../../src/server/store'
import { withCommentAnchor } from '../contract/comments-contract'
import { storesForTests } from './test-stores'

const { stores } = storesForTests('comment_deletion')
const articleId = 'beitrag-03-behoerdennetzwerk'

/**
 * The store, except that while `lostRace()` holds, every versioned write of an article misses, as
 * if someone had changed the article between its read and the write.
 */
function storeLosingArticleWrites(store: Store, lostRace: () => boolean): Store {
  return {
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          ...tx,
          updateArticle: async (article, expectedVersion) =>
            !lostRace() && tx.updateArticle(article, expectedVersion),
        }),
      ),
  }
}

describe.each(stores)('Gespräch löschen, wenn der Beitrag sich ändert: %s', (_name, makeStore) => {
  it('antwortet 409 mit deutscher Meldung und lässt Gespräch und Beitrag, wie sie waren', async () => {
    let lostRace = false
    const app = createApp({
      store: storeLosingArticleWrites(await makeStore(), () => lostRace),
      images: sharpImagePort,
    })
    let token: string | null = null
    const backend = createHttpBackend({
      baseUrl: 'http://rundbrief.test/api',
      fetch: async (input, init) => app.fetch(new Request(input, init)),
      getToken: () => token,
    })
    token = (await backend.login('sandra-wanzar')).token
    const before = await backend.getArticle(articleId)
    const { thread, article } = await backend.createCommentThread(articleId, {
      threadId: 'faden-1',
      text: 'Bitte den Namen prüfen.',
      body: withCommentAnchor(before.body, 'faden-1', 'Oberbürgermeister Julian Vonarb'),
      version: before.version,
    })

    lostRace = true
    const refused = await backend
      .deleteComment(thread.comments[0]!.id)
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ConflictError)
    expect((refused as ConflictError<unknown>).problem).toMatchObject({
      type: '/probleme/versionskonflikt',
      current: article,
    })
    expect((refused as ConflictError<unknown>).message).toMatch(
      /Kommentar ist nicht gelöscht\. Bitte laden Sie den Beitrag neu/,
    )
    expect(await backend.listCommentThreads(articleId)).toEqual([thread])
    expect(await backend.getArticle(articleId)).toEqual(article)
  })
})
