import type { AppKind, HttpMethod } from '../analysis/types';
import type { Framework } from '../model/rule-meta';

/** A place in a file: absolute path and offset (line/column are 1-based). */
export interface SourceLocation {
  file: string;
  start: number;
  line: number;
  column: number;
}

/** One link of a route's chain, in the order requests meet it. */
export interface ChainLink {
  /** Dotted name as written (`requireAuth`, `validate`, `passport.authenticate`), if any. */
  name?: string;
  /** Where it takes effect: app/router-level `use`, a Fastify hook, or the route's own middleware. */
  scope: 'app' | 'mount' | 'route' | 'hook';
  /** Fastify hook name (`onRequest`, `preHandler`, …) for hooks. */
  hook?: string;
  at: SourceLocation;
  /** Where the function is defined, when it could be resolved. */
  definition?: SourceLocation;
}

export interface GraphRoute {
  framework: Framework;
  method: HttpMethod;
  /** Full path including every mount prefix, e.g. `/api/v1/users/:id`. */
  path: string;
  /** The registration call. */
  at: SourceLocation;
  chain: ChainLink[];
  handler?: { name?: string; definition?: SourceLocation };
  /** Whether a Fastify route declares a `schema`. */
  hasSchema: boolean;
  /** The app the route is reachable from, when one is found. */
  app?: GraphApp;
}

export interface GraphApp {
  framework: Framework;
  kind: AppKind;
  name: string;
  /** The creation call (`express()` / `fastify()`). */
  at: SourceLocation;
  /** Express 4-argument error middleware / Fastify `setErrorHandler` that reach this app's routes. */
  errorHandlers: ChainLink[];
  routes: GraphRoute[];
}

/** The route graph of one package (the files owned by one package.json). */
export interface RouteGraph {
  root: string;
  apps: GraphApp[];
  routes: GraphRoute[];
  /** Routes whose handler or route-level middleware is the function starting at `start` in `file`. */
  routesUsing(file: string, start: number): GraphRoute[];
}
