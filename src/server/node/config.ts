import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { DatabaseConfig } from './database'

/** Sending over SMTP: the issue to subscribers, confirmation mails, test sends. */
export interface MailConfig {
  /** `smtp://user:password@host:587` or `smtps://…:465`. */
  smtpUrl: string
  /** The sender as it appears in the From line, e.g. `Stadt Gera <newsletter@gera.de>`. */
  from: string
  /** Where links in mails point (no trailing slash), e.g. `https://rundbrief.gera.de`. */
  publicUrl: string
  perMinute: number
  poolSize: number
  /** RFC 2919 list identity, e.g. `newsletter.rundbrief.gera.de`. */
  listId: string
  listName: string
  /** The mailbox of the mailto: unsubscribe link (the sender's address unless set). */
  unsubscribeMailbox: string
  /** The domain of the sender's address: Message-IDs end in it. */
  messageDomain: string
  dkim: { domainName: string; keySelector: string; privateKey: string } | null
  confirmationHours: number
  /** Signs unsubscribe links; null: one is generated once and kept in the database. */
  secret: string | null
}

/** Everything the server reads from its environment. */
export interface ServerConfig {
  port: number
  host: string
  database: DatabaseConfig
  /** The built app (`npm run build`); null serves the API only. */
  distDir: string | null
  /** Proxies of our own in front of the server, each appending to X-Forwarded-For (0: none). */
  trustedProxies: number
  /** Served over HTTPS (by a proxy): adds Strict-Transport-Security. */
  https: boolean
  sessionTtlHours: number
  /** A session ends after this many minutes without a request. */
  sessionIdleMinutes: number
  /** How often the reminders before a Redaktionsschluss are looked for (docs/decisions/0016). */
  reminderIntervalSeconds: number
  logLevel: string
  /** null: no SMTP_URL, the server works and explains that it cannot send. */
  mail: MailConfig | null
  /**
   * PUBLIC_URL without a trailing slash: the base of the archive's links and of the links in
   * mails. Required with SMTP_URL; without it the archive uses the address it was asked at.
   */
  publicUrl: string | null
}

const flag = z
  .enum(['0', '1', 'true', 'false', 'ja', 'nein'], {
    error: 'erwartet 1 oder 0',
  })
  .transform((value) => ['1', 'true', 'ja'].includes(value))

const mailFromPattern =
  /^(?:(.*?)\s*<([^<>\s@]+@([^<>\s@]+\.[^<>\s@]+))>|([^<>\s@]+@([^<>\s@]+\.[^<>\s@]+)))$/

/** Name, address and domain of a sender such as `Stadt Gera <newsletter@gera.de>`. */
function parseMailbox(value: string) {
  const match = mailFromPattern.exec(value.trim())
  if (!match) return null
  const name = (match[1] ?? '').replace(/^"(.*)"$/, '$1').trim()
  const address = match[2] ?? match[4] ?? ''
  const domain = (match[3] ?? match[5] ?? '').toLowerCase()
  return { name, address, domain }
}

const mailFromMessage =
  'erwartet eine Absenderadresse wie newsletter@gera.de oder „Stadt Gera <newsletter@gera.de>“'

const publicUrlMessage =
  'erwartet die öffentliche Adresse des Servers mit https:// (http:// nur für localhost), z. B. https://rundbrief.gera.de'

function isPublicUrl(value: string): boolean {
  try {
    const url = new URL(value)
    if (url.search || url.hash || url.username || url.password) return false
    if (url.protocol === 'https:') return true
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  } catch {
    return false
  }
}

const smtpUrlMessage =
  'erwartet smtp://host:587 oder smtps://host:465 (mit Zugangsdaten: smtp://name:passwort@host:587)'

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** A List-Id (RFC 2919): a dot-atom with at least one dot, e.g. `newsletter.rundbrief.gera.de`. */
const listIdPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)+$/

