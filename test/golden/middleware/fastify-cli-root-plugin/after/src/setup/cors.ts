import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { config } from '../config'

/**
 * CORS for the origins listed in CORS_ORIGINS only: other origins get no CORS headers, so
 * browsers refuse to hand them the response.
 */
async function corsSetup(app: FastifyInstance): Promise<void> {
  await app.register(cors, { origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 })
}

export const corsPlugin = fp(corsSetup, { name: 'app-cors', fastify: '5.x' })
