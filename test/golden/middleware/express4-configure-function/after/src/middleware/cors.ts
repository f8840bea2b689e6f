import cors from 'cors';
import { config } from '../config';

/**
 * CORS for the origins listed in CORS_ORIGINS only: other origins get no CORS headers, so
 * browsers refuse to hand them the response.
 */
export function corsMiddleware() {
  return cors({ origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 });
}
