import { expect, it } from 'vitest'
import type { Article } from '../../src/domain/article'
import type { CommentThread } from '../../src/domain/comment'
import {
  commentAnchorTexts,
  commentAnchorThreadIds,
  withoutCommentAnchors,
} from '../../src/domain/comment-anchor'
import { contentChanges } from '../../src/domain/content-diff'
import { contentFingerprint } from '../../src/domain/fingerprint'
import type { Issue } from '../../src/domain/issue'
import type { Publication } from '../../src/domain/publication'
import { docFromParagraphs } from '../../src/domain/rich-text'
import { withCommentAnchor } from '../contract/comments-contract'
import {
  approvalRequest,
  checkIntegrity,
  clientFor,
  createIssue,
  createReadyArticle,
  intactReport,
  ok,
  type Client,
} from './integrity-client'
import { freeLoginAttempts } from '../../src/server/login-throttle'
import { seedAccounts } from './seed-accounts'
import type { SpawnedServer } from './spawn-server'

/** Races per case: two requests sent at the same moment, to two processes where there are two. */
export const racesPerCase = 20

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, status) => {
    counts[status] = (counts[status] ?? 0) + 1
    return counts
  }, {})

/**
 * The races that broke cross-row rules on PostgreSQL (one article in two issues, approval over
 * unapproved text, an issue pointing at a deleted article, a throttle that counted too late, a
 * reply deleted with its thread) and comment threads opened beside edits, approvals and
 * deletions: each run `racesPerCase` times; afterwards not one invariant may be broken.
 */
