import { Router } from 'express';
import { scopedErrorHandler } from '../middleware/error-handler.js';
import { addAuthChallenge, currentUser, requireAuth } from '../middleware/auth.js';
import { validate, validated } from '../middleware/validate.js';
import { InMemoryRefreshTokenStore } from '../auth/refresh-tokens.repository.js';
import { LoginSchema, RefreshSchema, RegisterSchema } from '../auth/auth.schemas.js';
import { AuthService } from '../auth/auth.service.js';
import { InMemoryUserRepository } from '../auth/users.repository.js';

/**
 * Authentication routes, mounted at /api/v1/auth: POST /register (201 with the user), POST /login
 * (200 with an access token and a refresh token), POST /refresh (200 with a new pair; the refresh
 * token sent is revoked), GET /me (the current user). Pass a service over other stores (a
 * database) to replace the in-memory defaults.
 */
export function createAuthRouter(service = new AuthService(new InMemoryUserRepository(), new InMemoryRefreshTokenStore())): Router {
  const router = Router();

  router.post('/register', validate({ body: RegisterSchema }), async (_req, res) => {
    const user = await service.register(validated(res, 'body', RegisterSchema));
    res.status(201).json(user);
  });

  router.post('/login', validate({ body: LoginSchema }), async (_req, res) => {
    const result = await service.login(validated(res, 'body', LoginSchema));
    res.set('Cache-Control', 'no-store').json(result);
  });

  router.post('/refresh', validate({ body: RefreshSchema }), async (_req, res) => {
    const { refreshToken } = validated(res, 'body', RefreshSchema);
    res.set('Cache-Control', 'no-store').json(await service.refresh(refreshToken));
  });

  router.get('/me', requireAuth, async (req, res) => {
    res.json(await service.me(currentUser(req).id));
  });

  router.use(addAuthChallenge);
  // The app's error handler answers differently: these routes' 401 / 409 / 422 keep the standard error body.
  router.use(scopedErrorHandler);
  return router;
}
