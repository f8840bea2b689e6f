import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.js';
import type { Product, ProductCreate, ProductPage } from '../src/products/products.schemas.js';

const BASE = '/api/v1/products';
/** An id no product has. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Reply<T> {
  status: number;
  location: string | undefined;
  body: T;
}

/** Sends a request to the app (no server is started) and returns the status, Location and JSON body. */
async function send<T>(method: Method, url: string, body?: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
  let pending = request(app)[method](url).set(headers);
  if (body !== undefined) pending = pending.send(body);
  const response = await pending;
  const location: unknown = response.headers.location;
  return { status: response.status, location: typeof location === 'string' ? location : undefined, body: response.body as T };
}

/** A valid body for POST /api/v1/products. */
function newProduct(overrides: Partial<ProductCreate> = {}): ProductCreate {
  return {
    name: 'Sample name',
    price: 19.99,
    tags: ['Sample tags'],
    ...overrides,
  };
}

describe('products API (/api/v1/products)', () => {

  /** Creates a product through the API. */
  async function create(overrides: Partial<ProductCreate> = {}): Promise<Product> {
    const response = await send<Product>('post', BASE, newProduct(overrides));
    expect(response.status).toBe(201);
    return response.body;
  }

  it('POST creates a product: 201 with the record and its Location', async () => {
    const input = newProduct();
    const response = await send<Product>('post', BASE, input);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject(input);
    expect(typeof response.body.id).toBe('string');
    expect(response.location).toBe(`${BASE}/${response.body.id}`);
  });

  it('POST with an invalid body answers 422 with the problems', async () => {
    const response = await send<ErrorBody>('post', BASE, { ...newProduct(), name: 42 });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details?.some((issue) => issue.path.includes('name'))).toBe(true);
  });

  it('GET /:id answers the product, and 404 for an unknown id', async () => {
    const created = await create();
    const found = await send<Product>('get', `${BASE}/${created.id}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual(created);

    const missing = await send<ErrorBody>('get', `${BASE}/${UNKNOWN_ID}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('GET / answers a page and clamps limit to 100', async () => {
    for (let i = 0; i < 3; i += 1) await create();
    const first = await send<ProductPage>('get', `${BASE}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.length).toBe(2);
    expect(first.body.page).toBe(1);
    expect(first.body.limit).toBe(2);
    expect(first.body.total >= 3).toBe(true);

    const second = await send<ProductPage>('get', `${BASE}?limit=2&page=2`);
    expect(second.body.page).toBe(2);
    expect(second.body.data.every((record) => !first.body.data.some((seen) => seen.id === record.id))).toBe(true);

    const clamped = await send<ProductPage>('get', `${BASE}?limit=1000`);
    expect(clamped.status).toBe(200);
    expect(clamped.body.limit).toBe(100);

    const invalid = await send<ErrorBody>('get', `${BASE}?limit=0`);
    expect(invalid.status).toBe(422);
  });

  it('GET / filters by name', async () => {
    const wanted = await create();
    await create({ name: 'Updated name' });
    const response = await send<ProductPage>('get', `${BASE}?name=${encodeURIComponent(String(wanted.name))}&limit=100`);
    expect(response.status).toBe(200);
    expect(response.body.data.some((record) => record.id === wanted.id)).toBe(true);
    expect(response.body.data.every((record) => record.name === wanted.name)).toBe(true);
  });

  it('GET / sorts by name, descending with -name', async () => {
    const lower = await create();
    const higher = await create({ name: 'Updated name' });
    const response = await send<ProductPage>('get', `${BASE}?sort=-name&limit=100`);
    expect(response.status).toBe(200);
    const ids = response.body.data.map((record) => record.id);
    expect(ids.indexOf(higher.id) < ids.indexOf(lower.id)).toBe(true);
  });

  it('PATCH changes the given fields; 422 for invalid values, 404 for an unknown id', async () => {
    const created = await create();
    const changes: Partial<ProductCreate> = { name: 'Updated name' };
    const updated = await send<Product>('patch', `${BASE}/${created.id}`, changes);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject(changes);
    expect(updated.body.id).toBe(created.id);

    const invalid = await send<ErrorBody>('patch', `${BASE}/${created.id}`, { name: 42 });
    expect(invalid.status).toBe(422);

    const missing = await send<ErrorBody>('patch', `${BASE}/${UNKNOWN_ID}`, changes);
    expect(missing.status).toBe(404);
  });

  it('PATCH with null clears tags', async () => {
    const created = await create();
    const updated = await send<Product>('patch', `${BASE}/${created.id}`, { tags: null });
    expect(updated.status).toBe(200);
    expect(updated.body.tags).toBe(null);
  });

  it('DELETE removes the product: 204, then 404', async () => {
    const created = await create();
    const removed = await send<undefined>('delete', `${BASE}/${created.id}`);
    expect(removed.status).toBe(204);

    const gone = await send<ErrorBody>('get', `${BASE}/${created.id}`);
    expect(gone.status).toBe(404);

    const again = await send<ErrorBody>('delete', `${BASE}/${created.id}`);
    expect(again.status).toBe(404);
  });
});
