import { join } from 'node:path'
import AutoLoad, { AutoloadPluginOptions } from '@fastify/autoload'
import { FastifyPluginAsync, FastifyServerOptions } from 'fastify'
import { errorHandlerPlugin } from './setup/error-handler'
import { productRoutes } from './products/products.routes'

export interface AppOptions extends FastifyServerOptions, Partial<AutoloadPluginOptions> {}

// Server options, read by `fastify start --options`
const options: AppOptions = {}

const app: FastifyPluginAsync<AppOptions> = async (fastify, opts): Promise<void> => {
  fastify.register(errorHandlerPlugin)
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
  fastify.register(productRoutes, { prefix: '/api/v1/products' })
}

export default app
export { app, options }
