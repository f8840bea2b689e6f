import assert from "node:assert/strict"
import { app } from "../src/app.js"

interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: Array<string | number>; message: string; code: string }> }
}

type Method = "get" | "post" | "put" | "patch" | "delete"

interface Reply<T> {
  status: number
  location: string | undefined
  body: T
}

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

describe("status routes (/status)", () => {
  before(async () => {
    await app.ready()
  })

  after(async () => {
    await app.close()
  })

  it("GET /status answers 2xx", async () => {
    const response = await send<unknown>("get", "/status")
    assert.ok(response.status >= 200 && response.status < 300)
  })

  it("POST /status/echo rejects a body that is not an object with 422", async () => {
    const response = await send<ErrorBody>("post", "/status/echo", [])
    assert.equal(response.status, 422)
    assert.equal(response.body.error.code, "VALIDATION_FAILED")
  })

  it("an unknown path under /status answers 404", async () => {
    const response = await send<ErrorBody>("get", "/status/no-such-route")
    assert.equal(response.status, 404)
    assert.equal(response.body.error.code, "ROUTE_NOT_FOUND")
  })
})
