import type { FastifyPluginAsync } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { addAuthChallenge, currentUser } from '../setup/auth'
import { InMemoryRefreshTokenStore } from './refresh-tokens.repository'
import { LoginResultSchema, LoginSchema, RefreshSchema, RegisterSchema, TokenPairSchema, UserSchema } from './auth.schemas'
import { AuthService } from './auth.service'
import { InMemoryUserRepository } from './users.repository'

export interface AuthRoutesOptions {
  /** The service the routes use; by default users and refresh tokens are kept in memory. */
  service?: AuthService
}

/**
 * Authentication routes, registered with a prefix (/api/v1/auth): POST /register (201 with the
 * user), POST /login (200 with an access token and a refresh token), POST /refresh (200 with a
 * new pair; the refresh token sent is revoked), GET /me (the current user). Needs authPlugin
 * registered before it. Pass `service` (over other stores, a database) to replace the in-memory
 * defaults.
 */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (fastify, options) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  // zod schemas for the routes of this plugin only: the compilers are encapsulated with it.
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onError', addAuthChallenge)
  const service = options.service ?? new AuthService(new InMemoryUserRepository(), new InMemoryRefreshTokenStore())

  app.post('/register', { schema: { body: RegisterSchema, response: { 201: UserSchema } } }, async (request, reply) => {
    return reply.code(201).send(await service.register(request.body))
  })

  app.post('/login', { schema: { body: LoginSchema, response: { 200: LoginResultSchema } } }, async (request, reply) => {
    const result = await service.login(request.body)
    return reply.header('cache-control', 'no-store').send(result)
  })

  app.post('/refresh', { schema: { body: RefreshSchema, response: { 200: TokenPairSchema } } }, async (request, reply) => {
    const tokens = await service.refresh(request.body.refreshToken)
    return reply.header('cache-control', 'no-store').send(tokens)
  })

  app.get('/me', { onRequest: [app.authenticate], schema: { response: { 200: UserSchema } } }, async (request) => {
    return service.me(currentUser(request).id)
  })
}
