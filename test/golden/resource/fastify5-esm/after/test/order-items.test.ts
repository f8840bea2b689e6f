import assert from "node:assert/strict"
import { buildApp } from "../src/app.js"
import type { OrderItem, OrderItemCreate, OrderItemPage } from "../src/order-items/order-items.schemas.js"

const BASE = "/v2/order-items"
/** An id no order item has. */
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> }
}

type Method = "get" | "post" | "put" | "patch" | "delete"

interface Reply<T> {
  status: number
  location: string | undefined
  body: T
}

let app: Awaited<ReturnType<typeof buildApp>>

/** Sends a request through app.inject (no server is started) and returns the status, Location and JSON body. */
async function send<T>(method: Method, url: string, body?: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const response = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) })
  const location = response.headers.location
  return {
    status: response.statusCode,
    location: typeof location === "string" ? location : undefined,
    body: (response.body.length > 0 ? response.json() : undefined) as T,
  }
}

/** The properties of `actual` that `expected` names: compares a record with the input that made it. */
function subset(actual: object, expected: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, (actual as Record<string, unknown>)[key]]))
}

/** A valid body for POST /v2/order-items. */
function newOrderItem(overrides: Partial<OrderItemCreate> = {}): OrderItemCreate {
  return {
    quantity: 3,
    note: "Sample note",
    placedAt: "2024-05-01T10:00:00.000Z",
    ...overrides,
  }
}

describe("order items API (/v2/order-items)", () => {
  beforeEach(async () => {
    app = await buildApp()
    await app.ready()
  })

  afterEach(async () => {
    await app.close()
  })

  /** Creates an order item through the API. */
  async function create(overrides: Partial<OrderItemCreate> = {}): Promise<OrderItem> {
    const response = await send<OrderItem>("post", BASE, newOrderItem(overrides))
    assert.equal(response.status, 201)
    return response.body
  }

  it("POST creates an order item: 201 with the record and its Location", async () => {
    const input = newOrderItem()
    const response = await send<OrderItem>("post", BASE, input)
    assert.equal(response.status, 201)
    assert.deepEqual(subset(response.body, input), input)
    assert.equal(typeof response.body.id, "string")
    assert.equal(response.location, `${BASE}/${response.body.id}`)
  })

  it("POST with an invalid body answers 422 with the problems", async () => {
    const response = await send<ErrorBody>("post", BASE, { ...newOrderItem(), quantity: 1.5 })
    assert.equal(response.status, 422)
    assert.equal(response.body.error.code, "VALIDATION_FAILED")
    assert.ok(response.body.error.details?.some((issue) => issue.path.includes("quantity")))
  })

  it("GET /:id answers the order item, and 404 for an unknown id", async () => {
    const created = await create()
    const found = await send<OrderItem>("get", `${BASE}/${created.id}`)
    assert.equal(found.status, 200)
    assert.deepEqual(found.body, created)

    const missing = await send<ErrorBody>("get", `${BASE}/${UNKNOWN_ID}`)
    assert.equal(missing.status, 404)
    assert.equal(missing.body.error.code, "NOT_FOUND")
  })

  it("GET / answers a page and clamps limit to 100", async () => {
    for (let i = 0; i < 3; i += 1) await create()
    const first = await send<OrderItemPage>("get", `${BASE}?limit=2`)
    assert.equal(first.status, 200)
    assert.equal(first.body.data.length, 2)
    assert.equal(first.body.page, 1)
    assert.equal(first.body.limit, 2)
    assert.equal(first.body.total, 3)

    const second = await send<OrderItemPage>("get", `${BASE}?limit=2&page=2`)
    assert.equal(second.body.page, 2)
    assert.ok(second.body.data.every((record) => !first.body.data.some((seen) => seen.id === record.id)))

    const clamped = await send<OrderItemPage>("get", `${BASE}?limit=1000`)
    assert.equal(clamped.status, 200)
    assert.equal(clamped.body.limit, 100)

    const invalid = await send<ErrorBody>("get", `${BASE}?limit=0`)
    assert.equal(invalid.status, 422)
  })

  it("GET / filters by quantity", async () => {
    const wanted = await create()
    await create({ quantity: 7 })
    const response = await send<OrderItemPage>("get", `${BASE}?quantity=${encodeURIComponent(String(wanted.quantity))}&limit=100`)
    assert.equal(response.status, 200)
    assert.ok(response.body.data.some((record) => record.id === wanted.id))
    assert.ok(response.body.data.every((record) => record.quantity === wanted.quantity))
  })

  it("GET / sorts by quantity, descending with -quantity", async () => {
    const lower = await create()
    const higher = await create({ quantity: 7 })
    const response = await send<OrderItemPage>("get", `${BASE}?sort=-quantity&limit=100`)
    assert.equal(response.status, 200)
    const ids = response.body.data.map((record) => record.id)
    assert.ok(ids.indexOf(higher.id) < ids.indexOf(lower.id))
  })

  it("PATCH changes the given fields; 422 for invalid values, 404 for an unknown id", async () => {
    const created = await create()
    const changes: Partial<OrderItemCreate> = { quantity: 7 }
    const updated = await send<OrderItem>("patch", `${BASE}/${created.id}`, changes)
    assert.equal(updated.status, 200)
    assert.deepEqual(subset(updated.body, changes), changes)
    assert.equal(updated.body.id, created.id)

    const invalid = await send<ErrorBody>("patch", `${BASE}/${created.id}`, { quantity: 1.5 })
    assert.equal(invalid.status, 422)

    const missing = await send<ErrorBody>("patch", `${BASE}/${UNKNOWN_ID}`, changes)
    assert.equal(missing.status, 404)
  })

  it("PATCH with null clears note", async () => {
    const created = await create()
    const updated = await send<OrderItem>("patch", `${BASE}/${created.id}`, { note: null })
    assert.equal(updated.status, 200)
    assert.equal(updated.body.note, null)
  })

  it("DELETE removes the order item: 204, then 404", async () => {
    const created = await create()
    const removed = await send<undefined>("delete", `${BASE}/${created.id}`)
    assert.equal(removed.status, 204)

    const gone = await send<ErrorBody>("get", `${BASE}/${created.id}`)
    assert.equal(gone.status, 404)

    const again = await send<ErrorBody>("delete", `${BASE}/${created.id}`)
    assert.equal(again.status, 404)
  })
})
