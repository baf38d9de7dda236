import { createInterface } from 'node:readline'
import { openDatabase, type DatabaseConfig } from './database'
import { prepareDatabase } from './prepare-database'

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

/** A new password: asked twice on a terminal, else the first line of standard input. */
export async function readPassword(): Promise<string> {
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

/** Opens and migrates the database for a command; closes it again if that fails. */
export async function openPrepared(database: DatabaseConfig) {
  const db = await openDatabase(database)
  try {
    await prepareDatabase(db)
    return db
  } catch (error) {
    await db.destroy().catch(() => {})
    throw error
  }
}
