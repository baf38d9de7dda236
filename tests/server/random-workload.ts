import type { Article } from '../../src/domain/article'
import type { CommentThread } from '../../src/domain/comment'
import type { Issue } from '../../src/domain/issue'
import { docFromParagraphs } from '../../src/domain/rich-text'
import { withCommentAnchor } from '../contract/comments-contract'
import {
  approvalRequest,
  checkIntegrity,
  clientFor,
  createIssue,
  createReadyArticle,
  type Client,
  type IntegrityReport,
} from './integrity-client'
import type { SpawnedServer } from './spawn-server'

/** Size of a run: clients working at once, operations each, and the seed of the random choices. */
export interface WorkloadOptions {
  clients: number
  /**
   * Each server holds every versioned write back this long, so that requests sent at nearly the
   * same moment all read before any of them writes: the windows in which cross-row rules break
   * become wide enough to be hit by chance.
   */
  writeDelayMs: number
  /** Share of steps in which a client sends two operations at the same moment. */
  pairShare: number
  operationsPerClient: number
  issues: number
  articles: number
  seed: number
}

/** What happened: answers per operation and status, versions that went backwards, the checker's findings. */
export interface WorkloadResult {
  operations: number
  seconds: number
  answers: Record<string, Record<number, number>>
  serverErrors: string[]
  versionsWentBack: string[]
  report: IntegrityReport
}

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
function randomFrom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    below: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T | undefined {
      return items[Math.floor(next() * items.length)]
    },
  }
}

type Operation =
  | 'save'
  | 'arrange'
  | 'submit'
  | 'approve'
  | 'requestChanges'
  | 'reopen'
  | 'delete'
  | 'restore'
  | 'create'
  | 'publish'
  | 'comment'
  | 'reply'
  | 'resolve'
  | 'deleteComment'

/** What each role does how often: the Redaktion writes and assembles, the Dezernentin decides. */
const weightsByRole: Record<'editor' | 'head', [Operation, number][]> = {
  editor: [
    ['save', 30],
    ['arrange', 25],
    ['submit', 20],
    ['delete', 10],
    ['restore', 5],
    ['create', 10],
    ['publish', 5],
    ['comment', 6],
    ['reply', 6],
    ['deleteComment', 4],
  ],
  head: [
    ['approve', 40],
    ['save', 15],
    ['arrange', 10],
    ['requestChanges', 10],
    ['reopen', 10],
    ['publish', 5],
    ['comment', 8],
    ['reply', 4],
    ['resolve', 4],
  ],
}

/**
 * A Jepsen-style workload: several clients, each a Redaktion or the Dezernentin, send a seeded
 * random mix of writes to the server processes (in turn) on one database, often with versions
 * that are already stale; afterwards the checker reads everything back.
 */
