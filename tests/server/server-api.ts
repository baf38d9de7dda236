import { seedAccounts } from './seed-accounts'
import type { SpawnedServer } from './spawn-server'

/** Signs in a seed account on a spawned server and returns the bearer token. */
export async function signInOn(
  server: SpawnedServer,
  role: keyof typeof seedAccounts = 'editor',
): Promise<string> {
  const response = await fetch(`${server.apiBaseUrl}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(seedAccounts[role]),
  })
  if (response.status !== 201) throw new Error(`Anmeldung: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** One API call with the token; a body is sent as JSON. */
export function sendTo(
  server: SpawnedServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${server.apiBaseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
