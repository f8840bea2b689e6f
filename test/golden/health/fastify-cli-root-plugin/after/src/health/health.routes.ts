import type { FastifyInstance } from 'fastify'

/** A readiness check (database ping, broker connection, …): it fails by throwing or rejecting. */
export type ReadinessCheck = () => Promise<void> | void

export interface ReadinessReport {
  status: 'ok' | 'error'
  checks: Record<string, { status: 'ok' | 'error'; durationMs: number }>
}

const CHECK_TIMEOUT_MS = 3000
const checks = new Map<string, ReadinessCheck>()

/** Adds a check to GET /health/ready; returns a function that removes it again. */
export function registerReadinessCheck(name: string, check: ReadinessCheck): () => void {
  checks.set(name, check)
  return () => {
    if (checks.get(name) === check) checks.delete(name)
  }
}

async function runCheck(check: ReadinessCheck): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
  })
  try {
    await Promise.race([Promise.resolve().then(check), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Runs every check concurrently; failure details stay out of the report (it is public). */
export async function runReadinessChecks(): Promise<ReadinessReport> {
  const results = await Promise.all(
    [...checks].map(async ([name, check]) => {
      const started = performance.now()
      const status: 'ok' | 'error' = await runCheck(check).then(
        () => 'ok',
        () => 'error',
      )
      return [name, { status, durationMs: Math.round(performance.now() - started) }] as const
    }),
  )
  return {
    status: results.every(([, result]) => result.status === 'ok') ? 'ok' : 'error',
    checks: Object.fromEntries(results),
  }
}

/** GET /live: the process answers. GET /ready: every readiness check passes (else 503). Register with a prefix, e.g. /health. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/live', async () => ({ status: 'ok' }))

  app.get('/ready', async (_request, reply) => {
    const report = await runReadinessChecks()
    return reply.code(report.status === 'ok' ? 200 : 503).send(report)
  })
}
