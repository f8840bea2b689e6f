import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Reply<T> {
  status: number;
  location: string | undefined;
  body: T;
}

let app: Awaited<ReturnType<typeof createApp>>;

/** Sends a request to the app (no server is started) and returns the status, Location and JSON body. */
async function send<T>(method: Method, url: string, body?: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
  let pending = request(app)[method](url).set(headers);
  if (body !== undefined) pending = pending.send(body);
  const response = await pending;
  const location: unknown = response.headers.location;
  return { status: response.status, location: typeof location === 'string' ? location : undefined, body: response.body as T };
}

describe('health routes (/health)', () => {
  beforeEach(async () => {
    app = await createApp();
  });

  it('GET /health/live answers 2xx', async () => {
    const response = await send<unknown>('get', '/health/live');
    expect(response.status >= 200 && response.status < 300).toBe(true);
  });

  it('GET /health/ready answers 2xx', async () => {
    const response = await send<unknown>('get', '/health/ready');
    expect(response.status >= 200 && response.status < 300).toBe(true);
  });

  it('an unknown path under /health answers 404', async () => {
    const response = await send<ErrorBody>('get', '/health/no-such-route');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
