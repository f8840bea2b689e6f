import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.js';
import { requireRole } from '../src/middleware/auth.js';
import { errorHandler } from '../src/middleware/error-handler.js';
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

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Sends a request to an app (no server is started) and returns the status, headers and JSON body. */
async function send<T>(method: 'get' | 'post', url: string, body?: object, headers: Record<string, string> = {}, to: Parameters<typeof request>[0] = app): Promise<Reply<T>> {
  let pending = request(to)[method](url).set(headers);
  if (body !== undefined) pending = pending.send(body);
  const response = await pending;
  return { status: response.status, headers: stringHeaders(response.headers as Record<string, unknown>), body: response.body as T };
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
  async function register(credentials: Credentials = newCredentials()): Promise<UserBody> {
    const response = await send<UserBody>('post', `${BASE}/register`, credentials);
    expect(response.status).toBe(201);
    return response.body;
  }

  async function login(credentials: Credentials): Promise<LoginBody> {
    const response = await send<LoginBody>('post', `${BASE}/login`, credentials);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('POST /register creates a user: 201 with the user, never the password or its hash', async () => {
    const credentials = newCredentials();
    const response = await send<UserBody>('post', `${BASE}/register`, { ...credentials, email: ` ${credentials.email.toUpperCase()} `, role: 'admin' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: credentials.email, role: 'user' });
    expect(typeof response.body.id).toBe('string');
    expect(!('password' in response.body) && !('passwordHash' in response.body)).toBe(true);
  });

  it('POST /register with a taken email answers 409', async () => {
    const credentials = newCredentials();
    await register(credentials);
    const response = await send<ErrorBody>('post', `${BASE}/register`, credentials);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('POST /register with an invalid body answers 422 with the problems', async () => {
    const response = await send<ErrorBody>('post', `${BASE}/register`, { email: 'not-an-email', password: 'short' });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details?.some((issue) => issue.path.includes('email')) === true).toBe(true);
    expect(response.body.error.details?.some((issue) => issue.path.includes('password')) === true).toBe(true);
  });

  it('POST /login answers an access token and a refresh token', async () => {
    const credentials = newCredentials();
    const user = await register(credentials);
    const response = await send<LoginBody>('post', `${BASE}/login`, credentials);
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
    const wrongPassword = await send<ErrorBody>('post', `${BASE}/login`, { ...credentials, password: 'not the password' });
    const unknownEmail = await send<ErrorBody>('post', `${BASE}/login`, { ...newCredentials() });
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
    const response = await send<UserBody>('get', `${BASE}/me`, undefined, bearer(accessToken));
    expect(response.status).toBe(200);
    expect(response.body).toEqual(user);
  });

  it('GET /me without a token answers 401 with a WWW-Authenticate challenge', async () => {
    const response = await send<ErrorBody>('get', `${BASE}/me`);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHORIZED');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('GET /me with an invalid token answers 401 with error="invalid_token"', async () => {
    const response = await send<ErrorBody>('get', `${BASE}/me`, undefined, bearer('not.a.token'));
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('INVALID_TOKEN');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');
  });

  it('POST /refresh rotates: a new pair, the old refresh token is revoked, and reusing it revokes the new one too', async () => {
    const credentials = newCredentials();
    await register(credentials);
    const first = await login(credentials);

    const refreshed = await send<TokensBody>('post', `${BASE}/refresh`, { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken !== first.refreshToken).toBe(true);
    const me = await send<UserBody>('get', `${BASE}/me`, undefined, bearer(refreshed.body.accessToken));
    expect(me.status).toBe(200);

    const reused = await send<ErrorBody>('post', `${BASE}/refresh`, { refreshToken: first.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
    expect(reused.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');

    const successor = await send<ErrorBody>('post', `${BASE}/refresh`, { refreshToken: refreshed.body.refreshToken });
    expect(successor.status).toBe(401);
  });

  it('POST /refresh with an access token or garbage answers 401', async () => {
    const credentials = newCredentials();
    await register(credentials);
    const { accessToken } = await login(credentials);
    for (const refreshToken of [accessToken, 'garbage']) {
      const response = await send<ErrorBody>('post', `${BASE}/refresh`, { refreshToken });
      expect(response.status).toBe(401);
    }
  });

  it('requireRole answers 401 without a token, 403 without the role, and lets the role through', async () => {
    const probe = express();
    probe.get('/admin-only', requireRole('admin'), (_req, res) => {
      res.json({ ok: true });
    });
    probe.use(errorHandler);
    const userToken = await signAccessToken({ id: 'user-1', email: 'member@example.com', role: 'user' });
    const adminToken = await signAccessToken({ id: 'admin-1', email: 'admin@example.com', role: 'admin' });

    const anonymous = await send<ErrorBody>('get', '/admin-only', undefined, {}, probe);
    expect(anonymous.status).toBe(401);
    const member = await send<ErrorBody>('get', '/admin-only', undefined, bearer(userToken), probe);
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('FORBIDDEN');
    const admin = await send<{ ok: boolean }>('get', '/admin-only', undefined, bearer(adminToken), probe);
    expect(admin.status).toBe(200);
  });
});
