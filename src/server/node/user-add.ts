import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { roleLabels } from '../../domain/user'
import { readConfig } from './config'
import { openDatabase, type DatabaseConfig } from './database'
import { prepareDatabase } from './prepare-database'
import { explainStartupError, StartupError } from './startup-error'
import { addUser, newUserSchema } from './users'

z.config(z.locales.de())

const usage = `Neue Person anlegen:
  npm run user:add -- --login sandra.wanzar --name "Sandra Wanzar" --role head

Rollen: editor (Redaktion), head (Dezernentin), designer (Gestaltung).
Das Passwort (mindestens 12 Zeichen) wird abgefragt, oder bei nicht interaktiver Eingabe aus der
ersten Zeile der Standardeingabe gelesen. Die Datenbank ergibt sich wie beim Server aus
DATABASE_URL bzw. DATA_DIR (der Server darf bei PGlite dabei nicht laufen).`

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolvePassword) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const output = rl as unknown as { _writeToOutput: (text: string) => void }
    let muted = false
    output._writeToOutput = (text: string) => {
      if (!muted) process.stdout.write(text)
    }
    rl.question(prompt, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolvePassword(answer)
    })
    muted = true
  })
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await readHidden('Passwort: ')
    const second = await readHidden('Passwort wiederholen: ')
    if (first !== second) throw new Error('Die beiden Passwörter stimmen nicht überein.')
    return first
  }
  const rl = createInterface({ input: process.stdin })
  for await (const line of rl) {
    rl.close()
    return line
  }
  throw new Error('Kein Passwort auf der Standardeingabe.')
}

async function openPrepared(database: DatabaseConfig) {
  const db = await openDatabase(database)
  try {
    await prepareDatabase(db)
    return db
  } catch (error) {
    await db.destroy().catch(() => {})
    throw error
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help || !values.login || !values.name || !values.role) {
    console.log(usage)
    process.exit(values.help ? 0 : 2)
  }
  const password = await readPassword()
  const input = newUserSchema.safeParse({ ...values, password })
  if (!input.success) {
    throw new Error(
      input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    )
  }
  const { database } = readConfig()
  const db = await openPrepared(database).catch((error: unknown) => {
    throw new StartupError(
      `Die Person wurde nicht angelegt. ${explainStartupError(error, database)}`,
    )
  })
  try {
    const user = await addUser(db, input.data)
    console.log(
      `Angelegt: ${user.name} (${roleLabels[user.role]}), Benutzername „${input.data.login}“.`,
    )
  } finally {
    await db.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
