import { parseArgs } from 'node:util'
import { z } from 'zod'
import { roleLabels } from '../../domain/role-labels'
import { openPrepared, readPassword } from './cli-support'
import { readConfig } from './config'
import { explainStartupError, StartupError } from './startup-error'
import { disableUser, enableUser, listAccounts, setPassword, setUserEmail } from './users'

z.config(z.locales.de())

const usage = `Konten verwalten:
  npm run user:list                                 alle Personen mit Rolle, Sperre, offenen Sitzungen
  npm run user:passwd  -- --login sandra.wanzar     neues Passwort setzen (beendet ihre Sitzungen)
  npm run user:disable -- --login sandra.wanzar     Konto sperren: keine Anmeldung, Sitzungen enden sofort
  npm run user:enable  -- --login sandra.wanzar     gesperrtes Konto wieder freigeben
  npm run user:email   -- --login sandra.wanzar --email sandra.wanzar@gera.de
                                                    Adresse für Benachrichtigungen (--email "" entfernt sie)

Das Passwort wird abgefragt, oder bei nicht interaktiver Eingabe aus der ersten Zeile der
Standardeingabe gelesen. Die Datenbank ergibt sich wie beim Server aus DATABASE_URL bzw. DATA_DIR.
Mit PostgreSQL wirkt das bei laufendem Server; bei PGlite muss der Server dafür angehalten sein.`

const commands = ['list', 'passwd', 'disable', 'enable', 'email'] as const
type Command = (typeof commands)[number]

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      login: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const command = positionals[0] as Command | undefined
  if (values.help || !command || !commands.includes(command)) {
    console.log(usage)
    process.exit(values.help ? 0 : 2)
  }
  const login = values.login?.trim() ?? ''
  if (command !== 'list' && !login) {
    console.error(`Bitte den Benutzernamen angeben: npm run user:${command} -- --login <name>`)
    process.exit(2)
  }
  const password = command === 'passwd' ? await readPassword() : null
  const { database } = readConfig()
  const db = await openPrepared(database).catch((error: unknown) => {
    throw new StartupError(`Nichts geändert. ${explainStartupError(error, database)}`)
  })
  try {
    switch (command) {
      case 'list': {
        const accounts = await listAccounts(db)
        if (accounts.length === 0) console.log('Noch keine Personen angelegt (npm run user:add).')
        for (const account of accounts) {
          const state = account.disabled ? 'gesperrt' : `${account.openSessions} Sitzung(en)`
          console.log(
            `${account.login ?? '(ohne Anmeldung)'}\t${account.name}\t${roleLabels[account.role]}\t${state}`,
          )
        }
        break
      }
      case 'email': {
        const email = values.email?.trim() ?? ''
        await setUserEmail(db, login, email === '' ? null : email)
        console.log(
          email === ''
            ? `Die E-Mail-Adresse von „${login}“ ist entfernt.`
            : `Benachrichtigungen für „${login}“ gehen auch an ${email.toLowerCase()}.`,
        )
        break
      }
      case 'passwd':
        await setPassword(db, login, password ?? '')
        console.log(`Neues Passwort für „${login}“ gesetzt; ihre Sitzungen sind beendet.`)
        break
      case 'disable': {
        const ended = await disableUser(db, login)
        console.log(`„${login}“ ist gesperrt; ${ended} offene Sitzung(en) beendet.`)
        break
      }
      case 'enable':
        await enableUser(db, login)
        console.log(`„${login}“ kann sich wieder anmelden.`)
        break
    }
  } finally {
    await db.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
