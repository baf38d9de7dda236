import { inject } from 'vitest'

/**
 * The PostgreSQL URL for this run. Without a PostgreSQL installation the tests on it are skipped
 * with a message; in CI (CI=1) a missing PostgreSQL fails the run instead.
 */
export function postgresForTests(): string | null {
  const url = inject('postgresUrl')
  if (url) return url
  const message =
    'Kein PostgreSQL-Server installiert (initdb nicht gefunden): Tests gegen PostgreSQL übersprungen. ' +
    'Installieren mit „apt-get install -y postgresql“ oder RUNDBRIEF_TEST_DATABASE_URL setzen.'
  if (process.env.CI) throw new Error(`${message} In CI ist das ein Fehler.`)
  console.warn(message)
  return null
}