export async function runRandomWorkload(
  servers: SpawnedServer[],
  options: WorkloadOptions,
): Promise<WorkloadResult> {
  await servers[0]?.reset()
  for (const server of servers) await server.delayWrites(options.writeDelayMs)
  const setupClient = await clientFor(servers, 'editor')
  const head = await clientFor(servers, 'head')
  /** Every issue of this run (for the checker), and those still being worked on. */
  const allIssueIds: string[] = []
  const activeIssueIds: string[] = []
  const articleIds: string[] = []
  for (let index = 0; index < options.issues; index++) {
    const issue = await createIssue(setupClient, `Zufall ${options.seed}-${index}`)
    allIssueIds.push(issue.id)
    activeIssueIds.push(issue.id)
  }
  for (let index = 0; index < options.articles; index++) {
    articleIds.push((await createReadyArticle(setupClient, `Zufall ${index}`)).id)
  }

  const answers: Record<string, Record<number, number>> = {}
  const serverErrors: string[] = []
  const versionsWentBack: string[] = []
  const record = (operation: Operation, status: number, detail: unknown) => {
    const counts = (answers[operation] ??= {})
    counts[status] = (counts[status] ?? 0) + 1
    if (status >= 500) serverErrors.push(`${operation}: ${status} ${JSON.stringify(detail)}`)
  }

  const started = performance.now()
  await Promise.all(
    Array.from({ length: options.clients }, async (_, clientIndex) => {
      const random = randomFrom(options.seed * 1000 + clientIndex)
      const role = clientIndex % 3 === 0 ? 'head' : 'editor'
      const client: Client = role === 'head' ? head : await clientFor(servers, 'editor')
      const weights = weightsByRole[role]
      const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0)
      // Versions this client has seen, and when: a request sent after a version arrived must
      // never answer with an older one (two requests in flight at once may pass each other).
      let clock = 0
      const seen = new Map<string, { version: number; receivedAt: number }>()
      const observe = (id: string, version: number | undefined, sentAt: number) => {
        const receivedAt = ++clock
        if (version === undefined) return
        const before = seen.get(id)
        if (before && version < before.version && sentAt > before.receivedAt) {
          versionsWentBack.push(`${id}: ${before.version} → ${version}`)
        }
        if (!before || version > before.version) seen.set(id, { version, receivedAt })
      }
      // Sometimes a client acts on what it read long ago: the version it sends is stale.
      const knownVersion = (id: string, fresh: number) =>
        random.next() < 0.15 ? (seen.get(id)?.version ?? fresh) : fresh

      const read = async <T extends { id: string; version: number }>(path: string) => {
        const sentAt = ++clock
        const answer = await client.call<T>('GET', path, undefined, random.below(servers.length))
        if (answer.status === 200) observe(answer.body.id, answer.body.version, sentAt)
        return answer.status === 200 ? answer.body : null
      }
      const send = async <T>(
        operation: Operation,
        method: string,
        path: string,
        body?: unknown,
      ) => {
        const sentAt = ++clock
        const answer = await client.call<T & { version?: number; id?: string }>(
          method,
          path,
          body,
          random.below(servers.length),
        )
        record(operation, answer.status, answer.body)
        if (answer.status === 200 && answer.body?.id) {
          observe(answer.body.id, answer.body.version, sentAt)
        }
        return answer
      }

      const pickOperation = (): Operation => {
        let roll = random.below(totalWeight)
        return weights.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'save'
      }

      const perform = async (
        operation: Operation,
        target: { issueId: string; articleId: string },
        step: number,
      ) => {
        const { issueId, articleId } = target
        switch (operation) {
          case 'save': {
            const article = await read<Article>(`/articles/${articleId}`)
            if (!article) break
            await send('save', 'PATCH', `/articles/${articleId}`, {
              version: knownVersion(articleId, article.version),
              headline: `Fassung ${clientIndex}.${step}`,
              body: docFromParagraphs([`Text von Client ${clientIndex}, Schritt ${step}.`]),
            })
            break
          }
          case 'arrange': {
            const issue = await read<Issue>(`/issues/${issueId}`)
            if (!issue) break
            const kept = issue.articleIds.filter(() => random.next() < 0.8)
            // Mostly as on the board: one article from the Themenspeicher; sometimes any.
            const added =
              random.next() < 0.8
                ? [articleId].filter((id) => !kept.includes(id))
                : articleIds.filter((id) => !kept.includes(id) && random.next() < 0.2)
            const order = [...kept, ...added].sort(() => random.next() - 0.5)
            await send('arrange', 'PUT', `/issues/${issueId}/articles`, {
              version: knownVersion(issueId, issue.version),
              articleIds: order,
            })
            break
          }
          case 'submit':
          case 'requestChanges':
          case 'reopen':
          case 'publish': {
            const issue = await read<Issue>(`/issues/${issueId}`)
            if (!issue) break
            const path = {
              submit: 'submit',
              requestChanges: 'request-changes',
              reopen: 'reopen',
              publish: 'publish',
            }[operation]
            const answer = await send(operation, 'POST', `/issues/${issueId}/${path}`, {
              version: knownVersion(issueId, issue.version),
              ...(operation === 'requestChanges' ? { comment: 'Bitte noch einmal prüfen.' } : {}),
            })
            if (operation === 'publish' && answer.status === 200) {
              // Sent issues are frozen: the team goes on with the next one.
              const next = await createIssue(client, `Zufall ${options.seed} nach ${issueId}`)
              allIssueIds.push(next.id)
              activeIssueIds.splice(activeIssueIds.indexOf(issueId), 1, next.id)
            }
            break
          }
          case 'approve': {
            const issue = await read<Issue>(`/issues/${issueId}`)
            if (!issue) break
            const request = await approvalRequest(client, issue).catch(() => null)
            if (!request) break
            await send('approve', 'POST', `/issues/${issueId}/approve`, request)
            break
          }
          case 'delete': {
            const article = await read<Article>(`/articles/${articleId}`)
            if (!article) break
            await send(
              'delete',
              'DELETE',
              `/articles/${articleId}?version=${knownVersion(articleId, article.version)}`,
            )
            break
          }
          case 'restore': {
            // Most of the time the article is not in the Papierkorb (404); when it is, the
            // restore may meet an arrange or a save of the same article.
            await send('restore', 'POST', `/trash/${articleId}/restore`, {})
            break
          }
          case 'comment': {
            // a thread on the first "e" of the text, set on the version this client read
            const article = await read<Article>(`/articles/${articleId}`)
            if (!article) break
            const threadId = `faden-${options.seed}-${clientIndex}-${step}`
            await send('comment', 'POST', `/articles/${articleId}/comments`, {
              threadId,
              text: `Anmerkung von Client ${clientIndex}`,
              body: withCommentAnchor(article.body, threadId, 'e'),
              version: knownVersion(articleId, article.version),
            })
            break
          }
          case 'reply':
          case 'resolve':
          case 'deleteComment': {
            const threads = await client.call<CommentThread[]>(
              'GET',
              `/articles/${articleId}/comments`,
              undefined,
              random.below(servers.length),
            )
            const thread = threads.status === 200 ? random.pick(threads.body) : undefined
            if (!thread) break
            if (operation === 'reply') {
              await send('reply', 'POST', `/comment-threads/${thread.id}/comments`, {
                text: `Antwort von Client ${clientIndex}`,
              })
            } else if (operation === 'resolve') {
              const verb = thread.resolvedAt === null ? 'resolve' : 'reopen'
              await send('resolve', 'POST', `/comment-threads/${thread.id}/${verb}`, {})
            } else {
              // the last comment, mostly the only one: deleting it removes the thread
              const comment = thread.comments.at(-1)
              if (comment) await send('deleteComment', 'DELETE', `/comments/${comment.id}`)
            }
            break
          }
          case 'create': {
            const created = await send<Article>('create', 'POST', '/articles', {
              headline: `Neu ${clientIndex}.${step}`,
              body: docFromParagraphs(['Ein neuer Beitrag mitten im Betrieb.']),
            })
            if (created.status === 201 && created.body.id) articleIds.push(created.body.id)
            break
          }
        }
      }

      for (let step = 0; step < options.operationsPerClient; step++) {
        const issueId = random.pick(activeIssueIds) ?? ''
        // Half the time an article of that issue, else any (often one in the Themenspeicher).
        const inIssue = (await read<Issue>(`/issues/${issueId}`))?.articleIds ?? []
        const articleId =
          (random.next() < 0.5 ? random.pick(inIssue) : undefined) ?? random.pick(articleIds) ?? ''
        if (random.next() < options.pairShare) {
          // Two steps on the same issue and article at the same moment, the second arrange on
          // another issue: where a rule spans rows, the two meet in its window.
          const otherIssueId = random.pick(activeIssueIds.filter((id) => id !== issueId)) ?? issueId
          const first = pickOperation()
          const second = pickOperation()
          await Promise.all([
            perform(first, { issueId, articleId }, step),
            perform(
              second,
              { issueId: second === 'arrange' ? otherIssueId : issueId, articleId },
              step,
            ),
          ])
        } else {
          await perform(pickOperation(), { issueId, articleId }, step)
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const operations = Object.values(answers).reduce(
    (sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0),
    0,
  )
  return {
    operations,
    seconds,
    answers,
    serverErrors,
    versionsWentBack,
    report: await checkIntegrity(head, allIssueIds),
  }
}