export function defineRaceTests(servers: () => SpawnedServer[]) {
  let editor: Client
  let head: Client
  const prepare = async () => {
    await servers()[0]?.reset()
    editor = await clientFor(servers(), 'editor')
    head = await clientFor(servers(), 'head')
  }
  /** A new issue holding one new ready article, submitted by the Redaktion. */
  const submittedIssue = async (label: string) => {
    const article = await createReadyArticle(editor, label)
    let issue = await createIssue(editor, label)
    issue = await ok(
      editor.call<Issue>('PUT', `/issues/${issue.id}/articles`, {
        version: issue.version,
        articleIds: [article.id],
      }),
      'Zuordnen',
    )
    issue = await ok(
      editor.call<Issue>('POST', `/issues/${issue.id}/submit`, { version: issue.version }),
      'Einreichen',
    )
    return { article, issue }
  }

  it(`ordnet einen Beitrag bei ${racesPerCase} gleichzeitigen Zuordnungen genau einer Ausgabe zu`, async () => {
    await prepare()
    const outcomes: number[] = []
    for (let race = 0; race < racesPerCase; race++) {
      const article = await createReadyArticle(editor, `Rennen ${race}`)
      const first = await createIssue(editor, `Rennen ${race} A`)
      const second = await createIssue(editor, `Rennen ${race} B`)
      const answers = await Promise.all(
        [first, second].map((issue, via) =>
          editor.call(
            'PUT',
            `/issues/${issue.id}/articles`,
            {
              version: issue.version,
              articleIds: [article.id],
            },
            via,
          ),
        ),
      )
      outcomes.push(...answers.map((answer) => answer.status))
      const holders = (await ok(editor.call<Issue[]>('GET', '/issues'), 'Ausgaben')).filter(
        (issue) => issue.articleIds.includes(article.id),
      )
      expect(holders, `Rennen ${race}`).toHaveLength(1)
      expect(
        answers.filter((answer) => answer.status === 200),
        `Rennen ${race}`,
      ).toHaveLength(1)
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(`Zuordnen gegen Zuordnen: ${JSON.stringify(tally(outcomes))}`)
  })

  it(`lässt bei ${racesPerCase} Rennen von Freigabe und Bearbeitung nie ungeprüften Text freigegeben`, async () => {
    await prepare()
    const outcomes: number[] = []
    const orders = { 'Bearbeitung zuerst': 0, 'Freigabe zuerst': 0 }
    for (let race = 0; race < racesPerCase; race++) {
      const { article, issue } = await submittedIssue(`Freigaberennen ${race}`)
      const approval = await approvalRequest(head, issue)
      const [approved, edited] = await Promise.all([
        head.call<Issue>('POST', `/issues/${issue.id}/approve`, approval, race),
        head.call<Article>(
          'PATCH',
          `/articles/${article.id}`,
          {
            version: article.version,
            headline: `Geändert während der Freigabe ${race}`,
            body: docFromParagraphs(['Neuer Text, den niemand freigegeben hat.']),
          },
          race + 1,
        ),
      ])
      outcomes.push(approved.status, edited.status)
      expect(approved.status, `Freigabe ${race}`).toBe(200)
      expect(edited.status, `Bearbeitung ${race}`).toBe(200)
      const stored = await ok(head.call<Issue>('GET', `/issues/${issue.id}`), 'Ausgabe')
      const history = await ok(
        head.call<{ action: string }[]>('GET', `/issues/${issue.id}/history`),
        'Verlauf',
      )
      const actions = history.map((event) => event.action)
      // Either the edit came first (approved over the new text) or it withdrew the approval.
      orders[stored.status === 'approved' ? 'Bearbeitung zuerst' : 'Freigabe zuerst'] += 1
      if (stored.status === 'approved') {
        expect(stored.approval?.content.articles[0]?.headline).toBe(
          `Geändert während der Freigabe ${race}`,
        )
        expect(actions).not.toContain('issue.approval_withdrawn')
      } else {
        expect(stored.status).toBe('in_review')
        expect(actions.slice(-2)).toEqual(['issue.approved', 'issue.approval_withdrawn'])
      }
      const publish = await editor.call('POST', `/issues/${issue.id}/publish`, {
        version: stored.version,
      })
      expect(publish.status).toBe(stored.status === 'approved' ? 200 : 409)
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(
      `Freigabe gegen Bearbeitung: ${JSON.stringify(tally(outcomes))} ${JSON.stringify(orders)}`,
    )
  })

  it(`gibt bei ${racesPerCase} Rennen von Freigabe und Layoutänderung nur das gelesene Layout frei`, async () => {
    await prepare()
    const outcomes: number[] = []
    const orders = { 'Freigabe zuerst': 0, 'Layout zuerst': 0 }
    for (let race = 0; race < racesPerCase; race++) {
      const { article, issue } = await submittedIssue(`Layoutrennen ${race}`)
      const read = await ok(head.call<Publication>('GET', '/publication'), 'Publikation')
      const reviewed = await contentFingerprint(issue, [article], read)
      const colour = race % 2 === 0 ? '#8a1538' : '#1d5e20'
      const [approved, recoloured] = await Promise.all([
        head.call<Issue>(
          'POST',
          `/issues/${issue.id}/approve`,
          { ...(await approvalRequest(head, issue)), fingerprint: reviewed },
          race,
        ),
        head.call<Publication>(
          'PUT',
          '/publication/layout',
          { version: read.version, layout: { ...read.layout, accentColor: colour } },
          race + 1,
        ),
      ])
      outcomes.push(approved.status, recoloured.status)
      expect(recoloured.status, `Layout ${race}`).toBe(200)
      const stored = await ok(head.call<Issue>('GET', `/issues/${issue.id}`), 'Ausgabe')
      if (approved.status === 200) {
        // approved before the change: the approval holds the layout she read, and goes out with it
        orders['Freigabe zuerst'] += 1
        expect(stored.approval?.fingerprint, `Rennen ${race}`).toBe(reviewed)
        expect(stored.approval?.content.publication?.layout.accentColor).toBe(
          read.layout.accentColor,
        )
      } else {
        // the change came first: what she read is stale, nothing is approved
        orders['Layout zuerst'] += 1
        expect(approved.status, `Rennen ${race}`).toBe(409)
        expect(stored.status).toBe('in_review')
      }
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(
      `Freigabe gegen Layoutänderung: ${JSON.stringify(tally(outcomes))} ${JSON.stringify(orders)}`,
    )
  })

  it(`lässt bei ${racesPerCase} Rennen von Zuordnen und Löschen keine Ausgabe auf einen gelöschten Beitrag zeigen`, async () => {
    await prepare()
    const outcomes: number[] = []
    for (let race = 0; race < racesPerCase; race++) {
      const article = await createReadyArticle(editor, `Löschrennen ${race}`)
      const issue = await createIssue(editor, `Löschrennen ${race}`)
      const [arranged, deleted] = await Promise.all([
        editor.call(
          'PUT',
          `/issues/${issue.id}/articles`,
          {
            version: issue.version,
            articleIds: [article.id],
          },
          race,
        ),
        editor.call(
          'DELETE',
          `/articles/${article.id}?version=${article.version}`,
          undefined,
          race + 1,
        ),
      ])
      outcomes.push(arranged.status, deleted.status)
      expect([arranged.status, deleted.status].sort(), `Rennen ${race}`).toSatisfy(
        (statuses: number[]) =>
          JSON.stringify(statuses) === '[200,409]' || JSON.stringify(statuses) === '[204,422]',
      )
      const stored = await ok(editor.call<Issue>('GET', `/issues/${issue.id}`), 'Ausgabe')
      const exists = (await editor.call('GET', `/articles/${article.id}`)).status === 200
      expect(stored.articleIds.length === 0 || exists, `Rennen ${race}`).toBe(true)
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(`Zuordnen gegen Löschen: ${JSON.stringify(tally(outcomes))}`)
  })

  /** The request that opens a thread on the words „ein Absatz“ of an article made by `createReadyArticle`. */
  const threadRequest = (article: Article, threadId: string) => ({
    threadId,
    text: 'Bitte diese Stelle prüfen.',
    body: withCommentAnchor(article.body, threadId, 'ein Absatz'),
    version: article.version,
  })
  const threadsOf = (articleId: string) =>
    ok(head.call<CommentThread[]>('GET', `/articles/${articleId}/comments`), 'Gespräche')

  it(`lässt bei ${racesPerCase} Rennen von neuem Gespräch und Bearbeitung genau eines gelten`, async () => {
    await prepare()
    const outcomes: number[] = []
    const winners = { Gespräch: 0, Bearbeitung: 0 }
    for (let race = 0; race < racesPerCase; race++) {
      const article = await createReadyArticle(editor, `Gesprächsrennen ${race}`)
      if (race % 2 === 1) {
        // every other article in an issue: then both requests take the issue's lock first
        const issue = await createIssue(editor, `Gesprächsrennen ${race}`)
        await ok(
          editor.call('PUT', `/issues/${issue.id}/articles`, {
            version: issue.version,
            articleIds: [article.id],
          }),
          'Zuordnen',
        )
      }
      const threadId = `faden-bearbeitung-${race}`
      const editedBody = docFromParagraphs([`Gesprächsrennen ${race}: ganz neu geschrieben.`])
      const [opened, edited] = await Promise.all([
        head.call(
          'POST',
          `/articles/${article.id}/comments`,
          threadRequest(article, threadId),
          race,
        ),
        editor.call(
          'PATCH',
          `/articles/${article.id}`,
          { version: article.version, body: editedBody },
          race + 1,
        ),
      ])
      outcomes.push(opened.status, edited.status)
      const stored = await ok(editor.call<Article>('GET', `/articles/${article.id}`), 'Beitrag')
      const threads = await threadsOf(article.id)
      const anchors = commentAnchorTexts(stored.body)
      expect(stored.version, `Rennen ${race}`).toBe(article.version + 1)
      if (opened.status === 201) {
        winners.Gespräch += 1
        expect(edited.status, `Rennen ${race}`).toBe(409)
        expect(withoutCommentAnchors(stored.body)).toEqual(withoutCommentAnchors(article.body))
        expect(threads.map((thread) => thread.id)).toEqual([threadId])
        expect(anchors.get(threadId)).toBe('ein Absatz')
      } else {
        winners.Bearbeitung += 1
        expect([opened.status, edited.status], `Rennen ${race}`).toEqual([409, 200])
        expect(stored.body).toEqual(editedBody)
        expect(threads).toEqual([])
        expect(anchors.size).toBe(0)
      }
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(
      `Gespräch gegen Bearbeitung: ${JSON.stringify(tally(outcomes))} ${JSON.stringify(winners)}`,
    )
  })

  it(`lässt bei ${racesPerCase} Rennen von neuem Gespräch und Freigabe die Freigabe unverändert gelten`, async () => {
    await prepare()
    const outcomes: number[] = []
    for (let race = 0; race < racesPerCase; race++) {
      const { article, issue } = await submittedIssue(`Freigabegespräch ${race}`)
      // the print of what the Dezernentin read: an anchor set meanwhile must not make it stale
      const publication = await ok(head.call<Publication>('GET', '/publication'), 'Publikation')
      const reviewed = await contentFingerprint(issue, [article], publication)
      const threadId = `faden-freigabe-${race}`
      const [approved, opened] = await Promise.all([
        head.call<Issue>(
          'POST',
          `/issues/${issue.id}/approve`,
          { ...(await approvalRequest(head, issue)), fingerprint: reviewed },
          race,
        ),
        editor.call(
          'POST',
          `/articles/${article.id}/comments`,
          threadRequest(article, threadId),
          race + 1,
        ),
      ])
      outcomes.push(approved.status, opened.status)
      expect([approved.status, opened.status], `Rennen ${race}`).toEqual([200, 201])
      const stored = await ok(head.call<Issue>('GET', `/issues/${issue.id}`), 'Ausgabe')
      const storedArticle = await ok(
        head.call<Article>('GET', `/articles/${article.id}`),
        'Beitrag',
      )
      expect(stored.status, `Rennen ${race}`).toBe('approved')
      expect(stored.approval?.fingerprint).toBe(reviewed)
      expect(
        await contentFingerprint(stored, [storedArticle], stored.approval?.content.publication),
      ).toBe(reviewed)
      // „Seit Freigabe geändert“ shows nothing
      const changes = stored.approval
        ? contentChanges(stored.approval.content, stored.articleIds, [storedArticle])
        : null
      expect(changes, `Rennen ${race}`).toEqual({ orderChanged: false, articles: [] })
      expect(commentAnchorTexts(storedArticle.body).get(threadId)).toBe('ein Absatz')
      expect((await threadsOf(article.id)).map((thread) => thread.id)).toEqual([threadId])
      const history = await ok(
        head.call<{ action: string }[]>('GET', `/issues/${issue.id}/history`),
        'Verlauf',
      )
      expect(history.map((event) => event.action)).not.toContain('issue.approval_withdrawn')
      const publish = await editor.call('POST', `/issues/${issue.id}/publish`, {
        version: stored.version,
      })
      expect(publish.status, `Versand ${race}`).toBe(200)
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(`Gespräch gegen Freigabe: ${JSON.stringify(tally(outcomes))}`)
  })

  it(`lässt bei ${racesPerCase} Rennen von neuem Gespräch und Löschen kein Gespräch an einem gelöschten Beitrag zurück`, async () => {
    await prepare()
    const outcomes: number[] = []
    for (let race = 0; race < racesPerCase; race++) {
      const article = await createReadyArticle(editor, `Löschgespräch ${race}`)
      const threadId = `faden-loeschen-${race}`
      const [opened, deleted] = await Promise.all([
        head.call<{ type?: string }>(
          'POST',
          `/articles/${article.id}/comments`,
          threadRequest(article, threadId),
          race,
        ),
        editor.call<{ type?: string }>(
          'DELETE',
          `/articles/${article.id}?version=${article.version}`,
          undefined,
          race + 1,
        ),
      ])
      outcomes.push(opened.status, deleted.status)
      if (deleted.status === 204) {
        expect(opened.status, `Rennen ${race}`).toBe(404)
        expect(opened.body.type).toBe('/probleme/im-papierkorb')
        const counts = await ok(
          head.call<Record<string, number>>('GET', '/comment-counts'),
          'Offene Gespräche',
        )
        expect(counts[article.id], `Rennen ${race}`).toBeUndefined()
        // back from the Papierkorb, the article has no thread that was refused
        await ok(editor.call('POST', `/trash/${article.id}/restore`, {}), 'Wiederherstellen')
        expect(await threadsOf(article.id), `Rennen ${race}`).toEqual([])
      } else {
        expect([opened.status, deleted.status], `Rennen ${race}`).toEqual([201, 409])
        expect((await threadsOf(article.id)).map((thread) => thread.id)).toEqual([threadId])
      }
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(`Gespräch gegen Löschen: ${JSON.stringify(tally(outcomes))}`)
  })

  it(`verliert bei ${racesPerCase} Rennen von Antwort, „Erledigt“ und Löschen des ersten Kommentars keine Antwort`, async () => {
    await prepare()
    const outcomes = { Antwort: [] as number[], Erledigt: [] as number[], Löschen: [] as number[] }
    // deleting the thread waits a little after reading it: a reply can come in between
    await Promise.all(servers().map((server) => server.delayWrites(30)))
    for (let race = 0; race < racesPerCase; race++) {
      const article = await createReadyArticle(editor, `Antwortrennen ${race}`)
      const threadId = `faden-antwort-${race}`
      const { thread } = await ok(
        head.call<{ thread: CommentThread }>(
          'POST',
          `/articles/${article.id}/comments`,
          threadRequest(article, threadId),
        ),
        'Gespräch öffnen',
      )
      const first = thread.comments[0]?.id ?? ''
      const reply = `Antwort ${race}: erledige ich.`
      const [replied, resolved, deleted] = await Promise.all([
        editor.call<CommentThread>(
          'POST',
          `/comment-threads/${threadId}/comments`,
          { text: reply },
          race,
        ),
        editor.call<CommentThread>('POST', `/comment-threads/${threadId}/resolve`, {}, race + 1),
        head.call('DELETE', `/comments/${first}`, undefined, race + 1),
      ])
      outcomes.Antwort.push(replied.status)
      outcomes.Erledigt.push(resolved.status)
      outcomes.Löschen.push(deleted.status)
      const threads = await threadsOf(article.id)
      if (replied.status === 201) {
        // the reply is kept, and with it the comment it answers
        expect(deleted.status, `Rennen ${race}`).toBe(409)
        expect(threads.map((kept) => kept.comments.map((comment) => comment.text))).toEqual([
          ['Bitte diese Stelle prüfen.', reply],
        ])
      } else {
        expect(deleted.status, `Rennen ${race}`).toBe(200)
        expect([404, 409], `Rennen ${race}`).toContain(replied.status)
        expect(threads).toEqual([])
        // the thread's anchor went with it, in the same transaction (checkIntegrity looks too)
        const { body } = await ok(head.call<Article>('GET', `/articles/${article.id}`), 'Beitrag')
        expect(commentAnchorThreadIds(body).size, `Rennen ${race}`).toBe(0)
      }
      expect([200, 404], `Rennen ${race}`).toContain(resolved.status)
      if (resolved.status === 200 && threads.length > 0) {
        expect(threads[0]?.resolvedAt ?? null, `Rennen ${race}`).not.toBeNull()
      }
    }
    await Promise.all(servers().map((server) => server.delayWrites(0)))
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(
      `Antwort, Erledigt und Löschen: ${Object.entries(outcomes)
        .map(([what, statuses]) => `${what} ${JSON.stringify(tally(statuses))}`)
        .join(', ')}`,
    )
  })

  it(`lässt bei ${racesPerCase} Rennen von Löschen eines Gesprächs und Speichern mit seinem Anker keinen Anker ohne Gespräch zurück`, async () => {
    await prepare()
    const outcomes: number[] = []
    for (let race = 0; race < racesPerCase; race++) {
      const created = await createReadyArticle(editor, `Ankerrennen ${race}`)
      const threadId = `faden-anker-${race}`
      const { thread, article } = await ok(
        head.call<{ thread: CommentThread; article: Article }>(
          'POST',
          `/articles/${created.id}/comments`,
          threadRequest(created, threadId),
        ),
        'Gespräch öffnen',
      )
      const typed = `Nachsatz ${race}.`
      // an editor that holds the anchor saves a new sentence while the thread is deleted
      const [deleted, saved] = await Promise.all([
        head.call('DELETE', `/comments/${thread.comments[0]?.id ?? ''}`, undefined, race),
        editor.call<Article>(
          'PATCH',
          `/articles/${article.id}`,
          {
            version: article.version,
            body: {
              ...article.body,
              content: [
                ...article.body.content,
                { type: 'paragraph', content: [{ type: 'text', text: typed }] },
              ],
            },
          },
          race + 1,
        ),
      ])
      outcomes.push(deleted.status, saved.status)
      expect(deleted.status, `Rennen ${race}`).toBe(200)
      expect([200, 409], `Rennen ${race}`).toContain(saved.status)
      const stored = await ok(head.call<Article>('GET', `/articles/${article.id}`), 'Beitrag')
      expect(commentAnchorThreadIds(stored.body).size, `Rennen ${race}`).toBe(0)
      expect(JSON.stringify(stored.body).includes(typed), `Rennen ${race}`).toBe(
        saved.status === 200,
      )
    }
    expect(await checkIntegrity(head)).toEqual(intactReport)
    console.info(`Gespräch löschen gegen Speichern: ${JSON.stringify(tally(outcomes))}`)
  })

  it('gibt bei gleichzeitigem „Als versendet markieren“ zweier Ausgaben desselben Monats verschiedene Archivadressen', async () => {
    await prepare()
    const races = 8
    /** An approved issue with one ready article, due in 9 days (all in the same month). */
    const approvedIssue = async (label: string) => {
      const { issue } = await submittedIssue(label)
      return ok(
        head.call<Issue>('POST', `/issues/${issue.id}/approve`, await approvalRequest(head, issue)),
        'Freigeben',
      )
    }
    // the issue's row is written after the address is reserved: the reservation stays open longer
    await Promise.all(servers().map((server) => server.delayWrites(40)))
    const slugs: string[] = []
    for (let race = 0; race < races; race++) {
      const pair = [
        await approvedIssue(`Archivrennen ${race} A`),
        await approvedIssue(`Archivrennen ${race} B`),
      ]
      const answers = await Promise.all(
        pair.map((issue, via) =>
          editor.call<Issue>(
            'POST',
            `/issues/${issue.id}/publish`,
            { version: issue.version },
            via,
          ),
        ),
      )
      expect(
        answers.map((answer) => answer.status),
        `Rennen ${race}`,
      ).toEqual([200, 200])
      for (const issue of pair) {
        const archive = await ok(
          editor.call<{ slug: string }>('GET', `/issues/${issue.id}/archive`),
          'Archivadresse',
        )
        slugs.push(archive.slug)
      }
    }
    await Promise.all(servers().map((server) => server.delayWrites(0)))
    expect(new Set(slugs).size).toBe(slugs.length)
    const month = slugs[0]?.slice(0, 7) ?? ''
    expect([...slugs].sort()).toEqual(
      [
        month,
        ...Array.from({ length: slugs.length - 1 }, (_, index) => `${month}-${index + 2}`),
      ].sort(),
    )
    const first = servers()[0]
    const list = (await (await fetch(`${first?.apiBaseUrl}/archive`)).json()) as {
      items: { slug: string }[]
    }
    expect(list.items.map((item) => item.slug).sort()).toEqual([...slugs].sort())
    console.info(`Archivadressen aus ${races} Rennen: ${slugs.join(', ')}`)
  })

  it('prüft von 30 gleichzeitigen falschen Passwörtern höchstens 5, die übrigen bekommen 429', async () => {
    await servers()[0]?.reset()
    const list = servers()
    const started = performance.now()
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => {
        const server = list[index % list.length] ?? list[0]
        return fetch(`${server?.apiBaseUrl}/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ login: seedAccounts.editor.login, password: `falsch-${index}` }),
        })
      }),
    )
    const statuses = answers.map((answer) => answer.status)
    console.info(`30 falsche Passwörter: ${JSON.stringify(tally(statuses))}`)
    // After five failures each further guess waits 1 s, 2 s, 4 s … (login-throttle.ts): on a
    // machine so busy that the burst outlasts those waits, the guesses they allow are not a race.
    const elapsedSeconds = (performance.now() - started) / 1000
    const allowedByBackoff = Math.floor(Math.log2(elapsedSeconds + 1))
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(
      freeLoginAttempts + allowedByBackoff,
    )
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true)
    await servers()[0]?.reset()
  })
}
