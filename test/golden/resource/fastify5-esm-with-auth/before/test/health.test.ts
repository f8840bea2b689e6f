import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Reply<T> {
  status: number;
  location: string | undefined;
  body: T;
}

let app: Awaited<ReturnType<typeof buildApp>>;

/** Sends a request through app.inject (no server is started) and returns the status, Location and JSON body. */
async function send<T>(method: Method, url: string, body?: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const response = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
  const location = response.headers.location;
  return {
    status: response.statusCode,
    location: typeof location === 'string' ? location : undefined,
    body: (response.body.length > 0 ? response.json() : undefined) as T,
  };
}

describe('health routes (/health)', () => {
  beforeEach(async () => {
    app = await buildApp({ logger: false });
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
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
