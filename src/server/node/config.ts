import { resolve } from 'node:path'
import { z } from 'zod'
import type { DatabaseConfig } from './database'

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
  logLevel: string
}

const flag = z
  .enum(['0', '1', 'true', 'false', 'ja', 'nein'], {
    error: 'erwartet 1 oder 0',
  })
  .transform((value) => ['1', 'true', 'ja'].includes(value))

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
})

/** Reads the configuration; throws with German explanations of every wrong variable. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const given = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  )
  const result = environmentSchema.safeParse(given)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Die Konfiguration ist ungültig:\n${lines.join('\n')}`)
  }
  const env = result.data
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
    logLevel: env.LOG_LEVEL,
  }
}
