import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const REQUEST_ID_HEADER = 'x-request-id'

/** Ids a caller may choose: 1–128 characters of A–Z, a–z, 0–9 and . _ : - (anything else could forge log lines). */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Fastify's `genReqId`: the caller's X-Request-Id when it is well-formed, else a new UUID. */
export function genRequestId(req: IncomingMessage): string {
  const header = req.headers[REQUEST_ID_HEADER]
  const value = Array.isArray(header) ? header[0] : header
  return value !== undefined && VALID_REQUEST_ID.test(value) ? value : randomUUID()
}

/** Echoes the request id (request.id, from genRequestId) in the X-Request-Id response header. */
async function requestId(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id)
  })
}

export const requestIdPlugin = fp(requestId, { name: 'request-id', fastify: '5.x' })
