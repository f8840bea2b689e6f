import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ForbiddenError, UnauthorizedError } from '../errors'
import type { Role } from '../auth/auth.schemas'
import { InvalidTokenError, verifyAccessToken, type AuthUser } from '../auth/tokens'

/** A hook that answers 401 / 403 by throwing. */
export type AuthHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: 401 unless the request carries a valid access token; sets request.user. */
    authenticate: AuthHook
    /** preHandler hook factory: 403 unless the user has one of the roles (401 without a valid token). */
    requireRole: (...roles: [Role, ...Role[]]) => AuthHook
  }

  interface FastifyRequest {
    /** The authenticated user, once authenticate (or a requireRole hook) has run; null before. */
    user: AuthUser | null
  }
}

/** The protection space named in WWW-Authenticate challenges. */
const REALM = 'api'

/** RFC 6750 challenge: `error="invalid_token"` when a token was sent but does not verify. */
export function bearerChallenge(error?: 'invalid_token'): string {
  return error ? `Bearer realm="${REALM}", error="${error}"` : `Bearer realm="${REALM}"`
}

/** The token of an `Authorization: Bearer <token>` header; undefined without Bearer credentials. */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined
  const [scheme, token = '', ...rest] = header.trim().split(/\s+/)
  if (scheme?.toLowerCase() !== 'bearer') return undefined
  return rest.length === 0 ? token : ''
}

async function authenticateRequest(request: FastifyRequest, reply: FastifyReply): Promise<AuthUser> {
  if (request.user) return request.user
  const token = bearerToken(request.headers.authorization)
  if (token === undefined) {
    reply.header('www-authenticate', bearerChallenge())
    throw new UnauthorizedError('Authentication required')
  }
  try {
    const user = await verifyAccessToken(token)
    request.user = user
    return user
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error
    reply.header('www-authenticate', bearerChallenge('invalid_token'))
    throw new UnauthorizedError(error.message, 'INVALID_TOKEN')
  }
}

/** onRequest hook for routes that need a user: `{ onRequest: [app.authenticate] }`. */
export const authenticate: AuthHook = async (request, reply) => {
  await authenticateRequest(request, reply)
}

/** preHandler hook factory: `{ preHandler: [requireRole('admin')] }` (also `app.requireRole`). */
export function requireRole(...roles: [Role, ...Role[]]): AuthHook {
  return async (request, reply) => {
    const user = await authenticateRequest(request, reply)
    if (!roles.includes(user.role)) throw new ForbiddenError(`This requires the ${roles.join(' or ')} role`)
  }
}

/** The user of a request that passed authenticate or a requireRole hook. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new UnauthorizedError('Authentication required')
  return request.user
}

/**
 * onError hook for plugins whose routes answer 401 themselves (login, refresh): adds the
 * challenge every 401 must carry before the error handler answers.
 */
export async function addAuthChallenge(_request: FastifyRequest, reply: FastifyReply, error: FastifyError): Promise<void> {
  if (error instanceof UnauthorizedError && !reply.hasHeader('www-authenticate')) {
    reply.header('www-authenticate', bearerChallenge(error.code === 'INVALID_TOKEN' ? 'invalid_token' : undefined))
  }
}

/**
 * Adds `request.user`, `app.authenticate` and `app.requireRole` to the whole app (fastify-plugin
 * lifts them out of this plugin's scope). Register it before the routes that use them.
 */
async function auth(app: FastifyInstance): Promise<void> {
  app.decorateRequest('user', null)
  app.decorate('authenticate', authenticate)
  app.decorate('requireRole', requireRole)
}

export const authPlugin = fp(auth, { name: 'auth', fastify: '5.x' })
