import { fastify } from 'fastify'
import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import appPlugin from '../src/app'
import type { Product, ProductCreate, ProductPage } from '../src/products/products.schemas'

const BASE = '/api/v1/products'
/** An id no product has. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> }
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

interface Reply<T> {
  status: number
  location: string | undefined
  body: T
}

let app: ReturnType<typeof fastify>

/** Sends a request through app.inject (no server is started) and returns the status, Location and JSON body. */
async function send<T>(method: Method, url: string, body?: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const response = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) })
  const location = response.headers.location
  return {
    status: response.statusCode,
    location: typeof location === 'string' ? location : undefined,
    body: (response.body.length > 0 ? response.json() : undefined) as T,
  }
}

/** The properties of `actual` that `expected` names: compares a record with the input that made it. */
function subset(actual: object, expected: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]))
}

/** A valid body for POST /api/v1/products. */
function newProduct(overrides: Partial<ProductCreate> = {}): ProductCreate {
  return {
    name: 'Sample name',
    price: 19.99,
    tags: ['Sample tags'],
    ...overrides,
  }
}

describe('products API (/api/v1/products)', () => {
  beforeEach(async () => {
    // The instance fastify-cli would create, with the root plugin registered on it.
    app = fastify()
    await app.register(appPlugin)
    await app.ready()
  })

  afterEach(async () => {
    await app.close()
  })

  /** Creates a product through the API. */
  async function create(overrides: Partial<ProductCreate> = {}): Promise<Product> {
    const response = await send<Product>('post', BASE, newProduct(overrides))
    assert.equal(response.status, 201)
    return response.body
  }

  it('POST creates a product: 201 with the record and its Location', async () => {
    const input = newProduct()
    const response = await send<Product>('post', BASE, input)
    assert.equal(response.status, 201)
    assert.deepEqual(subset(response.body, input), input)
    assert.equal(typeof response.body.id, 'string')
    assert.equal(response.location, `${BASE}/${response.body.id}`)
  })

  it('POST with an invalid body answers 422 with the problems', async () => {
    const response = await send<ErrorBody>('post', BASE, { ...newProduct(), name: 42 })
    assert.equal(response.status, 422)
    assert.equal(response.body.error.code, 'VALIDATION_FAILED')
    assert.ok(response.body.error.details?.some((issue) => issue.path.includes('name')))
  })

  it('GET /:id answers the product, and 404 for an unknown id', async () => {
    const created = await create()
    const found = await send<Product>('get', `${BASE}/${created.id}`)
    assert.equal(found.status, 200)
    assert.deepEqual(found.body, created)

    const missing = await send<ErrorBody>('get', `${BASE}/${UNKNOWN_ID}`)
    assert.equal(missing.status, 404)
    assert.equal(missing.body.error.code, 'NOT_FOUND')
  })

  it('GET / answers a page and clamps limit to 100', async () => {
    for (let i = 0; i < 3; i += 1) await create()
    const first = await send<ProductPage>('get', `${BASE}?limit=2`)
    assert.equal(first.status, 200)
    assert.equal(first.body.data.length, 2)
    assert.equal(first.body.page, 1)
    assert.equal(first.body.limit, 2)
    assert.equal(first.body.total, 3)

    const second = await send<ProductPage>('get', `${BASE}?limit=2&page=2`)
    assert.equal(second.body.page, 2)
    assert.ok(second.body.data.every((record) => !first.body.data.some((seen) => seen.id === record.id)))

    const clamped = await send<ProductPage>('get', `${BASE}?limit=1000`)
    assert.equal(clamped.status, 200)
    assert.equal(clamped.body.limit, 100)

    const invalid = await send<ErrorBody>('get', `${BASE}?limit=0`)
    assert.equal(invalid.status, 422)
  })

  it('GET / filters by name', async () => {
    const wanted = await create()
    await create({ name: 'Updated name' })
    const response = await send<ProductPage>('get', `${BASE}?name=${encodeURIComponent(String(wanted.name))}&limit=100`)
    assert.equal(response.status, 200)
    assert.ok(response.body.data.some((record) => record.id === wanted.id))
    assert.ok(response.body.data.every((record) => record.name === wanted.name))
  })

  it('GET / sorts by name, descending with -name', async () => {
    const lower = await create()
    const higher = await create({ name: 'Updated name' })
    const response = await send<ProductPage>('get', `${BASE}?sort=-name&limit=100`)
    assert.equal(response.status, 200)
    const ids = response.body.data.map((record) => record.id)
    assert.ok(ids.indexOf(higher.id) < ids.indexOf(lower.id))
  })

  it('PATCH changes the given fields; 422 for invalid values, 404 for an unknown id', async () => {
    const created = await create()
    const changes: Partial<ProductCreate> = { name: 'Updated name' }
    const updated = await send<Product>('patch', `${BASE}/${created.id}`, changes)
    assert.equal(updated.status, 200)
    assert.deepEqual(subset(updated.body, changes), changes)
    assert.equal(updated.body.id, created.id)

    const invalid = await send<ErrorBody>('patch', `${BASE}/${created.id}`, { name: 42 })
    assert.equal(invalid.status, 422)

    const missing = await send<ErrorBody>('patch', `${BASE}/${UNKNOWN_ID}`, changes)
    assert.equal(missing.status, 404)
  })

  it('PATCH with null clears tags', async () => {
    const created = await create()
    const updated = await send<Product>('patch', `${BASE}/${created.id}`, { tags: null })
    assert.equal(updated.status, 200)
    assert.equal(updated.body.tags, null)
  })

  it('DELETE removes the product: 204, then 404', async () => {
    const created = await create()
    const removed = await send<undefined>('delete', `${BASE}/${created.id}`)
    assert.equal(removed.status, 204)

    const gone = await send<ErrorBody>('get', `${BASE}/${created.id}`)
    assert.equal(gone.status, 404)

    const again = await send<ErrorBody>('delete', `${BASE}/${created.id}`)
    assert.equal(again.status, 404)
  })
})
