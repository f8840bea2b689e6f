/**
 * Errors the app throws on purpose. The error handler answers them with their status and
 * `{ error: { code, message, details?, requestId } }`; anything else is logged and becomes a 500
 * whose details stay in the log.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export class BadRequestError extends HttpError {
  constructor(message = 'Bad request', details?: unknown, code = 'BAD_REQUEST') {
    super(400, code, message, details);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Authentication required', code = 'UNAUTHORIZED') {
    super(401, code, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Not allowed', code = 'FORBIDDEN') {
    super(403, code, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Not found', code = 'NOT_FOUND') {
    super(404, code, message);
  }
}

export class ConflictError extends HttpError {
  constructor(message = 'Conflict', details?: unknown, code = 'CONFLICT') {
    super(409, code, message, details);
  }
}

export class ValidationError extends HttpError {
  constructor(message = 'Request validation failed', details?: unknown, code = 'VALIDATION_FAILED') {
    super(422, code, message, details);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(message = 'Too many requests', code = 'TOO_MANY_REQUESTS') {
    super(429, code, message);
  }
}