const proxyCount = 'erwartet die Anzahl eigener Proxys vor dem Server (0 bis 10)'

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// beginnen')
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  DIST_DIR: z.string().min(1).default('dist'),
  SERVE_APP: flag.default(true),
  TRUSTED_PROXIES: z.coerce
    .number({ error: proxyCount })
    .int(proxyCount)
    .min(0, proxyCount)
    .max(10, proxyCount)
    .optional(),
  /** Before TRUSTED_PROXIES: 1 meant one proxy. Read only when TRUSTED_PROXIES is not set. */
  TRUST_PROXY: flag.optional(),
  HTTPS: flag.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(120),
  REMINDER_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 60)
    .default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  SMTP_URL: z.string().refine(isSmtpUrl, smtpUrlMessage).optional(),
  MAIL_FROM: z
    .string()
    .refine((value) => parseMailbox(value) !== null, mailFromMessage)
    .optional(),
  PUBLIC_URL: z.string().refine(isPublicUrl, publicUrlMessage).optional(),
  SMTP_RATE_PER_MINUTE: z.coerce
    .number({ error: 'erwartet die Anzahl Nachrichten pro Minute (1 bis 1.000.000)' })
    .int('erwartet eine ganze Zahl von Nachrichten pro Minute')
    .min(1, 'erwartet mindestens 1 Nachricht pro Minute')
    .max(1_000_000, 'erwartet höchstens 1.000.000 Nachrichten pro Minute')
    .default(600),
  SMTP_POOL_SIZE: z.coerce
    .number({ error: 'erwartet die Anzahl gleichzeitiger SMTP-Verbindungen (1 bis 50)' })
    .int('erwartet die Anzahl gleichzeitiger SMTP-Verbindungen (1 bis 50)')
    .min(1, 'erwartet die Anzahl gleichzeitiger SMTP-Verbindungen (1 bis 50)')
    .max(50, 'erwartet die Anzahl gleichzeitiger SMTP-Verbindungen (1 bis 50)')
    .default(5),
  LIST_ID: z
    .string()
    .regex(listIdPattern, 'erwartet eine Listenkennung mit Punkten, z. B. newsletter.gera.de')
    .optional(),
  LIST_NAME: z.string().trim().min(1).max(200).optional(),
  UNSUBSCRIBE_MAILBOX: z
    .string()
    .regex(
      /^[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+$/,
      'erwartet eine E-Mail-Adresse, z. B. abmelden@gera.de',
    )
    .optional(),
  DKIM_DOMAIN: z
    .string()
    .regex(
      /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/,
      'erwartet die Domain der Absenderadresse, z. B. gera.de',
    )
    .optional(),
  DKIM_SELECTOR: z
    .string()
    .regex(
      /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/,
      'erwartet den Selektor des DNS-Eintrags, z. B. rundbrief2026',
    )
    .optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  SUBSCRIPTION_CONFIRM_HOURS: z.coerce
    .number({ error: 'erwartet die Gültigkeit des Bestätigungslinks in Stunden (1 bis 336)' })
    .int('erwartet ganze Stunden (1 bis 336)')
    .min(1, 'erwartet mindestens 1 Stunde')
    .max(14 * 24, 'erwartet höchstens 336 Stunden (14 Tage)')
    .default(48),
  MAIL_SECRET: z
    .string()
    .min(32, 'erwartet mindestens 32 Zeichen (z. B. aus „openssl rand -hex 32“)')
    .optional(),
})

type Environment = z.infer<typeof environmentSchema>
type ConfigIssue = { variable: string; message: string }

