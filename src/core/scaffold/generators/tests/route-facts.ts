import type { RouteRegistration } from '../../../analysis/types';
import { DEFAULT_SETTINGS } from '../../../model/settings';
import { routeCoverage } from '../../../rules/util/request-validation';
import type { FileAnalysis } from '../../../analysis/types';
import { fullPath } from './target';

/** Guards that answer 401 without credentials: the auth generator's and the common names. */
const AUTH_NAME = /^(requireAuth|requireUser|requireLogin|authenticate|authenticated|isAuthenticated|ensureAuthenticated|ensureLoggedIn|verifyToken|verifyJwt|verifyJWT|checkJwt|jwtAuth|authGuard|auth)$/;

export function isAuthName(name: string | undefined): boolean {
  if (!name) return false;
  return AUTH_NAME.test(name.slice(name.lastIndexOf('.') + 1));
}

/** What a generic test can count on for one route. */
export interface RouteFacts {
  method: string;
  /** Full path with the mount prefix. */
  path: string;
  /** Path parameters (`:id`): such routes need real ids, so no success test is written for them. */
  hasParams: boolean;
  protected: boolean;
  /** The body is checked by a schema (validate middleware, Fastify `schema.body`). */
  validatesBody: boolean;
  /** The query is checked by a schema: an empty query may be rejected. */
  validatesQuery: boolean;
  /** The handler answers 501 Not Implemented (a route generator stub). */
  notImplemented: boolean;
}

export function routeFacts(route: RouteRegistration, analysis: FileAnalysis, mountPath: string): RouteFacts {
  const covered = routeCoverage(route, { sourceFile: analysis.sourceFile, analysis, settings: DEFAULT_SETTINGS });
  const path = fullPath(mountPath, route.path);
  return {
    method: route.method,
    path,
    hasParams: /[:*{]/.test(path),
    protected: route.middleware.some((ref) => isAuthName(ref.name)),
    validatesBody: covered.has('body'),
    validatesQuery: covered.has('query'),
    notImplemented: route.handler?.fn !== undefined && /\b(status|code)\(\s*501\s*\)/.test(route.handler.fn.getText()),
  };
}

/** Whether some route of the module would answer `GET path` (so it cannot serve as an unknown path). */
export function matchesSomeRoute(routes: readonly RouteFacts[], method: string, path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  return routes.some((route) => {
    if (route.method !== method && route.method !== 'ALL') return false;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.some((segment) => segment.includes('*') || segment.startsWith('{'))) return true;
    if (pattern.length !== segments.length) return false;
    return pattern.every((segment, index) => segment.startsWith(':') || segment === segments[index]);
  });
}
