import { beforeEach, expect, it } from 'vitest'
import { ConflictError } from '../../src/backend/api-error'
import type { Backend } from '../../src/backend/backend'
import type { Article } from '../../src/domain/article'
import { docFromParagraphs, plainText } from '../../src/domain/rich-text'
import { rejection } from './rejection'

export interface VersionsContext {
  editor: () => Backend
  head: () => Backend
  designer: () => Backend
  /** Moves the handler's clock on (never back). */
  advanceClock: (minutes: number) => Promise<void>
  /** Approves the seed issue (deadline moved, alt texts written, warning acknowledged). */
  approveSeedIssue: () => Promise<{ id: string; version: number; fingerprint: string }>
}

const seedArticleId = 'beitrag-03-behoerdennetzwerk'

/** Versionen eines Beitrags: when versions are kept, reading them, restoring one. */
export function defineVersionsContract(context: () => VersionsContext) {
  let c: VersionsContext
  beforeEach(() => {
    c = context()
  })

  const write = (backend: Backend, article: Article, text: string) =>
    backend.updateArticle(article.id, { version: article.version, body: docFromParagraphs([text]) })
  const reasons = async (id: string) =>
    (await c.editor().listArticleVersions(id)).map((version) => version.reason)

  /** An article written in two sessions: version 1 is the first session's text. */
  const writtenTwice = async () => {
    let article = await c.editor().createArticle({ headline: 'Neue Sprechzeiten' })
    article = await write(c.editor(), article, 'Erste Fassung des Textes.')
    article = await write(c.editor(), article, 'Erste Fassung des Textes mit Ergänzung.')
    await c.advanceClock(11)
    article = await write(c.editor(), article, 'Zweite Fassung nach der Pause.')
    return article
  }

  it('hält bei schnellen Speicherungen keine Version fest, nach einer Pause den Stand davor', async () => {
    let article = await c.editor().createArticle({ headline: 'Neue Sprechzeiten' })
    for (const text of ['Die', 'Die Sprech', 'Die Sprechzeiten', 'Die Sprechzeiten ändern sich.']) {
      article = await write(c.editor(), article, text)
    }
    expect(await c.editor().listArticleVersions(article.id)).toEqual([])

    await c.advanceClock(9)
    article = await write(c.editor(), article, 'Die Sprechzeiten ändern sich ab Montag.')
    expect(await c.editor().listArticleVersions(article.id)).toEqual([])

    await c.advanceClock(11)
    article = await write(c.editor(), article, 'Die Sprechzeiten ändern sich ab 1. Oktober.')
    const [pause, ...older] = await c.editor().listArticleVersions(article.id)
    expect(older).toEqual([])
    expect(pause).toMatchObject({
      number: 1,
      reason: 'pause',
      createdBy: 'frank-ruehling',
      restoredFrom: null,
      // "Die Sprechzeiten ändern sich ab Montag." (the headline is not counted, as in the editor)
      wordCount: 6,
    })
    const kept = await c.head().getArticleVersion(article.id, 1)
    expect(plainText(kept.body)).toBe('Die Sprechzeiten ändern sich ab Montag.')
    expect(kept).toMatchObject({ articleId: article.id, headline: 'Neue Sprechzeiten' })

    article = await write(c.editor(), article, 'Die Sprechzeiten ändern sich ab 2. Oktober.')
    expect(await reasons(article.id)).toEqual(['pause'])
  })

  it('hält den Stand fest, wenn eine andere Person weiterschreibt, und bei Statuswechseln', async () => {
    let article = await c.editor().createArticle({ headline: 'Sprechzeiten' })
    article = await write(c.editor(), article, 'Text der Redaktion.')
    article = await write(c.head(), article, 'Text der Dezernentin.')
    const [byOther] = await c.editor().listArticleVersions(article.id)
    expect(byOther).toMatchObject({ number: 1, reason: 'pause', createdBy: 'frank-ruehling' })

    article = await c
      .head()
      .updateArticle(article.id, { version: article.version, status: 'ready' })
    expect(await reasons(article.id)).toEqual(['status', 'pause'])
    const status = await c.editor().getArticleVersion(article.id, 2)
    expect(status).toMatchObject({ reason: 'status', createdBy: 'sandra-wanzar' })
    expect(plainText(status.body)).toBe('Text der Dezernentin.')
  })

  it('hält beim Einreichen und bei der Freigabe jeden Beitrag der Ausgabe fest', async () => {
    await c.approveSeedIssue()
    const versions = await c.editor().listArticleVersions(seedArticleId)
    expect(versions.map((version) => version.reason).slice(0, 2)).toEqual(['approved', 'submitted'])
    expect(versions[0]?.createdBy).toBe('sandra-wanzar')
    expect(versions[1]?.createdBy).toBe('frank-ruehling')
    const approved = await c.editor().getArticleVersion(seedArticleId, versions[0]?.number ?? 0)
    const current = await c.editor().getArticle(seedArticleId)
    expect(approved.body).toEqual(current.body)
    expect(approved.photos).toEqual(current.photos)
  })

  it('stellt eine Version wieder her: neuer Stand, neue Versionen, keine gelöscht', async () => {
    const article = await writtenTwice()
    expect(await reasons(article.id)).toEqual(['pause'])

    const stale = await rejection(
      c.editor().restoreArticleVersion(article.id, 1, { version: article.version - 1 }),
      409,
    )
    expect(stale).toBeInstanceOf(ConflictError)
    expect((stale as ConflictError<Article>).current?.version).toBe(article.version)
    expect(await reasons(article.id)).toEqual(['pause'])

    const restored = await c
      .editor()
      .restoreArticleVersion(article.id, 1, { version: article.version })
    expect(restored.version).toBe(article.version + 1)
    expect(plainText(restored.body)).toBe('Erste Fassung des Textes mit Ergänzung.')
    expect(await c.editor().getArticle(article.id)).toEqual(restored)

    const versions = await c.editor().listArticleVersions(article.id)
    expect(
      versions.map(({ number, reason, restoredFrom }) => ({ number, reason, restoredFrom })),
    ).toEqual([
      { number: 3, reason: 'restored', restoredFrom: 1 },
      { number: 2, reason: 'before_restore', restoredFrom: null },
      { number: 1, reason: 'pause', restoredFrom: null },
    ])
    expect(plainText((await c.editor().getArticleVersion(article.id, 2)).body)).toBe(
      'Zweite Fassung nach der Pause.',
    )

    // restoring the replaced state again keeps it; nothing is lost either way
    const back = await c
      .editor()
      .restoreArticleVersion(article.id, 2, { version: restored.version })
    expect(plainText(back.body)).toBe('Zweite Fassung nach der Pause.')
    expect(await reasons(article.id)).toEqual(['restored', 'restored', 'before_restore', 'pause'])
  })

  it('lässt Gestaltung nicht wiederherstellen und verweigert es in einer gesperrten Ausgabe', async () => {
    const article = await writtenTwice()
    await rejection(
      c.designer().restoreArticleVersion(article.id, 1, { version: article.version }),
      403,
    )
    // Gestaltung may read versions
    expect(await c.designer().listArticleVersions(article.id)).toHaveLength(1)

    const approved = await c.approveSeedIssue()
    await c.head().publishIssue(approved.id, { version: approved.version })
    const seed = await c.editor().getArticle(seedArticleId)
    const [newest] = await c.editor().listArticleVersions(seedArticleId)
    const locked = await rejection(
      c.editor().restoreArticleVersion(seedArticleId, newest?.number ?? 0, {
        version: seed.version,
      }),
      409,
    )
    expect(locked.problem.type).toBe('/probleme/gesperrt')
    expect(await c.editor().getArticle(seedArticleId)).toEqual(seed)
  })

  it('antwortet 404 für unbekannte Versionen und Beiträge, 422 für eine ungültige Nummer', async () => {
    const article = await writtenTwice()
    await rejection(c.editor().getArticleVersion(article.id, 7), 404)
    await rejection(
      c.editor().restoreArticleVersion(article.id, 7, { version: article.version }),
      404,
    )
    await rejection(c.editor().listArticleVersions('gibt-es-nicht'), 404)
    await rejection(c.editor().getArticleVersion(article.id, 0), 422)
  })
}
