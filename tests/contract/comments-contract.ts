import { beforeEach, expect, it } from 'vitest'
import { ConflictError } from '../../src/backend/api-error'
import type { Backend } from '../../src/backend/backend'
import type { Article } from '../../src/domain/article'
import {
  commentAnchorTexts,
  differsOnlyInCommentAnchors,
  withoutCommentAnchors,
} from '../../src/domain/comment-anchor'
import type { InlineNode, RichTextDoc } from '../../src/domain/rich-text'
import { rejection } from './rejection'

export interface CommentsContext {
  editor: () => Backend
  head: () => Backend
  designer: () => Backend
  /** Approves the seed issue (deadline moved, alt texts written, warning acknowledged). */
  approveSeedIssue: () => Promise<{ id: string; version: number; fingerprint: string }>
}

const articleId = 'beitrag-03-behoerdennetzwerk'
const sentence = 'Oberbürgermeister Julian Vonarb'

/** The body with `text` (in its first paragraph that holds it) anchored to the thread. */
export function withCommentAnchor(body: RichTextDoc, threadId: string, text: string): RichTextDoc {
  let done = false
  const content = body.content.map((block) => {
    if (done || block.type !== 'paragraph' || !block.content) return block
    const pieces: InlineNode[] = []
    for (const node of block.content) {
      const at = node.type === 'text' && !done ? node.text.indexOf(text) : -1
      if (node.type !== 'text' || at === -1) {
        pieces.push(node)
        continue
      }
      done = true
      const marks = node.marks ?? []
      const piece = (part: string, anchored: boolean): InlineNode[] =>
        part === ''
          ? []
          : [
              {
                type: 'text',
                text: part,
                ...(anchored || marks.length > 0
                  ? {
                      marks: anchored
                        ? [...marks, { type: 'commentAnchor' as const, attrs: { threadId } }]
                        : marks,
                    }
                  : {}),
              },
            ]
      pieces.push(
        ...piece(node.text.slice(0, at), false),
        ...piece(text, true),
        ...piece(node.text.slice(at + text.length), false),
      )
    }
    return { ...block, content: pieces }
  })
  if (!done) throw new Error(`„${text}“ steht nicht im Text`)
  return { ...body, content }
}

/** The body with one more paragraph at its end. */
const appended = (body: RichTextDoc, text: string): RichTextDoc => ({
  ...body,
  content: [...body.content, { type: 'paragraph', content: [{ type: 'text', text }] }],
})