/** The mail settings, or the German reasons why they do not fit together. */
function mailConfigOf(
  env: Environment,
  readKey: (path: string) => string,
): { mail: MailConfig | null; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = []
  const dkimGiven = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY_FILE].some(Boolean)
  if (!env.SMTP_URL) return { mail: null, issues }
  if (!env.MAIL_FROM)
    issues.push({
      variable: 'MAIL_FROM',
      message: `fehlt (nötig mit SMTP_URL); ${mailFromMessage}`,
    })
  if (!env.PUBLIC_URL)
    issues.push({
      variable: 'PUBLIC_URL',
      message: `fehlt (nötig mit SMTP_URL, für die Links in den E-Mails); ${publicUrlMessage}`,
    })
  let dkim: MailConfig['dkim'] = null
  if (dkimGiven) {
    for (const variable of ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY_FILE'] as const)
      if (!env[variable])
        issues.push({
          variable,
          message: 'fehlt: DKIM braucht DKIM_DOMAIN, DKIM_SELECTOR und DKIM_PRIVATE_KEY_FILE',
        })
    if (env.DKIM_DOMAIN && env.DKIM_SELECTOR && env.DKIM_PRIVATE_KEY_FILE) {
      try {
        const privateKey = readKey(env.DKIM_PRIVATE_KEY_FILE)
        if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(privateKey))
          issues.push({
            variable: 'DKIM_PRIVATE_KEY_FILE',
            message:
              'enthält keinen privaten Schlüssel im PEM-Format (-----BEGIN PRIVATE KEY-----)',
          })
        dkim = {
          domainName: env.DKIM_DOMAIN.toLowerCase(),
          keySelector: env.DKIM_SELECTOR,
          privateKey,
        }
      } catch {
        issues.push({
          variable: 'DKIM_PRIVATE_KEY_FILE',
          message: `die Datei ${env.DKIM_PRIVATE_KEY_FILE} lässt sich nicht lesen`,
        })
      }
    }
  }
  const sender = env.MAIL_FROM ? parseMailbox(env.MAIL_FROM) : null
  if (!sender || !env.PUBLIC_URL || issues.length > 0) return { mail: null, issues }
  const publicUrl = env.PUBLIC_URL.replace(/\/+$/, '')
  return {
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM ?? sender.address,
      publicUrl,
      perMinute: env.SMTP_RATE_PER_MINUTE,
      poolSize: env.SMTP_POOL_SIZE,
      listId: env.LIST_ID ?? `newsletter.${new URL(publicUrl).hostname.replace(/^\[|\]$/g, '')}`,
      listName: env.LIST_NAME ?? (sender.name || 'Newsletter'),
      unsubscribeMailbox: env.UNSUBSCRIBE_MAILBOX ?? sender.address,
      messageDomain: sender.domain,
      dkim,
      confirmationHours: env.SUBSCRIPTION_CONFIRM_HOURS,
      secret: env.MAIL_SECRET ?? null,
    },
    issues: [],
  }
}

function configError(issues: ConfigIssue[]): Error {
  const lines = issues.map((issue) => `  ${issue.variable}: ${issue.message}`)
  return new Error(`Die Konfiguration ist ungültig:\n${lines.join('\n')}`)
}

/** Reads the configuration; throws with German explanations of every wrong variable. */
export function readConfig(
  environment: NodeJS.ProcessEnv = process.env,
  readKey: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ServerConfig {
  const given = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  )
  const result = environmentSchema.safeParse(given)
  if (!result.success)
    throw configError(
      result.error.issues.map((issue) => ({
        variable: issue.path.join('.'),
        message: issue.message,
      })),
    )
  const env = result.data
  const { mail, issues } = mailConfigOf(env, readKey)
  if (issues.length > 0) throw configError(issues)
  return {
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(env.DATA_DIR) },
    distDir: env.SERVE_APP ? resolve(env.DIST_DIR) : null,
    trustedProxies: env.TRUSTED_PROXIES ?? (env.TRUST_PROXY ? 1 : 0),
    https: env.HTTPS,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    reminderIntervalSeconds: env.REMINDER_INTERVAL_SECONDS,
    logLevel: env.LOG_LEVEL,
    mail,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
  }
}
