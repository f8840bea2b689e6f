import { join } from 'node:path'
import AutoLoad, { AutoloadPluginOptions } from '@fastify/autoload'
import { FastifyPluginAsync, FastifyServerOptions } from 'fastify'
import { requestIdPlugin } from './setup/request-id'
import helmet from '@fastify/helmet'
import { corsPlugin } from './setup/cors'
import compress from '@fastify/compress'
import { rateLimitPlugin } from './setup/rate-limit'

export interface AppOptions extends FastifyServerOptions, Partial<AutoloadPluginOptions> {}

// Server options, read by `fastify start --options`
const options: AppOptions = {}

const app: FastifyPluginAsync<AppOptions> = async (fastify, opts): Promise<void> => {
  fastify.register(requestIdPlugin)
  fastify.register(helmet)
  fastify.register(corsPlugin)
  fastify.register(compress)
  fastify.register(rateLimitPlugin)
  // Shared plugins: decorators and utilities every route can use
  void fastify.register(AutoLoad, {
    dir: join(__dirname, 'plugins'),
    options: opts
  })

  // Route plugins: each folder becomes a URL prefix
  void fastify.register(AutoLoad, {
    dir: join(__dirname, 'routes'),
    options: opts
  })
}

export default app
export { app, options }