/** Kommentare: threads, replies, own edits, resolving, roles, anchors and the notifications. */
export function defineCommentsContract(context: () => CommentsContext) {
  let c: CommentsContext
  beforeEach(() => {
    c = context()
  })

  const open = async (backend: Backend, text: string, threadId = 'faden-1', quote = sentence) => {
    const article = await backend.getArticle(articleId)
    return backend.createCommentThread(articleId, {
      threadId,
      text,
      body: withCommentAnchor(article.body, threadId, quote),
      version: article.version,
    })
  }

  it('öffnet ein Gespräch an einer Textstelle: Text unverändert, Version + 1, Erwähnung gemeldet', async () => {
    const before = await c.head().getArticle(articleId)
    const { thread, article } = await open(c.head(), '@Dr. Frank Rühling bitte den Namen prüfen.')
    expect(thread).toMatchObject({
      id: 'faden-1',
      articleId,
      quote: sentence,
      createdBy: 'sandra-wanzar',
      resolvedAt: null,
      resolvedBy: null,
      comments: [
        {
          threadId: 'faden-1',
          authorId: 'sandra-wanzar',
          text: '@Dr. Frank Rühling bitte den Namen prüfen.',
          editedAt: null,
        },
      ],
    })
    expect(article.version).toBe(before.version + 1)
    expect(differsOnlyInCommentAnchors(article.body, before.body)).toBe(true)
    expect(article.body).not.toEqual(before.body)
    expect(article.updatedBy).toBe(before.updatedBy)
    expect(await c.designer().getArticle(articleId)).toEqual(article)
    expect(await c.designer().listCommentThreads(articleId)).toEqual([thread])
    expect(await c.editor().openCommentCounts()).toEqual({ [articleId]: 1 })

    const { notifications, unread } = await c.editor().listNotifications()
    expect(unread).toBe(1)
    expect(notifications).toEqual([
      expect.objectContaining({
        kind: 'comment_mention',
        issueId: null,
        articleId,
        threadId: 'faden-1',
        actorId: 'sandra-wanzar',
        text: 'Sandra Wanzar hat Sie in „OB Vonarb besucht Behördennetzwerk Asyl“ erwähnt',
        link: `/beitraege/${articleId}?kommentar=faden-1`,
      }),
    ])
    expect((await c.head().listNotifications()).unread).toBe(0)
    expect((await c.designer().listNotifications()).unread).toBe(0)

    // the author's editor adopts the new version and saves on without a conflict
    const saved = await c.editor().updateArticle(articleId, {
      version: article.version,
      headline: 'OB Vonarb besucht das Behördennetzwerk Asyl',
    })
    expect(saved.body).toEqual(article.body)
  })

  it('verweigert einen veralteten Stand (409) und einen geänderten Text (422)', async () => {
    const seen = await c.head().getArticle(articleId)
    const article = await c.editor().updateArticle(articleId, {
      version: seen.version,
      headline: 'OB Vonarb besucht das Behördennetzwerk Asyl',
    })
    const stale = await rejection(
      c.head().createCommentThread(articleId, {
        threadId: 'faden-alt',
        text: 'Zu spät.',
        body: withCommentAnchor(seen.body, 'faden-alt', sentence),
        version: seen.version,
      }),
      409,
    )
    expect(stale).toBeInstanceOf(ConflictError)
    expect((stale as ConflictError<Article>).current?.version).toBe(article.version)

    const changed = withCommentAnchor(article.body, 'faden-x', sentence)
    const first = changed.content[0]
    if (first?.type !== 'paragraph' || !first.content) throw new Error('Absatz erwartet')
    const edited: RichTextDoc = {
      ...changed,
      content: [
        { ...first, content: [...first.content, { type: 'text', text: ' Eingeschmuggelt.' }] },
        ...changed.content.slice(1),
      ],
    }
    const refused = await rejection(
      c.head().createCommentThread(articleId, {
        threadId: 'faden-x',
        text: 'Nur ein Kommentar.',
        body: edited,
        version: article.version,
      }),
      422,
    )
    expect(refused.message).toMatch(/Text des Beitrags wurde inzwischen geändert/)

    const unanchored = await rejection(
      c.head().createCommentThread(articleId, {
        threadId: 'faden-y',
        text: 'Ohne Markierung.',
        body: article.body,
        version: article.version,
      }),
      422,
    )
    expect(unanchored.message).toMatch(/markieren Sie den Text/)
    await rejection(open(c.head(), '   '), 422)
    expect(await c.editor().listCommentThreads(articleId)).toEqual([])
    expect((await c.editor().getArticle(articleId)).version).toBe(article.version)
  })

  it('Antworten aller Rollen melden den Beteiligten; nur eigene ändern', async () => {
    await open(c.head(), 'Ist der Name richtig geschrieben?')
    await c.editor().replyToCommentThread('faden-1', { text: 'Ja, geprüft.' })
    let thread = await c.designer().replyToCommentThread('faden-1', { text: 'Foto zu dunkel.' })
    expect(thread.comments.map((comment) => [comment.authorId, comment.text])).toEqual([
      ['sandra-wanzar', 'Ist der Name richtig geschrieben?'],
      ['frank-ruehling', 'Ja, geprüft.'],
      ['jana-krause', 'Foto zu dunkel.'],
    ])

    const head = await c.head().listNotifications()
    expect(
      head.notifications.map((notification) => [notification.kind, notification.text]),
    ).toEqual([
      [
        'comment_reply',
        'Jana Krause hat auf einen Kommentar in „OB Vonarb besucht Behördennetzwerk Asyl“ geantwortet',
      ],
      [
        'comment_reply',
        'Dr. Frank Rühling hat auf einen Kommentar in „OB Vonarb besucht Behördennetzwerk Asyl“ geantwortet',
      ],
    ])
    expect((await c.editor().listNotifications()).notifications.map((n) => n.actorId)).toEqual([
      'jana-krause',
    ])
    expect((await c.designer().listNotifications()).unread).toBe(0)

    const reply = thread.comments[1]
    if (!reply) throw new Error('Antwort erwartet')
    await rejection(c.head().editComment(reply.id, { text: 'Fremd geändert.' }), 403)
    await rejection(c.designer().deleteComment(reply.id), 403)
    await rejection(c.editor().editComment(reply.id, { text: '' }), 422)
    await rejection(c.editor().editComment('gibt-es-nicht', { text: 'x' }), 404)
    thread = await c.editor().editComment(reply.id, { text: 'Ja, geprüft, @Jana Krause.' })
    expect(thread.comments[1]).toMatchObject({
      text: 'Ja, geprüft, @Jana Krause.',
      editedAt: expect.any(String),
    })
    expect((await c.designer().listNotifications()).notifications[0]).toMatchObject({
      kind: 'comment_mention',
      actorId: 'frank-ruehling',
    })
  })

  it('jede Rolle markiert erledigt und öffnet wieder; die Zahl der offenen folgt', async () => {
    await open(c.editor(), 'Bitte kürzen.')
    let thread = await c.designer().resolveCommentThread('faden-1')
    expect(thread).toMatchObject({ resolvedAt: expect.any(String), resolvedBy: 'jana-krause' })
    expect(await c.editor().openCommentCounts()).toEqual({})
    const again = await c.head().resolveCommentThread('faden-1')
    expect(again.resolvedBy).toBe('jana-krause')

    thread = await c.head().reopenCommentThread('faden-1')
    expect(thread).toMatchObject({ resolvedAt: null, resolvedBy: null })
    expect(await c.head().openCommentCounts()).toEqual({ [articleId]: 1 })
    await rejection(c.head().resolveCommentThread('gibt-es-nicht'), 404)
  })

  it('löscht eigene Kommentare; den ersten mit Antworten nicht, den einzigen mit dem Gespräch', async () => {
    await open(c.head(), 'Frage.')
    const thread = await c.editor().replyToCommentThread('faden-1', { text: 'Antwort.' })
    const [first, reply] = thread.comments
    if (!first || !reply) throw new Error('zwei Kommentare erwartet')

    const refused = await rejection(c.head().deleteComment(first.id), 409)
    expect(refused.message).toMatch(/erste Kommentar/)
    await c.editor().deleteComment(reply.id)
    await rejection(c.editor().deleteComment(reply.id), 404)
    expect((await c.head().listCommentThreads(articleId))[0]?.comments).toHaveLength(1)

    await c.head().deleteComment(first.id)
    expect(await c.head().listCommentThreads(articleId)).toEqual([])
    expect(await c.head().openCommentCounts()).toEqual({})
    await rejection(c.editor().replyToCommentThread('faden-1', { text: 'Zu spät.' }), 404)
  })

  it('Gestaltung kommentiert in einer freigegebenen Ausgabe, die Freigabe bleibt', async () => {
    const approved = await c.approveSeedIssue()
    await rejection(
      c.designer().updateArticle(articleId, { version: 1, headline: 'Nicht erlaubt' }),
      403,
    )
    const { article } = await open(c.designer(), 'Foto zu dunkel.', 'faden-foto')
    expect(article.version).toBeGreaterThan(1)
    const issue = await c.head().getIssue(approved.id)
    expect(issue.status).toBe('approved')
    expect(issue.version).toBe(approved.version)
    expect(issue.approval?.fingerprint).toBe(approved.fingerprint)
    await c.editor().replyToCommentThread('faden-foto', { text: 'Wird getauscht.' })
    expect((await c.head().getIssue(approved.id)).status).toBe('approved')
  })

  it('ein Speichern, das nur Anker ändert, lässt die Freigabe stehen; eine Textänderung nimmt sie zurück', async () => {
    const approved = await c.approveSeedIssue()
    const { article } = await open(c.head(), 'Bitte den Titel prüfen.', 'faden-titel')
    const withoutAnchor = await c.editor().updateArticle(articleId, {
      version: article.version,
      headline: article.headline,
      body: withoutCommentAnchors(article.body),
    })
    expect(differsOnlyInCommentAnchors(withoutAnchor.body, article.body)).toBe(true)
    const kept = await c.head().getIssue(approved.id)
    expect(kept.status).toBe('approved')
    expect(kept.approval?.fingerprint).toBe(approved.fingerprint)

    await c.editor().updateArticle(articleId, {
      version: withoutAnchor.version,
      headline: `${article.headline} (neu)`,
    })
    expect((await c.head().getIssue(approved.id)).status).not.toBe('approved')
  })

  it('das Löschen des einzigen Kommentars nimmt den Anker aus dem Text (Version + 1, die Freigabe bleibt)', async () => {
    const approved = await c.approveSeedIssue()
    await open(c.head(), 'Bleibt.', 'faden-bleibt', 'Julian Vonarb')
    const { article: anchored } = await open(
      c.designer(),
      'Foto zu dunkel.',
      'faden-weg',
      'Oberbürgermeister',
    )
    expect([...commentAnchorTexts(anchored.body).keys()].sort()).toEqual([
      'faden-bleibt',
      'faden-weg',
    ])
    const [first] =
      (await c.designer().listCommentThreads(articleId)).find((thread) => thread.id === 'faden-weg')
        ?.comments ?? []
    if (!first) throw new Error('ein Kommentar erwartet')

    const { article } = await c.designer().deleteComment(first.id)
    expect(article).not.toBeNull()
    expect(article?.version).toBe(anchored.version + 1)
    expect([...commentAnchorTexts(article?.body ?? anchored.body)]).toEqual([
      ['faden-bleibt', 'Julian Vonarb'],
    ])
    expect(differsOnlyInCommentAnchors(article?.body ?? anchored.body, anchored.body)).toBe(true)
    expect(article?.updatedBy).toBe(anchored.updatedBy)
    expect(article?.updatedAt).toBe(anchored.updatedAt)
    expect(await c.head().getArticle(articleId)).toEqual(article)
    const issue = await c.head().getIssue(approved.id)
    expect(issue.status).toBe('approved')
    expect(issue.version).toBe(approved.version)
    expect(issue.approval?.fingerprint).toBe(approved.fingerprint)

    // a reply goes alone: the body stays as it was
    const reply = (await c.editor().replyToCommentThread('faden-bleibt', { text: 'Ja.' }))
      .comments[1]
    if (!reply) throw new Error('eine Antwort erwartet')
    expect(await c.editor().deleteComment(reply.id)).toEqual({ article: null })
    expect((await c.head().getArticle(articleId)).version).toBe(article?.version)
  })

  it('speichert einen Text mit dem Anker eines gelöschten Gesprächs ohne ihn, auch aus einer alten Version', async () => {
    const { article: anchored, thread } = await open(c.head(), 'Frage.', 'faden-alt')
    const [first] = thread.comments
    if (!first) throw new Error('ein Kommentar erwartet')
    // two people save in turn: the state with the anchor is kept as a version
    const byHead = await c.head().updateArticle(articleId, {
      version: anchored.version,
      body: appended(anchored.body, 'Erster Zusatz.'),
    })
    expect(commentAnchorTexts(byHead.body).get('faden-alt')).toBe(sentence)
    const byEditor = await c.editor().updateArticle(articleId, {
      version: byHead.version,
      body: appended(byHead.body, 'Zweiter Zusatz.'),
    })
    const { article: deleted } = await c.head().deleteComment(first.id)
    expect(deleted?.version).toBe(byEditor.version + 1)

    // an editor opened before the deletion still holds the anchor, and types a sentence
    const stale = await c.editor().updateArticle(articleId, {
      version: deleted?.version ?? 0,
      body: appended(byEditor.body, 'Ein neuer Satz.'),
    })
    expect(commentAnchorTexts(stale.body).size).toBe(0)
    expect(stale.body).toEqual(withoutCommentAnchors(appended(byEditor.body, 'Ein neuer Satz.')))

    // a thread that was never there goes too; one that exists keeps its anchor
    await open(c.head(), 'Neu.', 'faden-neu', 'Julian Vonarb')
    const current = await c.editor().getArticle(articleId)
    const both = await c.editor().updateArticle(articleId, {
      version: current.version,
      body: withCommentAnchor(current.body, 'faden-erfunden', 'Oberbürgermeister'),
    })
    expect([...commentAnchorTexts(both.body)]).toEqual([['faden-neu', 'Julian Vonarb']])

    // an old version with the deleted thread's anchor comes back without it
    const summaries = await c.editor().listArticleVersions(articleId)
    const versions = await Promise.all(
      summaries.map((summary) => c.editor().getArticleVersion(articleId, summary.number)),
    )
    const old = versions.find((version) => commentAnchorTexts(version.body).has('faden-alt'))
    if (!old) throw new Error('eine Version mit dem Anker erwartet')
    const restored = await c.editor().restoreArticleVersion(articleId, old.number, {
      version: both.version,
    })
    expect(commentAnchorTexts(restored.body).size).toBe(0)
    expect(restored.body).toEqual(withoutCommentAnchors(old.body))
  })

  it('ein neuer oder aus dem Papierkorb geholter Beitrag hat keine Anker ohne Gespräch', async () => {
    const body = appended({ type: 'doc', content: [] }, 'Ein Satz mit einer Stelle.')
    const created = await c.editor().createArticle({
      headline: 'Mit Anker',
      body: withCommentAnchor(body, 'faden-kopiert', 'Stelle'),
    })
    expect(created.body).toEqual(body)

    const { article } = await c.editor().createCommentThread(created.id, {
      threadId: 'faden-papierkorb',
      text: 'Wohin damit?',
      body: withCommentAnchor(created.body, 'faden-papierkorb', 'Stelle'),
      version: created.version,
    })
    await c.editor().deleteArticle(created.id, article.version)
    const restored = await c.editor().restoreArticle(created.id)
    expect(await c.editor().listCommentThreads(created.id)).toEqual([])
    expect(restored.body).toEqual(body)
  })
}
