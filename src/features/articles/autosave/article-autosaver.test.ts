import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, ConflictError, NetworkError } from '../../../backend/api-error'
import { docFromParagraphs } from '../../../domain/rich-text'
import type { Article, UpdateArticleInput } from '../../../domain/article'
import { ArticleAutosaver, type SaveState } from './article-autosaver'
import { testArticle } from '../../../../tests/fixtures/article'
import type { ArticleDraft, DraftMirror, MirroredDraft } from './draft-mirror'

const article = (version: number, headline = 'Server') =>
  testArticle({ version, headline, issueId: null })

function setup(
  save: (input: UpdateArticleInput) => Promise<Article>,
  extra: Partial<ConstructorParameters<typeof ArticleAutosaver>[0]> = {},
) {
  const draft: ArticleDraft = { headline: 'A', body: docFromParagraphs(['x']), photos: [] }
  const stored = new Map<string, MirroredDraft>()
  const mirror: DraftMirror = {
    read: (id) => stored.get(id) ?? null,
    write: (id, value) => stored.set(id, value),
    clear: (id) => stored.delete(id),
  }
  const states: SaveState['kind'][] = []
  const saver = new ArticleAutosaver({
    articleId: 'a',
    baseVersion: 1,
    draft,
    save,
    mirror,
    ...extra,
  })
  saver.subscribe(() => {
    if (states.at(-1) !== saver.current.kind) states.push(saver.current.kind)
  })
  return {
    saver,
    states,
    stored,
    type: (headline: string) => saver.edit({ headline }),
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('Automatisches Speichern', () => {
  it('fasst Tastendrücke zusammen, speichert nacheinander und übernimmt die neue Version', async () => {
    const calls: UpdateArticleInput[] = []
    let release: () => void = () => undefined
    const save = vi.fn(async (input: UpdateArticleInput) => {
      calls.push(input)
      await new Promise<void>((resolve) => (release = resolve))
      return article(input.version + 1, input.headline)
    })
    const { saver, type, stored, states } = setup(save)
    type('A1')
    type('A12')
    await vi.advanceTimersByTimeAsync(500)
    expect(stored.get('a')?.draft.headline).toBe('A12')
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toEqual([expect.objectContaining({ version: 1, headline: 'A12' })])
    type('A123')
    await vi.advanceTimersByTimeAsync(1500)
    expect(calls).toHaveLength(1)
    release()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls[1]).toMatchObject({ version: 2, headline: 'A123' })
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(saver.hasUnsavedChanges).toBe(false)
    expect(stored.has('a')).toBe(false)
    expect(states.at(-1)).toBe('saved')
  })

  it('übernimmt einen wiederhergestellten Stand: kein wartendes Speichern, kein Entwurf im Spiegel', async () => {
    const calls: UpdateArticleInput[] = []
    const save = vi.fn(async (input: UpdateArticleInput) => {
      calls.push(input)
      return article(input.version + 1, input.headline)
    })
    const { saver, type, stored } = setup(save)
    type('Getippt')
    await saver.flush()
    expect(saver.version).toBe(2)
    stored.set('a', {
      draft: { headline: 'Alter Entwurf', body: docFromParagraphs(['alt']), photos: [] },
      baseVersion: 2,
      changedAt: new Date().toISOString(),
    })
    // a save still waiting when the restored article arrives must not write over it
    type('Wartet noch')
    saver.adopt(article(3, 'Wiederhergestellt'))
    expect(saver.hasUnsavedChanges).toBe(false)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(calls).toHaveLength(1)
    expect(saver.headline).toBe('Wiederhergestellt')
    expect(saver.version).toBe(3)
    expect(saver.current.kind).toBe('saved')
    expect(stored.has('a')).toBe(false)
    type('Danach weiter')
    await vi.advanceTimersByTimeAsync(1500)
    expect(calls[1]).toMatchObject({ version: 3, headline: 'Danach weiter' })
  })

  it('meldet einen Konflikt mit beiden Fassungen und überschreibt nichts ohne Wahl', async () => {
    const save = vi.fn(async (): Promise<Article> => {
      throw new ConflictError({ status: 409 }, article(5, 'Neuer'))
    })
    const { saver, type, stored } = setup(save)
    type('Meins')
    await vi.advanceTimersByTimeAsync(1000)
    expect(saver.current).toMatchObject({
      kind: 'conflict',
      mine: { headline: 'Meins' },
      theirs: { version: 5 },
    })
    expect(stored.get('a')?.draft.headline).toBe('Meins')
    type('Meins2')
    await vi.advanceTimersByTimeAsync(5000)
    expect(save).toHaveBeenCalledTimes(1)

    save.mockImplementation(async () => article(6, 'Meins2'))
    await saver.resolveConflict('mine', article(5, 'Neuer'))
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({ version: 5, headline: 'Meins2' }),
    )
    expect(saver.current.kind).toBe('saved')
  })

  it('bleibt offline ausstehend, versucht es erneut und behält den Entwurf lokal', async () => {
    const save = vi.fn(async (): Promise<Article> => {
      throw new NetworkError()
    })
    const { saver, type, stored } = setup(save)
    type('Offline getippt')
    await vi.advanceTimersByTimeAsync(1000)
    expect(saver.current.kind).toBe('offline')
    expect(stored.get('a')).toMatchObject({
      baseVersion: 1,
      draft: { headline: 'Offline getippt' },
    })
    save.mockImplementation(async () => article(2, 'Offline getippt'))
    await vi.advanceTimersByTimeAsync(2000)
    expect(save).toHaveBeenCalledTimes(2)
    expect(saver.current.kind).toBe('saved')
    expect(stored.has('a')).toBe(false)
  })

  it('speichert den Text auch, wenn der Status abgelehnt wird', async () => {
    const rejected: string[] = []
    const save = vi.fn(async (input: UpdateArticleInput) => {
      if (input.status) throw new ApiError(422, { detail: 'Foto 1: Der Alternativtext fehlt.' })
      return article(input.version + 1, input.headline)
    })
    const { saver, type } = setup(save)
    saver.onStatusRejected((message) => {
      rejected.push(message)
    })
    type('Fertig?')
    await saver.requestStatus('ready')
    await vi.advanceTimersByTimeAsync(0)
    expect(rejected).toEqual(['Foto 1: Der Alternativtext fehlt.'])
    expect(save).toHaveBeenLastCalledWith(expect.not.objectContaining({ status: 'ready' }))
    expect(saver.current.kind).toBe('saved')
  })
})

describe('Dauertippen', () => {
  it('speichert spätestens alle fünf Sekunden, auch wenn ohne Pause getippt wird', async () => {
    const save = vi.fn(async (input: UpdateArticleInput) =>
      article(input.version + 1, input.headline),
    )
    const { type } = setup(save)
    for (let i = 0; i < 60; i++) {
      type(`Taste ${i}`)
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ headline: 'Taste 49' }))
  })
})

describe('Scheinkonflikte', () => {
  it('übernimmt still die neue Version, wenn beide Fassungen gleich sind', async () => {
    const same = { ...article(4, 'Gleich'), body: docFromParagraphs(['x']) }
    const save = vi.fn(async (input: UpdateArticleInput): Promise<Article> => {
      if (input.version !== 4) throw new ConflictError({ status: 409 }, same)
      return { ...same, version: 5 }
    })
    const { saver, type } = setup(save)
    type('Gleich')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).toHaveBeenCalledTimes(1)
    expect(saver.current.kind).toBe('saved')
    type('Gleich, aber mehr')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({ version: 4, headline: 'Gleich, aber mehr' }),
    )
  })
})
