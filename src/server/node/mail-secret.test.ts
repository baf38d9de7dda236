import { afterAll, expect, it } from 'vitest'
import { openDatabase } from './database'
import { sharedMailSecret } from './mail-secret'
import { prepareDatabase } from './prepare-database'

const database = await openDatabase({ kind: 'pglite', dataDir: null })
afterAll(() => database.destroy())

it('erzeugt den Schlüssel der Abmeldelinks einmal und gibt jedem Prozess denselben', async () => {
  await prepareDatabase(database)
  const [first, second] = await Promise.all([
    sharedMailSecret(database),
    sharedMailSecret(database),
  ])
  expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
  expect(second).toBe(first)
  expect(await sharedMailSecret(database)).toBe(first)
})
