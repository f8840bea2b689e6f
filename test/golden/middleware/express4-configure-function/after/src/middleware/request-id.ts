import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids a caller may choose: 1–128 characters of A–Z, a–z, 0–9 and . _ : - (anything else could forge log lines). */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when it is well-formed, else a new UUID. */
export function resolveRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && VALID_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * Gives every request an id and echoes it in the X-Request-Id response header. Register it first:
 * the request logger and the error handler read the id from that header.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    res.setHeader(REQUEST_ID_HEADER, resolveRequestId(req.headers[REQUEST_ID_HEADER]));
    next();
  };
}
