import { pino } from 'pino'
import { z } from 'zod'
import { readConfig } from './config'
import { startServer, type RunningServer } from './server'
import { loggableError } from './loggable-error'
import { explainStartupError } from './startup-error'

z.config(z.locales.de())

/** `npm start`: the Rundbrief server (app + API on one port). */
async function main() {
  let config
  try {
    config = readConfig()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
  const logger = pino({ level: config.logLevel, base: { dienst: 'rundbrief' } })
  let server: RunningServer
  try {
    server = await startServer(config, logger)
  } catch (error) {
    const explanation = explainStartupError(error, config.database, config)
    logger.fatal({ start: 'fehlgeschlagen' }, explanation)
    logger.debug({ err: loggableError(error) }, 'Startfehler im Einzelnen')
    console.error(`Rundbrief konnte nicht starten. ${explanation}`)
    process.exit(1)
  }
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'Rundbrief wird beendet')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'Fehler beim Beenden')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  console.error('Rundbrief konnte nicht starten:', error)
  process.exit(1)
})
