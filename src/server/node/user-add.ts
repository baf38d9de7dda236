import { parseArgs } from 'node:util'
import { z } from 'zod'
import { roleLabels } from '../../domain/role-labels'
import { readConfig } from './config'
import { openPrepared, readPassword } from './cli-support'
import { explainStartupError, StartupError } from './startup-error'
import { addUser, newUserSchema } from './users'

z.config(z.locales.de())

const usage = `Neue Person anlegen:
  npm run user:add -- --login sandra.wanzar --name "Sandra Wanzar" --role head [--email sandra.wanzar@gera.de]

Rollen: editor (Redaktion), head (Dezernentin), designer (Gestaltung).
Mit --email erhält die Person Benachrichtigungen auch per E-Mail (abschaltbar in Rundbrief).
Das Passwort (mindestens 12 Zeichen) wird abgefragt, oder bei nicht interaktiver Eingabe aus der
ersten Zeile der Standardeingabe gelesen. Die Datenbank ergibt sich wie beim Server aus
DATABASE_URL bzw. DATA_DIR (der Server darf bei PGlite dabei nicht laufen).`

/** The German names of the fields, as the messages show them. */
const fieldLabels: Record<string, string> = {
  login: 'Benutzername',
  name: 'Name',
  role: 'Rolle',
  email: 'E-Mail-Adresse',
  password: 'Passwort',
}

async function main() {
  const { values } = parseArgs({
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
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
      input.error.issues
        .map((issue) => `${fieldLabels[String(issue.path[0])] ?? 'Eingabe'}: ${issue.message}`)
        .join('\n'),
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
