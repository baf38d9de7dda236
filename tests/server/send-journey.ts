import type { Backend } from '../../src/backend/backend'
import { createHttpBackend } from '../../src/backend/http-backend'
import type { SendProgress } from '../../src/domain/sending'
import { seedAccounts } from './seed-accounts'
import type { SpawnedServer } from './spawn-server'

/** The seed issue of August 2018, which the Versand tests send. */
export const seedIssueId = 'ausgabe-2018-08'

/** The API of a spawned server as a seed account (editor: Redaktion, head: Dezernentin). */
export async function backendOn(
  server: Pick<SpawnedServer, 'apiBaseUrl'>,
  role: keyof typeof seedAccounts,
): Promise<Backend> {
  let token: string | null = null
  const backend = createHttpBackend({ baseUrl: server.apiBaseUrl, getToken: () => token })
  token = (await backend.loginWithPassword(seedAccounts[role].login, seedAccounts[role].password))
    .token
  return backend
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000)

/**
 * Brings the seed issue through the workflow as the people do: a deadline ahead, the two
 * missing alt texts, submitted by the Redaktion, approved by the Dezernentin.
 */
export async function approveSeedIssue(editor: Backend, head: Backend): Promise<void> {
  let issue = await head.getIssue(seedIssueId)
  issue = await head.updateIssue(seedIssueId, {
    version: issue.version,
    deadline: inDays(7).toISOString(),
    plannedSendDate: inDays(9).toISOString().slice(0, 10),
  })
  for (const articleId of ['beitrag-03-behoerdennetzwerk', 'beitrag-07-ministerin']) {
    const article = await editor.getArticle(articleId)
    await editor.updateArticle(articleId, {
      version: article.version,
      photos: article.photos.map((photo) => ({ ...photo, alt: 'Gesprächsrunde' })),
    })
  }
  issue = await editor.submitIssue(seedIssueId, { version: issue.version })
  await head.approveIssue(seedIssueId, {
    version: issue.version,
    acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
  })
}

/** "Jetzt versenden" as the confirmation does it: with the fingerprint the preview showed. */
export async function sendNow(head: Backend): Promise<SendProgress> {
  const preview = await head.getSendPreview(seedIssueId)
  if (preview.blocker) throw new Error(`Versand nicht möglich: ${preview.blocker}`)
  const issue = await head.getIssue(seedIssueId)
  return head.startSend(seedIssueId, {
    version: issue.version,
    fingerprint: preview.fingerprint ?? '',
  })
}

/** Polls the send's progress until `done` holds (or fails after `timeoutMs`). */
export async function waitForSend(
  head: Backend,
  sendId: string,
  done: (progress: SendProgress) => boolean = (progress) => progress.status === 'done',
  timeoutMs = 60_000,
  pollMs = 100,
): Promise<SendProgress> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const progress = await head.getSend(sendId)
    if (done(progress)) return progress
    if (Date.now() > until)
      throw new Error(
        `Versand nicht fertig nach ${timeoutMs} ms: ${JSON.stringify(progress.counts)}`,
      )
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}

/** Test-only: confirmed recipients leser-0001@example.org … (see test-server-entry.ts). */
export async function addReaders(server: Pick<SpawnedServer, 'url'>, count: number) {
  const response = await fetch(`${server.url}/testing/subscribers?count=${count}`, {
    method: 'POST',
  })
  if (response.status !== 204) throw new Error(`Empfänger anlegen: ${response.status}`)
}

export const readerAddress = (number: number) =>
  `leser-${String(number).padStart(4, '0')}@example.org`
export const readerId = (number: number) => `leser-${String(number).padStart(4, '0')}`

/** Test-only: the stored message of a send and each delivery's state. */
export async function storedSend(server: Pick<SpawnedServer, 'url'>, sendId: string) {
  const response = await fetch(`${server.url}/testing/sends/${encodeURIComponent(sendId)}`)
  return (await response.json()) as {
    message: { subject: string; from: string; html: string; text: string; fingerprint: string }
    deliveries: {
      subscriberId: string
      status: string
      attempts: number
      reason: string | null
      /** The worker that holds a `sending` delivery: `host:pid:…` (see server.ts). */
      claimedBy: string | null
    }[]
  }
}

/** Test-only: moves the server's clock on (retries and leases fall due) and wakes the worker. */
export async function advanceClock(server: Pick<SpawnedServer, 'url'>, minutes: number) {
  const response = await fetch(`${server.url}/testing/clock?advanceMinutes=${minutes}`, {
    method: 'POST',
  })
  if (response.status !== 204) throw new Error(`Uhr: ${response.status}`)
}
