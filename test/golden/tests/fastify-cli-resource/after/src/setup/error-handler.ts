import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { STATUS_CODES } from 'node:http'
import { ZodError } from 'zod'
import { HttpError } from '../errors'

interface ErrorBody {
  code: string
  message: string
  details?: unknown
  requestId: string
}

function codeForStatus(status: number): string {
  const text = STATUS_CODES[status]
  return text ? text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '') : 'REQUEST_FAILED'
}

/**
 * Sets the error and not-found handlers on the root instance (wrapped in fastify-plugin so they
 * reach every route): `{ error: { code, message, details?, requestId } }`; schema and zod
 * validation errors become 422 with their issues; deliberate client errors keep their status and
 * message; anything else is logged and hidden behind a 500. Register it before the routes.
 */
async function errorHandler(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: Omit<ErrorBody, 'requestId'>) => reply.code(status).send({ error: { ...body, requestId: request.id } })
    if (error instanceof ZodError) {
      const details = error.issues.map((issue) => ({
        path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
        message: issue.message,
        code: issue.code,
      }))
      return send(422, { code: 'VALIDATION_FAILED', message: 'Request validation failed', details })
    }
    if (error.validation) {
      const details = error.validation.map((issue) => ({
        path: [error.validationContext, ...issue.instancePath.split('/').filter((segment) => segment.length > 0)].filter((segment) => segment !== undefined),
        message: issue.message ?? 'Invalid value',
        code: issue.keyword,
      }))
      return send(422, { code: 'VALIDATION_FAILED', message: 'Request validation failed', details })
    }
    if (error instanceof HttpError && error.status < 500) {
      return send(error.status, { code: error.code, message: error.message, details: error.details })
    }
    const status = error instanceof HttpError ? error.status : error.statusCode
    if (status !== undefined && status >= 400 && status < 500) {
      return send(status, { code: codeForStatus(status), message: error.message })
    }
    request.log.error({ err: error }, 'Unhandled error')
    return send(500, { code: 'INTERNAL_ERROR', message: 'Internal server error' })
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    return reply.code(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: `Route ${request.method} ${path} not found`, requestId: request.id } })
  })
}

export const errorHandlerPlugin = fp(errorHandler, { name: 'error-handler', fastify: '5.x' })
