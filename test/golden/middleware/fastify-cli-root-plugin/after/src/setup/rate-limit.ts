import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { config } from '../config'

/**
 * RATE_LIMIT_MAX requests per client per RATE_LIMIT_WINDOW_MS; then 429 through the error handler.
 * Register it (awaited) before the routes: it attaches to routes as they are added.
 */
async function rateLimitSetup(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { max: config.RATE_LIMIT_MAX, timeWindow: config.RATE_LIMIT_WINDOW_MS })
}

export const rateLimitPlugin = fp(rateLimitSetup, { name: 'app-rate-limit', fastify: '5.x' })
