import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Category, CategoryCreate, CategoryPage } from '../src/categories/categories.schemas.js';

const BASE = '/api/v1/categories';
/** An id no category has. */
const UNKNOWN_ID = 999999999;

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

let sequence = 0;

/** A valid body for POST /api/v1/categories; unique fields get a new value on every call. */
function newCategory(overrides: Partial<CategoryCreate> = {}): CategoryCreate {
  sequence += 1;
  return {
    name: `name ${sequence}`,
    position: 3,
    visible: true,
    ...overrides,
  };
}

describe('categories API (/api/v1/categories)', () => {
  beforeEach(async () => {
    app = await createApp();
  });

  /** Creates a category through the API. */
  async function create(overrides: Partial<CategoryCreate> = {}): Promise<Category> {
    const response = await send<Category>('post', BASE, newCategory(overrides));
    expect(response.status).toBe(201);
    return response.body;
  }

  it('POST creates a category: 201 with the record and its Location', async () => {
    const input = newCategory();
    const response = await send<Category>('post', BASE, input);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject(input);
    expect(typeof response.body.id).toBe('number');
    expect(response.location).toBe(`${BASE}/${response.body.id}`);
  });

  it('POST with an invalid body answers 422 with the problems', async () => {
    const response = await send<ErrorBody>('post', BASE, { ...newCategory(), name: 42 });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details?.some((issue) => issue.path.includes('name'))).toBe(true);
  });

  it('POST with a name that is taken answers 409', async () => {
    const existing = await create();
    const response = await send<ErrorBody>('post', BASE, newCategory({ name: existing.name }));
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
  });

  it('GET /:id answers the category, and 404 for an unknown id', async () => {
    const created = await create();
    const found = await send<Category>('get', `${BASE}/${created.id}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual(created);

    const missing = await send<ErrorBody>('get', `${BASE}/${UNKNOWN_ID}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('GET / answers a page and clamps limit to 100', async () => {
    for (let i = 0; i < 3; i += 1) await create();
    const first = await send<CategoryPage>('get', `${BASE}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.length).toBe(2);
    expect(first.body.page).toBe(1);
    expect(first.body.limit).toBe(2);
    expect(first.body.total).toBe(3);

    const second = await send<CategoryPage>('get', `${BASE}?limit=2&page=2`);
    expect(second.body.page).toBe(2);
    expect(second.body.data.every((record) => !first.body.data.some((seen) => seen.id === record.id))).toBe(true);

    const clamped = await send<CategoryPage>('get', `${BASE}?limit=1000`);
    expect(clamped.status).toBe(200);
    expect(clamped.body.limit).toBe(100);

    const invalid = await send<ErrorBody>('get', `${BASE}?limit=0`);
    expect(invalid.status).toBe(422);
  });

  it('GET / filters by position', async () => {
    const wanted = await create();
    await create({ position: 7 });
    const response = await send<CategoryPage>('get', `${BASE}?position=${encodeURIComponent(String(wanted.position))}&limit=100`);
    expect(response.status).toBe(200);
    expect(response.body.data.some((record) => record.id === wanted.id)).toBe(true);
    expect(response.body.data.every((record) => record.position === wanted.position)).toBe(true);
  });

  it('GET / sorts by position, descending with -position', async () => {
    const lower = await create();
    const higher = await create({ position: 7 });
    const response = await send<CategoryPage>('get', `${BASE}?sort=-position&limit=100`);
    expect(response.status).toBe(200);
    const ids = response.body.data.map((record) => record.id);
    expect(ids.indexOf(higher.id) < ids.indexOf(lower.id)).toBe(true);
  });

  it('PATCH changes the given fields; 422 for invalid values, 404 for an unknown id', async () => {
    const created = await create();
    const changes: Partial<CategoryCreate> = { position: 7 };
    const updated = await send<Category>('patch', `${BASE}/${created.id}`, changes);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject(changes);
    expect(updated.body.id).toBe(created.id);

    const invalid = await send<ErrorBody>('patch', `${BASE}/${created.id}`, { name: 42 });
    expect(invalid.status).toBe(422);

    const missing = await send<ErrorBody>('patch', `${BASE}/${UNKNOWN_ID}`, changes);
    expect(missing.status).toBe(404);
  });

  it('PATCH with null clears position', async () => {
    const created = await create();
    const updated = await send<Category>('patch', `${BASE}/${created.id}`, { position: null });
    expect(updated.status).toBe(200);
    expect(updated.body.position).toBe(null);
  });

  it('PUT replaces the category; 404 for an unknown id', async () => {
    const created = await create();
    const replacement = newCategory();
    const replaced = await send<Category>('put', `${BASE}/${created.id}`, replacement);
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject(replacement);
    expect(replaced.body.createdAt).toBe(created.createdAt);

    const missing = await send<ErrorBody>('put', `${BASE}/${UNKNOWN_ID}`, newCategory());
    expect(missing.status).toBe(404);
  });

  it('DELETE removes the category: 204, then 404', async () => {
    const created = await create();
    const removed = await send<undefined>('delete', `${BASE}/${created.id}`);
    expect(removed.status).toBe(204);

    const gone = await send<ErrorBody>('get', `${BASE}/${created.id}`);
    expect(gone.status).toBe(404);

    const again = await send<ErrorBody>('delete', `${BASE}/${created.id}`);
    expect(again.status).toBe(404);
  });
});
