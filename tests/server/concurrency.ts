import { expect, it } from 'vitest'
import { sendTo as send, signInOn as signIn } from './server-api'
import type { SpawnedServer } from './spawn-server'

const seedIssueId = 'ausgabe-2018-08'
const articleId = 'beitrag-01-antrittsbesuch'
const simultaneous = 50

/**
 * 50 simultaneous writes based on the same version: exactly one succeeds, the others get 409
 * with the current resource, and the stored state is the winner's.
 */
export function defineConcurrencyTests(server: () => SpawnedServer) {
  it(`speichert von ${simultaneous} gleichzeitigen Fassungen eines Beitrags genau eine`, async () => {
    await server().reset()
    const token = await signIn(server())
    await server().delayWrites(25)
    const before = (await (
      await send(server(), token, 'GET', `/articles/${articleId}`)
    ).json()) as {
      version: number
    }
    const responses = await Promise.all(
      Array.from({ length: simultaneous }, (_, index) =>
        send(server(), token, 'PATCH', `/articles/${articleId}`, {
          version: before.version,
          headline: `Gleichzeitige Fassung ${index + 1}`,
        }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(simultaneous - 1)
    const winner = (await responses[statuses.indexOf(200)]?.json()) as {
      headline: string
      version: number
    }
    expect(winner.version).toBe(before.version + 1)
    for (const response of responses.filter((item) => item.status === 409)) {
      const problem = (await response.json()) as { current: { headline: string; version: number } }
      expect(problem.current.version).toBeGreaterThan(before.version)
    }
    const stored = (await (
      await send(server(), token, 'GET', `/articles/${articleId}`)
    ).json()) as {
      headline: string
      version: number
    }
    expect(stored).toMatchObject({ headline: winner.headline, version: winner.version })
  })

  it(`ordnet von ${simultaneous} gleichzeitigen Umstellungen einer Ausgabe genau eine`, async () => {
    await server().reset()
    const token = await signIn(server())
    await server().delayWrites(25)
    const issue = (await (await send(server(), token, 'GET', `/issues/${seedIssueId}`)).json()) as {
      version: number
      articleIds: string[]
    }
    const orders = Array.from({ length: simultaneous }, (_, index) => {
      const shift = (index % issue.articleIds.length) + 1
      const rotated = [...issue.articleIds.slice(shift), ...issue.articleIds.slice(0, shift)]
      return index < issue.articleIds.length ? rotated : rotated.slice(0, -1 - (index % 3))
    })
    const responses = await Promise.all(
      orders.map((articleIds) =>
        send(server(), token, 'PUT', `/issues/${seedIssueId}/articles`, {
          version: issue.version,
          articleIds,
        }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(simultaneous - 1)
    const winner = (await responses[statuses.indexOf(200)]?.json()) as { articleIds: string[] }
    expect(winner.articleIds).toEqual(orders[statuses.indexOf(200)])
    const stored = (await (
      await send(server(), token, 'GET', `/issues/${seedIssueId}`)
    ).json()) as {
      articleIds: string[]
      version: number
    }
    expect(stored.articleIds).toEqual(winner.articleIds)
    expect(stored.version).toBe(issue.version + 1)
    const history = (await (
      await send(server(), token, 'GET', `/issues/${seedIssueId}/history`)
    ).json()) as { action: string }[]
    expect(history.filter((event) => event.action === 'issue.arranged')).toHaveLength(1)
  })
}
