import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NetworkError } from '../../../backend/api-error'
import { docFromParagraphs } from '../../../domain/rich-text'
import type { Article, UpdateArticleInput } from '../../../domain/article'
import { ArticleAutosaver } from './article-autosaver'
import { AutosaverRegistry } from './autosaver-registry'
import { testArticle } from '../../../../tests/fixtures/article'
import type { DraftMirror, MirroredDraft } from './draft-mirror'

const article = (version: number, headline = 'Server') =>
  testArticle({ version, headline, issueId: null })

function setup(
  save: (input: UpdateArticleInput) => Promise<Article> = async (input) =>
    article(input.version + 1, input.headline ?? ''),
) {
  const stored = new Map<string, MirroredDraft>()
  const mirror: DraftMirror = {
    read: (id) => stored.get(id) ?? null,
    write: (id, value) => stored.set(id, value),
    clear: (id) => stored.delete(id),
  }
  const registry = new AutosaverRegistry()
  const open = vi.fn(
    () =>
      new ArticleAutosaver({
        articleId: 'a',
        baseVersion: 1,
        draft: { headline: 'A', body: docFromParagraphs(['Text']), photos: [] },
        save,
        mirror,
      }),
  )
  return { registry, open, stored, acquire: () => registry.acquire('u', 'a', open) }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('Ein Speicher pro Beitrag', () => {
  it('gibt allen offenen Editoren eines Beitrags denselben Speicher', () => {
    const { registry, open, acquire } = setup()
    acquire()
    const first = registry.saverOf('u', 'a')
    acquire()
    expect(registry.saverOf('u', 'a')).toBe(first)
    expect(open).toHaveBeenCalledTimes(1)
    expect(registry.isOpen('u', 'a')).toBe(true)
    // another person gets a saver of their own
    registry.acquire('v', 'a', open)
    expect(registry.saverOf('v', 'a')?.saver).not.toBe(first?.saver)
  })

  it('verwirft den Speicher erst, wenn der letzte Editor geschlossen ist', async () => {
    const { registry, open, acquire } = setup()
    const closeFirst = acquire()
    const closeSecond = acquire()
    const first = registry.saverOf('u', 'a')
    closeFirst()
    closeFirst()
    await vi.advanceTimersByTimeAsync(0)
    expect(registry.saverOf('u', 'a')).toBe(first)
    closeSecond()
    expect(registry.isOpen('u', 'a')).toBe(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(registry.saverOf('u', 'a')).toBeNull()
    acquire()
    expect(open).toHaveBeenCalledTimes(2)
    expect(registry.saverOf('u', 'a')?.serial).not.toBe(first?.serial)
  })

  it('behält den Speicher, wenn derselbe Editor sofort wieder öffnet (StrictMode)', async () => {
    const { registry, open, acquire } = setup()
    acquire()()
    acquire()
    await vi.advanceTimersByTimeAsync(0)
    expect(open).toHaveBeenCalledTimes(1)
    expect(registry.saverOf('u', 'a')).not.toBeNull()
  })

  it('speichert beim Schließen sofort, was noch nicht gespeichert ist, und verwirft den Speicher danach', async () => {
    let release: () => void = () => undefined
    const save = vi.fn(async (input: UpdateArticleInput) => {
      await new Promise<void>((resolve) => (release = resolve))
      return article(input.version + 1, input.headline ?? '')
    })
    const { registry, acquire, stored } = setup(save)
    const close = acquire()
    const { saver } = registry.saverOf('u', 'a')!
    saver.edit({ headline: 'Ungespeichert' })
    close()
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ headline: 'Ungespeichert' }))
    expect(stored.get('a')?.draft.headline).toBe('Ungespeichert')
    // the saver waits for its save before it goes
    expect(registry.saverOf('u', 'a')?.saver).toBe(saver)
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(saver.hasUnsavedChanges).toBe(false)
    expect(stored.has('a')).toBe(false)
    expect(registry.saverOf('u', 'a')).toBeNull()
  })

  it('gibt einem Editor, der während des Speicherns zurückkommt, denselben Speicher mit der neuen Version', async () => {
    let release: () => void = () => undefined
    const save = vi.fn(async (input: UpdateArticleInput) => {
      await new Promise<void>((resolve) => (release = resolve))
      return article(input.version + 1, input.headline ?? '')
    })
    const { registry, open, acquire, stored } = setup(save)
    const close = acquire()
    const { saver } = registry.saverOf('u', 'a')!
    saver.edit({ headline: 'Vorher' })
    close()
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledTimes(1)

    acquire()
    expect(registry.saverOf('u', 'a')?.saver).toBe(saver)
    saver.edit({ headline: 'Nachher' })
    release()
    await vi.advanceTimersByTimeAsync(0)
    // saved is what was typed before; what was typed after stays mirrored
    expect(stored.has('a')).toBe(true)
    await vi.advanceTimersByTimeAsync(500)
    expect(stored.get('a')?.draft.headline).toBe('Nachher')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).toHaveBeenCalledTimes(2)
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({ version: 2, headline: 'Nachher' }),
    )
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(open).toHaveBeenCalledTimes(1)
    expect(registry.saverOf('u', 'a')?.saver).toBe(saver)
    expect(saver.current.kind).toBe('saved')
  })

  it('hält offline Ungespeichertes lokal fest und speichert nach dem Schließen nicht weiter', async () => {
    const save = vi.fn(async (): Promise<Article> => {
      throw new NetworkError()
    })
    const { registry, acquire, stored } = setup(save)
    const close = acquire()
    registry.saverOf('u', 'a')!.saver.edit({ headline: 'Offline' })
    close()
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledTimes(1)
    expect(registry.saverOf('u', 'a')).toBeNull()
    expect(stored.get('a')?.draft.headline).toBe('Offline')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(save).toHaveBeenCalledTimes(1)
  })
})
