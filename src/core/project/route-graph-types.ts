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
  /** The package the function comes from (`cors`, `helmet`, `passport`), when it is imported from one. */
  module?: string;
  /** The name of the array the link was spread out of (`app.use(security)` with `security = [helmet(), cors()]`). */
  via?: string;
}

/** An error handler with how much of its app it covers. */
export interface GraphErrorHandler extends ChainLink {
  /** Routes of the app whose errors reach it (Express: registered before it on their stack; Fastify: in its scope). */
  covers: number;
  /** Express: routes of the app registered after it, whose errors it therefore never sees. */
  routesAfter: number;
}

export interface GraphRoute {
  framework: Framework;
  method: HttpMethod;
  /** Full path including every mount prefix, e.g. `/api/v1/users/:id`. */
  path: string;
  /** The registration call (its start, as `call.getStart()` gives it). */
  at: SourceLocation;
  /** Where the method name is written, when it differs from `at` (`router.route('/x').get(…)` chains). */
  nameAt?: SourceLocation;
  chain: ChainLink[];
  handler?: { name?: string; definition?: SourceLocation; module?: string; /** `asyncHandler` in `asyncHandler(create)`. */ wrapper?: string };
  /** Whether a Fastify route declares a `schema`. */
  hasSchema: boolean;
  /** The app the route is reachable from, when one is found. */
  app?: GraphApp;
  /** Error handlers its errors reach, innermost first (Express: later on its stack; Fastify: the nearest `setErrorHandler`). */
  errorHandlers?: ChainLink[];
  /** Fastify: plugins from packages registered on its context or above (`@fastify/helmet`), which may add hooks of their own. */
  plugins?: ChainLink[];
}

export interface GraphApp {
  framework: Framework;
  kind: AppKind;
  name: string;
  /** The creation call (`express()` / `fastify()`). */
  at: SourceLocation;
  /** Express 4-argument error middleware / Fastify `setErrorHandler` registered in this app. */
  errorHandlers: GraphErrorHandler[];
  routes: GraphRoute[];
}

/** The route graph of one package (the files owned by one package.json). */
export interface RouteGraph {
  root: string;
  /** The build stopped at its step budget: what registers routes after that point is missing. */
  incomplete?: boolean;
  apps: GraphApp[];
  routes: GraphRoute[];
  /** Routes whose handler or route-level middleware is the function starting at `start` in `file`. */
  routesUsing(file: string, start: number): GraphRoute[];
  /** Routes registered by the call starting at `start` in `file` (one per method and mount point). */
  routesAt(file: string, start: number): GraphRoute[];
}
