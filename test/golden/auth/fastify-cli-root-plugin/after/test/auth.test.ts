import { fastify, type FastifyInstance } from 'fastify'
import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import appPlugin from '../src/app'
import { authPlugin, requireRole } from '../src/setup/auth'
import { errorHandlerPlugin } from '../src/setup/error-handler'
import { signAccessToken } from '../src/auth/tokens'

const BASE = '/api/v1/auth'

interface Reply<T> {
  status: number
  headers: Record<string, string>
  body: T
}

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> }
}

interface UserBody {
  id: string
  email: string
  role: string
  createdAt: string
}

interface TokensBody {
  tokenType: string
  accessToken: string
  expiresIn: number
  refreshToken: string
  refreshExpiresIn: number
}

interface LoginBody extends TokensBody {
  user: UserBody
}

interface Credentials {
  email: string
  password: string
}

let app: FastifyInstance

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

/** Sends a request through inject (no server is started) and returns the status, headers and JSON body. */
async function send<T>(method: 'GET' | 'POST', url: string, body?: object, headers: Record<string, string> = {}, to: FastifyInstance = app): Promise<Reply<T>> {
  const response = await to.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) })
  return {
    status: response.statusCode,
    headers: stringHeaders(response.headers),
    body: (response.body.length > 0 ? response.json() : undefined) as T,
  }
}

/** The properties of `actual` that `expected` names. */
function subset(actual: object, expected: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]))
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

let sequence = 0

/** New credentials on every call: emails are unique. */
function newCredentials(): Credentials {
  sequence += 1
  return { email: `user${sequence}@example.com`, password: `correct horse battery ${sequence}` }
}

