import { z } from 'zod'

/**
 * The environment, validated once at start-up: a missing or malformed variable stops the process
 * with the list of every problem instead of failing at first use. Properties are named after the
 * variables; .env.example lists them all.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1048576),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  CORS_ORIGINS: z.string().default('http://localhost:3000').transform((value) => value.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0)),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60000),
})

export type Config = z.infer<typeof EnvSchema>

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = EnvSchema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.map(String).join('.') || 'environment'}: ${issue.message}`)
    throw new Error(`Invalid environment configuration:\n${problems.join('\n')}`)
  }
  return result.data
}

export const config = loadConfig(process.env)
