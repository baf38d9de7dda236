import type { Article } from '../../src/domain/article'
import type { AuditEvent } from '../../src/domain/audit-event'
import type { CommentThread } from '../../src/domain/comment'
import { commentAnchorThreadIds } from '../../src/domain/comment-anchor'
import { issueChecks } from '../../src/render/issue-checks'
import { contentFingerprint } from '../../src/domain/fingerprint'
import type { Issue } from '../../src/domain/issue'
import type { Publication } from '../../src/domain/publication'
import type { TrashedArticle } from '../../src/domain/trash'
import { docFromParagraphs } from '../../src/domain/rich-text'
import { seedUsers } from '../../mocks/seed/august-2018'
import { statusAfterWithdrawal, transitions, type WorkflowAction } from '../../src/domain/workflow'
import { sendTo, signInOn } from './server-api'
import type { SpawnedServer } from './spawn-server'

/** One answer: the status and the parsed body (null when there is none). */
export interface Answer<T = unknown> {
  status: number
  body: T
}

/**
 * A person talking to one of several server processes on one database: `on(i)` picks the
 * process, so that two requests of a race can go to two processes.
 */
export interface Client {
  call<T = unknown>(method: string, path: string, body?: unknown, via?: number): Promise<Answer<T>>
}

export async function clientFor(
  servers: readonly SpawnedServer[],
  role: 'editor' | 'head',
): Promise<Client> {
  const first = servers[0]
  if (!first) throw new Error('Kein Server')
  const token = await signInOn(first, role)
  return {
    async call<T>(method: string, path: string, body?: unknown, via = 0) {
      const server = servers[via % servers.length] ?? first
      const response = await sendTo(server, token, method, path, body)
      const text = await response.text()
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
    },
  }
}

export async function ok<T>(answer: Promise<Answer<T>>, what: string): Promise<T> {
  const { status, body } = await answer
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
  return body
}

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000)

export async function createIssue(client: Client, label: string): Promise<Issue> {
  return ok(
    client.call<Issue>('POST', '/issues', {
      label,
      deadline: inDays(7).toISOString(),
      plannedSendDate: inDays(9).toISOString().slice(0, 10),
    }),
    'Ausgabe anlegen',
  )
}

/** A fresh article that passes every check (text, no photos), marked ready. */
export async function createReadyArticle(client: Client, headline: string): Promise<Article> {
  const created = await ok(
    client.call<Article>('POST', '/articles', {
      headline,
      body: docFromParagraphs([`${headline}: ein Absatz, der die Prüfungen besteht.`]),
    }),
    'Beitrag anlegen',
  )
  return ok(
    client.call<Article>('PATCH', `/articles/${created.id}`, {
      version: created.version,
      status: 'ready',
    }),
    'Beitrag fertig',
  )
}

/** The body of an approval that acknowledges every warning of the issue's current checks. */
export async function approvalRequest(client: Client, issue: Issue) {
  const articles = await Promise.all(
    issue.articleIds.map((id) => ok(client.call<Article>('GET', `/articles/${id}`), 'Beitrag')),
  )
  const publication = await ok(client.call<Publication>('GET', '/publication'), 'Publikation')
  const acknowledgedWarnings = issueChecks(issue, articles, publication)
    .filter((result) => result.severity === 'warning')
    .map((result) => result.id)
  return { version: issue.version, acknowledgedWarnings }
}

const statusAfter: Partial<Record<AuditEvent['action'], WorkflowAction>> = {
  'issue.submitted': 'submit',
  'issue.approved': 'approve',
  'issue.changes_requested': 'requestChanges',
  'issue.reopened': 'reopen',
  'issue.published': 'publish',
  'issue.unpublished': 'unpublish',
}

/**
 * Replays an issue's audit events through the workflow and returns what breaks it (empty: a
 * legal path that ends in the stored status).
 */
export function illegalHistory(issue: Issue, events: readonly AuditEvent[]): string[] {
  const problems: string[] = []
  let status: Issue['status'] | null = null
  for (const event of events) {
    if (event.action === 'issue.created') {
      if (status !== null) problems.push('zweimal angelegt')
      status = 'draft'
      continue
    }
    if (status === null) {
      problems.push(`${event.action} vor dem Anlegen`)
      continue
    }
    const action = statusAfter[event.action]
    if (action) {
      const transition = transitions[action]
      if (!transition.from.includes(status)) problems.push(`${event.action} aus ${status}`)
      status = transition.to
    } else if (event.action === 'issue.approval_withdrawn') {
      if (status !== 'approved') problems.push(`Freigabe zurückgenommen aus ${status}`)
      const role = seedUsers.find((user) => user.id === event.actorId)?.role
      if (!role) problems.push(`Freigabe zurückgenommen von unbekannt (${event.actorId})`)
      status = statusAfterWithdrawal(role ?? 'editor')
    } else if (event.action === 'issue.arranged' && status === 'published') {
      problems.push('nach dem Versand umgestellt')
    }
  }
  if (status !== issue.status)
    problems.push(`Verlauf endet in ${status}, gespeichert ${issue.status}`)
  return problems
}

