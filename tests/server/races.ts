import { expect, it } from 'vitest'
import type { Article } from '../../src/domain/article'
import type { Issue } from '../../src/domain/issue'
import { docFromParagraphs } from '../../src/domain/rich-text'
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
 * unapproved text, an issue pointing at a deleted article, a throttle that counted too late):
 * each run `racesPerCase` times; afterwards not one invariant may be broken.
 */
export function defineRaceTests(servers: () => SpawnedServer[]) {
  let editor: Client
  let head: Client
  const prepare = async () => {
    await servers()[0]?.reset()
    editor = await clientFor(servers(), 'editor')
    head = await clientFor(servers(), 'head')
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
      const article = await createReadyArticle(editor, `Freigaberennen ${race}`)
      let issue = await createIssue(editor, `Freigaberennen ${race}`)
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

  it('gibt bei gleichzeitigem „Als versendet markieren“ zweier Ausgaben desselben Monats verschiedene Archivadressen', async () => {
    await prepare()
    const races = 8
    /** An approved issue with one ready article, due in 9 days (all in the same month). */
    const approvedIssue = async (label: string) => {
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