describe('auth API (/api/v1/auth)', () => {
  beforeEach(async () => {
    // The instance fastify-cli would create, with the root plugin registered on it.
    app = fastify()
    await app.register(appPlugin)
    await app.ready()
  })

  afterEach(async () => {
    await app.close()
  })

  async function register(credentials: Credentials = newCredentials()): Promise<UserBody> {
    const response = await send<UserBody>('POST', `${BASE}/register`, credentials)
    assert.equal(response.status, 201)
    return response.body
  }

  async function login(credentials: Credentials): Promise<LoginBody> {
    const response = await send<LoginBody>('POST', `${BASE}/login`, credentials)
    assert.equal(response.status, 200)
    return response.body
  }

  it('POST /register creates a user: 201 with the user, never the password or its hash', async () => {
    const credentials = newCredentials()
    const response = await send<UserBody>('POST', `${BASE}/register`, { ...credentials, email: ` ${credentials.email.toUpperCase()} `, role: 'admin' })
    assert.equal(response.status, 201)
    assert.deepEqual(subset(response.body, { email: credentials.email, role: 'user' }), { email: credentials.email, role: 'user' })
    assert.equal(typeof response.body.id, 'string')
    assert.ok(!('password' in response.body) && !('passwordHash' in response.body))
  })

  it('POST /register with a taken email answers 409', async () => {
    const credentials = newCredentials()
    await register(credentials)
    const response = await send<ErrorBody>('POST', `${BASE}/register`, credentials)
    assert.equal(response.status, 409)
    assert.equal(response.body.error.code, 'EMAIL_TAKEN')
  })

  it('POST /register with an invalid body answers 422 with the problems', async () => {
    const response = await send<ErrorBody>('POST', `${BASE}/register`, { email: 'not-an-email', password: 'short' })
    assert.equal(response.status, 422)
    assert.equal(response.body.error.code, 'VALIDATION_FAILED')
    assert.ok(response.body.error.details?.some((issue) => issue.path.includes('email')) === true)
    assert.ok(response.body.error.details?.some((issue) => issue.path.includes('password')) === true)
  })

  it('POST /login answers an access token and a refresh token', async () => {
    const credentials = newCredentials()
    const user = await register(credentials)
    const response = await send<LoginBody>('POST', `${BASE}/login`, credentials)
    assert.equal(response.status, 200)
    assert.equal(response.body.tokenType, 'Bearer')
    assert.ok(response.body.accessToken.split('.').length === 3 && response.body.refreshToken.split('.').length === 3)
    assert.ok(response.body.expiresIn > 0 && response.body.refreshExpiresIn > response.body.expiresIn)
    assert.deepEqual(response.body.user, user)
    assert.equal(response.headers['cache-control'], 'no-store')
  })

  it('POST /login answers 401 with the same message for a wrong password and an unknown email', async () => {
    const credentials = newCredentials()
    await register(credentials)
    const wrongPassword = await send<ErrorBody>('POST', `${BASE}/login`, { ...credentials, password: 'not the password' })
    const unknownEmail = await send<ErrorBody>('POST', `${BASE}/login`, { ...newCredentials() })
    assert.equal(wrongPassword.status, 401)
    assert.equal(unknownEmail.status, 401)
    assert.equal(wrongPassword.body.error.code, 'INVALID_CREDENTIALS')
    assert.equal(unknownEmail.body.error.code, wrongPassword.body.error.code)
    assert.equal(unknownEmail.body.error.message, wrongPassword.body.error.message)
    assert.equal(wrongPassword.headers['www-authenticate'], 'Bearer realm="api"')
  })

  it('GET /me answers the user of the access token', async () => {
    const credentials = newCredentials()
    const user = await register(credentials)
    const { accessToken } = await login(credentials)
    const response = await send<UserBody>('GET', `${BASE}/me`, undefined, bearer(accessToken))
    assert.equal(response.status, 200)
    assert.deepEqual(response.body, user)
  })

  it('GET /me without a token answers 401 with a WWW-Authenticate challenge', async () => {
    const response = await send<ErrorBody>('GET', `${BASE}/me`)
    assert.equal(response.status, 401)
    assert.equal(response.body.error.code, 'UNAUTHORIZED')
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="api"')
  })

  it('GET /me with an invalid token answers 401 with error="invalid_token"', async () => {
    const response = await send<ErrorBody>('GET', `${BASE}/me`, undefined, bearer('not.a.token'))
    assert.equal(response.status, 401)
    assert.equal(response.body.error.code, 'INVALID_TOKEN')
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="api", error="invalid_token"')
  })

  it('POST /refresh rotates: a new pair, the old refresh token is revoked, and reusing it revokes the new one too', async () => {
    const credentials = newCredentials()
    await register(credentials)
    const first = await login(credentials)

    const refreshed = await send<TokensBody>('POST', `${BASE}/refresh`, { refreshToken: first.refreshToken })
    assert.equal(refreshed.status, 200)
    assert.ok(refreshed.body.refreshToken !== first.refreshToken)
    const me = await send<UserBody>('GET', `${BASE}/me`, undefined, bearer(refreshed.body.accessToken))
    assert.equal(me.status, 200)

    const reused = await send<ErrorBody>('POST', `${BASE}/refresh`, { refreshToken: first.refreshToken })
    assert.equal(reused.status, 401)
    assert.equal(reused.body.error.code, 'INVALID_TOKEN')
    assert.equal(reused.headers['www-authenticate'], 'Bearer realm="api", error="invalid_token"')

    const successor = await send<ErrorBody>('POST', `${BASE}/refresh`, { refreshToken: refreshed.body.refreshToken })
    assert.equal(successor.status, 401)
  })

  it('POST /refresh with an access token or garbage answers 401', async () => {
    const credentials = newCredentials()
    await register(credentials)
    const { accessToken } = await login(credentials)
    for (const refreshToken of [accessToken, 'garbage']) {
      const response = await send<ErrorBody>('POST', `${BASE}/refresh`, { refreshToken })
      assert.equal(response.status, 401)
    }
  })

  it('requireRole answers 401 without a token, 403 without the role, and lets the role through', async () => {
    const probe = fastify()
    await probe.register(errorHandlerPlugin)
    await probe.register(authPlugin)
    probe.get('/admin-only', { preHandler: [requireRole('admin')] }, async () => ({ ok: true }))
    await probe.ready()
    const userToken = await signAccessToken({ id: 'user-1', email: 'member@example.com', role: 'user' })
    const adminToken = await signAccessToken({ id: 'admin-1', email: 'admin@example.com', role: 'admin' })

    const anonymous = await send<ErrorBody>('GET', '/admin-only', undefined, {}, probe)
    assert.equal(anonymous.status, 401)
    const member = await send<ErrorBody>('GET', '/admin-only', undefined, bearer(userToken), probe)
    assert.equal(member.status, 403)
    assert.equal(member.body.error.code, 'FORBIDDEN')
    const admin = await send<{ ok: boolean }>('GET', '/admin-only', undefined, bearer(adminToken), probe)
    assert.equal(admin.status, 200)
    await probe.close()
  })
})