/** What the checker found over the final state; every list empty means every invariant held. */
export interface IntegrityReport {
  articlesInSeveralIssues: string[]
  missingArticles: string[]
  /** An issue holding an article from the Papierkorb (it can be in none). */
  trashedInIssues: string[]
  /** An article both in the list and in the Papierkorb. */
  trashedAndListed: string[]
  staleApprovals: string[]
  illegalHistories: string[]
  listDisagrees: string[]
  /**
   * A comment thread that is empty, listed under another article, or counted wrongly; an anchor
   * in a body whose thread does not exist.
   */
  brokenThreads: string[]
}

/** Reads everything back and checks the invariants that span rows. */
export async function checkIntegrity(
  client: Client,
  issueIds: readonly string[] | null = null,
): Promise<IntegrityReport> {
  const issues = await ok(client.call<Issue[]>('GET', '/issues'), 'Ausgaben')
  const articles = await ok(client.call<Article[]>('GET', '/articles'), 'Beiträge')
  const trash = await ok(client.call<TrashedArticle[]>('GET', '/trash'), 'Papierkorb')
  const byId = new Map(articles.map((article) => [article.id, article]))
  const trashIds = new Set(trash.map((entry) => entry.id))
  const report: IntegrityReport = {
    articlesInSeveralIssues: [],
    missingArticles: [],
    trashedInIssues: [],
    trashedAndListed: trash.filter((entry) => byId.has(entry.id)).map((entry) => entry.id),
    staleApprovals: [],
    illegalHistories: [],
    listDisagrees: [],
    brokenThreads: [],
  }
  const owners = new Map<string, string[]>()
  for (const issue of issues) {
    for (const articleId of issue.articleIds) {
      owners.set(articleId, [...(owners.get(articleId) ?? []), issue.id])
      if (trashIds.has(articleId)) report.trashedInIssues.push(`${issue.id} → ${articleId}`)
      else if (!byId.has(articleId)) report.missingArticles.push(`${issue.id} → ${articleId}`)
    }
  }
  for (const [articleId, holders] of owners) {
    if (holders.length > 1)
      report.articlesInSeveralIssues.push(`${articleId}: ${holders.join(', ')}`)
    if (byId.get(articleId)?.issueId !== holders[0]) {
      report.listDisagrees.push(`${articleId}: Liste ${byId.get(articleId)?.issueId}`)
    }
  }
  const openCounts = await ok(
    client.call<Record<string, number>>('GET', '/comment-counts'),
    'Offene Kommentare',
  )
  for (const articleId of Object.keys(openCounts)) {
    if (!byId.has(articleId)) report.brokenThreads.push(`${articleId}: gezählt, aber kein Beitrag`)
  }
  for (const article of articles) {
    const threads = await ok(
      client.call<CommentThread[]>('GET', `/articles/${article.id}/comments`),
      'Kommentare',
    )
    for (const thread of threads) {
      if (thread.comments.length === 0) report.brokenThreads.push(`${thread.id}: leer`)
      if (thread.articleId !== article.id)
        report.brokenThreads.push(`${thread.id}: unter ${article.id}, gehört ${thread.articleId}`)
    }
    const threadIds = new Set(threads.map((thread) => thread.id))
    for (const anchored of commentAnchorThreadIds(article.body)) {
      if (!threadIds.has(anchored))
        report.brokenThreads.push(`${article.id}: Anker ohne Gespräch ${anchored}`)
    }
    const open = threads.filter((thread) => thread.resolvedAt === null).length
    if ((openCounts[article.id] ?? 0) !== open)
      report.brokenThreads.push(
        `${article.id}: ${openCounts[article.id] ?? 0} gezählt, ${open} offen`,
      )
  }
  for (const issue of issues) {
    if (issueIds && !issueIds.includes(issue.id)) continue
    if (issue.status === 'approved' || issue.status === 'published') {
      const content = issue.articleIds.flatMap((id) => byId.get(id) ?? [])
      const missing = content.length !== issue.articleIds.length
      const fingerprint = missing
        ? null
        : await contentFingerprint(issue, content, issue.approval?.content.publication)
      if (fingerprint !== issue.approval?.fingerprint) report.staleApprovals.push(issue.id)
    }
    const events = await ok(
      client.call<AuditEvent[]>('GET', `/issues/${issue.id}/history`),
      'Verlauf',
    )
    const problems = illegalHistory(issue, events)
    if (problems.length > 0) report.illegalHistories.push(`${issue.id}: ${problems.join('; ')}`)
  }
  return report
}

export const intactReport: IntegrityReport = {
  articlesInSeveralIssues: [],
  missingArticles: [],
  trashedInIssues: [],
  trashedAndListed: [],
  staleApprovals: [],
  illegalHistories: [],
  listDisagrees: [],
  brokenThreads: [],
}
