import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { Role } from '../auth/auth.schemas.js';
import { InvalidTokenError, verifyAccessToken, type AuthUser } from '../auth/tokens.js';

declare global {
  // Express's typings (4 and 5) merge request properties through this namespace; `User` is the
  // same one Passport's typings declare, so the two can live in one project.
  namespace Express {
    interface User {
      id: string;
      email: string;
      role: Role;
    }

    interface Request {
      /** Set by requireAuth / requireRole. */
      user?: User | undefined;
    }
  }
}

/** The protection space named in WWW-Authenticate challenges. */
const REALM = 'api';

/** RFC 6750 challenge: `error="invalid_token"` when a token was sent but does not verify. */
export function bearerChallenge(error?: 'invalid_token'): string {
  return error ? `Bearer realm="${REALM}", error="${error}"` : `Bearer realm="${REALM}"`;
}

/** The token of an `Authorization: Bearer <token>` header; undefined without Bearer credentials. */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, token = '', ...rest] = header.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer') return undefined;
  return rest.length === 0 ? token : '';
}

/** Requests this module authenticated (req.user may also come from elsewhere, e.g. a Passport session). */
const authenticated = new WeakMap<Request, AuthUser>();

async function authenticate(req: Request, res: Response): Promise<AuthUser> {
  const known = authenticated.get(req);
  if (known) return known;
  const token = bearerToken(req.headers.authorization);
  if (token === undefined) {
    res.setHeader('WWW-Authenticate', bearerChallenge());
    throw new UnauthorizedError('Authentication required');
  }
  try {
    const user = await verifyAccessToken(token);
    authenticated.set(req, user);
    req.user = user;
    return user;
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    res.setHeader('WWW-Authenticate', bearerChallenge('invalid_token'));
    throw new UnauthorizedError(error.message, 'INVALID_TOKEN');
  }
}

/**
 * Route middleware: lets requests with a valid access token (`Authorization: Bearer …`) through
 * and sets `req.user`; answers 401 with a WWW-Authenticate challenge otherwise.
 */
export const requireAuth: RequestHandler = (req, res, next) => {
  authenticate(req, res).then(() => next(), next);
};

/**
 * Route middleware: 403 unless the user has one of the roles. Authenticates first when
 * requireAuth has not run (so 401 without a valid token).
 */
export function requireRole(...roles: [Role, ...Role[]]): RequestHandler {
  return (req, res, next) => {
    authenticate(req, res)
      .then((user) => {
        if (!roles.includes(user.role)) throw new ForbiddenError(`This requires the ${roles.join(' or ')} role`);
      })
      .then(() => next(), next);
  };
}

/** The user of a request that passed requireAuth or requireRole. */
export function currentUser(req: Request): AuthUser {
  const user = authenticated.get(req);
  if (!user) throw new UnauthorizedError('Authentication required');
  return user;
}

/**
 * Error middleware for routers that answer 401 themselves (login, refresh): adds the challenge
 * every 401 must carry, then passes the error on to the error handler.
 */
export const addAuthChallenge: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (error instanceof UnauthorizedError && !res.hasHeader('WWW-Authenticate')) {
    res.setHeader('WWW-Authenticate', bearerChallenge(error.code === 'INVALID_TOKEN' ? 'invalid_token' : undefined));
  }
  next(error);
};
