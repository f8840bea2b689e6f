import { fastify, type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { authPlugin, requireRole } from '../src/plugins/auth.js';
import { errorHandlerPlugin } from '../src/plugins/error-handler.js';
import { signAccessToken } from '../src/auth/tokens.js';

const BASE = '/api/v1/auth';

interface Reply<T> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> };
}

interface UserBody {
  id: string;
  email: string;
  role: string;
  createdAt: string;
}

interface TokensBody {
  tokenType: string;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

interface LoginBody extends TokensBody {
  user: UserBody;
}

interface Credentials {
  email: string;
  password: string;
}

let app: Awaited<ReturnType<typeof buildApp>>;

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Sends a request through inject (no server is started) and returns the status, headers and JSON body. */
async function send<T>(method: 'GET' | 'POST', url: string, body?: object, headers: Record<string, string> = {}, to: FastifyInstance = app): Promise<Reply<T>> {
  const response = await to.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
  return {
    status: response.statusCode,
    headers: stringHeaders(response.headers),
    body: (response.body.length > 0 ? response.json() : undefined) as T,
  };
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

let sequence = 0;

/** New credentials on every call: emails are unique. */
function newCredentials(): Credentials {
  sequence += 1;
  return { email: `user${sequence}@example.com`, password: `correct horse battery ${sequence}` };
}

describe('auth API (/api/v1/auth)', () => {
  beforeEach(async () => {
    app = await buildApp({ logger: false });
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
  });

  async function register(credentials: Credentials = newCredentials()): Promise<UserBody> {
    const response = await send<UserBody>('POST', `${BASE}/register`, credentials);
    expect(response.status).toBe(201);
    return response.body;
  }

  async function login(credentials: Credentials): Promise<LoginBody> {
    const response = await send<LoginBody>('POST', `${BASE}/login`, credentials);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('POST /register creates a user: 201 with the user, never the password or its hash', async () => {
    const credentials = newCredentials();
    const response = await send<UserBody>('POST', `${BASE}/register`, { ...credentials, email: ` ${credentials.email.toUpperCase()} `, role: 'admin' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: credentials.email, role: 'user' });
    expect(typeof response.body.id).toBe('string');
    expect(!('password' in response.body) && !('passwordHash' in response.body)).toBe(true);
  });

  it('POST /register with a taken email answers 409', async () => {
    const credentials = newCredentials();
    await register(credentials);
    const response = await send<ErrorBody>('POST', `${BASE}/register`, credentials);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('POST /register with an invalid body answers 422 with the problems', async () => {
    const response = await send<ErrorBody>('POST', `${BASE}/register`, { email: 'not-an-email', password: 'short' });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details?.some((issue) => issue.path.includes('email')) === true).toBe(true);
    expect(response.body.error.details?.some((issue) => issue.path.includes('password')) === true).toBe(true);
  });

  it('POST /login answers an access token and a refresh token', async () => {
    const credentials = newCredentials();
    const user = await register(credentials);
    const response = await send<LoginBody>('POST', `${BASE}/login`, credentials);
    expect(response.status).toBe(200);
    expect(response.body.tokenType).toBe('Bearer');
    expect(response.body.accessToken.split('.').length === 3 && response.body.refreshToken.split('.').length === 3).toBe(true);
    expect(response.body.expiresIn > 0 && response.body.refreshExpiresIn > response.body.expiresIn).toBe(true);
    expect(response.body.user).toEqual(user);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('POST /login answers 401 with the same message for a wrong password and an unknown email', async () => {
    const credentials = newCredentials();
    await register(credentials);
    const wrongPassword = await send<ErrorBody>('POST', `${BASE}/login`, { ...credentials, password: 'not the password' });
    const unknownEmail = await send<ErrorBody>('POST', `${BASE}/login`, { ...newCredentials() });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknownEmail.body.error.code).toBe(wrongPassword.body.error.code);
    expect(unknownEmail.body.error.message).toBe(wrongPassword.body.error.message);
    expect(wrongPassword.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('GET /me answers the user of the access token', async () => {
    const credentials = newCredentials();
    const user = await register(credentials);
    const { accessToken } = await login(credentials);
    const response = await send<UserBody>('GET', `${BASE}/me`, undefined, bearer(accessToken));
    expect(response.status).toBe(200);
    expect(response.body).toEqual(user);
  });

  it('GET /me without a token answers 401 with a WWW-Authenticate challenge', async () => {
    const response = await send<ErrorBody>('GET', `${BASE}/me`);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHORIZED');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('GET /me with an invalid token answers 401 with error="invalid_token"', async () => {
    const response = await send<ErrorBody>('GET', `${BASE}/me`, undefined, bearer('not.a.token'));
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('INVALID_TOKEN');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');
  });

  it('POST /refresh rotates: a new pair, the old refresh token is revoked, and reusing it revokes the new one too', async () => {
    const credentials = newCredentials();
    await register(credentials);
    const first = await login(credentials);

    const refreshed = await send<TokensBody>('POST', `${BASE}/refresh`, { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken !== first.refreshToken).toBe(true);
    const me = await send<UserBody>('GET', `${BASE}/me`, undefined, bearer(refreshed.body.accessToken));
    expect(me.status).toBe(200);

    const reused = await send<ErrorBody>('POST', `${BASE}/refresh`, { refreshToken: first.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
    expect(reused.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');

    const successor = await send<ErrorBody>('POST', `${BASE}/refresh`, { refreshToken: refreshed.body.refreshToken });
    expect(successor.status).toBe(401);
  });

  it('POST /refresh with an access token or garbage answers 401', async () => {
    const credentials = newCredentials();
    await register(credentials);
    const { accessToken } = await login(credentials);
    for (const refreshToken of [accessToken, 'garbage']) {
      const response = await send<ErrorBody>('POST', `${BASE}/refresh`, { refreshToken });
      expect(response.status).toBe(401);
    }
  });

  it('requireRole answers 401 without a token, 403 without the role, and lets the role through', async () => {
    const probe = fastify();
    await probe.register(errorHandlerPlugin);
    await probe.register(authPlugin);
    probe.get('/admin-only', { preHandler: [requireRole('admin')] }, async () => ({ ok: true }));
    await probe.ready();
    const userToken = await signAccessToken({ id: 'user-1', email: 'member@example.com', role: 'user' });
    const adminToken = await signAccessToken({ id: 'admin-1', email: 'admin@example.com', role: 'admin' });

    const anonymous = await send<ErrorBody>('GET', '/admin-only', undefined, {}, probe);
    expect(anonymous.status).toBe(401);
    const member = await send<ErrorBody>('GET', '/admin-only', undefined, bearer(userToken), probe);
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('FORBIDDEN');
    const admin = await send<{ ok: boolean }>('GET', '/admin-only', undefined, bearer(adminToken), probe);
    expect(admin.status).toBe(200);
    await probe.close();
  });
});
