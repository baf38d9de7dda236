import type { Kysely } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from './database'
import type { Database } from './database-schema'
import { DatabaseStore } from './database-store'
import { verifyPassword } from './passwords'
import { prepareDatabase } from './prepare-database'
import { addUser, disableUser, enableUser, listAccounts, setPassword, setUserEmail } from './users'

let db: Kysely<Database> | null = null
afterEach(async () => {
  await db?.destroy()
  db = null
})

async function withSandra() {
  const database = (db = await openDatabase({ kind: 'pglite', dataDir: null }))
  await prepareDatabase(database)
  const user = await addUser(database, {
    login: 'sandra.wanzar',
    name: 'Sandra Wanzar',
    role: 'head',
    password: 'ein langes Passwort',
  })
  const store = new DatabaseStore(database)
  const openSession = (token: string) =>
    store.transaction((tx) =>
      tx.createSession({
        token,
        userId: user.id,
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
        lastSeenAt: new Date().toISOString(),
      }),
    )
  return { database, store, user, openSession }
}

describe('Konten', () => {
  it('nehmen eine E-Mail-Adresse für Benachrichtigungen an, ändern und entfernen sie, lehnen eine falsche ab', async () => {
    const { database, store, user } = await withSandra()
    const address = async (userId: string) =>
      (await store.transaction((tx) => tx.getNotificationSettings(userId)))?.email
    expect(await address(user.id)).toBeNull()
    const frank = await addUser(database, {
      login: 'frank.ruehling',
      name: 'Dr. Frank Rühling',
      role: 'editor',
      password: 'ein langes Passwort',
      email: ' Frank.Ruehling@Gera.de ',
    })
    expect(await address(frank.id)).toBe('frank.ruehling@gera.de')
    await setUserEmail(database, 'Sandra.Wanzar', 'sandra.wanzar@gera.de')
    expect(await address(user.id)).toBe('sandra.wanzar@gera.de')
    await expect(setUserEmail(database, 'sandra.wanzar', 'keine-adresse')).rejects.toThrow(
      'Bitte eine gültige E-Mail-Adresse angeben',
    )
    await expect(setUserEmail(database, 'niemand', null)).rejects.toThrow(
      'Den Benutzernamen „niemand“ gibt es nicht.',
    )
    await setUserEmail(database, 'sandra.wanzar', null)
    expect(await address(user.id)).toBeNull()
  })

  it('listet Personen mit Rolle, Sperre und offenen Sitzungen', async () => {
    const { database, openSession } = await withSandra()
    await openSession('a')
    await openSession('b')
    expect(await listAccounts(database)).toEqual([
      {
        login: 'sandra.wanzar',
        name: 'Sandra Wanzar',
        role: 'head',
        disabled: false,
        openSessions: 2,
      },
    ])
  })

  it('sperrt ein Konto: Sitzungen enden sofort, Anmelden geht nicht mehr, bis es entsperrt ist', async () => {
    const { database, store, user, openSession } = await withSandra()
    await openSession('laufend')
    expect(await disableUser(database, 'Sandra.Wanzar')).toBe(1)
    expect(await store.transaction((tx) => tx.getSession('laufend'))).toBeNull()
    expect(await store.transaction((tx) => tx.getUser(user.id))).toBeNull()
    expect(await store.transaction((tx) => tx.getCredential('sandra.wanzar'))).toBeNull()
    expect(await store.transaction((tx) => tx.listUsers())).toEqual([])
    expect((await listAccounts(database))[0]).toMatchObject({ disabled: true, openSessions: 0 })
    await enableUser(database, 'sandra.wanzar')
    expect(await store.transaction((tx) => tx.getUser(user.id))).toEqual(user)
    await expect(disableUser(database, 'niemand')).rejects.toThrow(
      'Den Benutzernamen „niemand“ gibt es nicht.',
    )
  })

  it('setzt ein neues Passwort und beendet die Sitzungen', async () => {
    const { database, store, openSession } = await withSandra()
    await openSession('alt')
    await setPassword(database, 'sandra.wanzar', 'ein ganz neues Passwort')
    expect(await store.transaction((tx) => tx.getSession('alt'))).toBeNull()
    const credential = await store.transaction((tx) => tx.getCredential('sandra.wanzar'))
    expect(await verifyPassword(credential?.passwordHash ?? null, 'ein ganz neues Passwort')).toBe(
      true,
    )
    await expect(setPassword(database, 'sandra.wanzar', 'kurz')).rejects.toThrow(
      'Das Passwort muss mindestens 12 Zeichen lang sein.',
    )
  })
})
