import type { Framework } from '../../model/rule-meta';
import type { ChainLink, GraphApp, GraphRoute } from '../route-graph-types';
import type { LinkResolver } from './links';
import type { LinkSource, RouteOp } from './values';

/** Where flattening puts the routes it finds; owns naming, positions and the lookup indexes. */
export interface RouteSink {
  readonly links: LinkResolver;
  route(
    op: RouteOp,
    framework: Framework,
    path: string,
    chain: ChainLink[],
    app: GraphApp | undefined,
    /** `nested`: registered below the root (through a mount or a register), not on the root itself. */
    extras: { errorHandlers?: ChainLink[]; plugins?: ChainLink[]; nested?: boolean },
  ): GraphRoute;
}

/** One error handler found while flattening, with the routes whose errors reach it. */
export interface ErrorHandlerRecord {
  source: LinkSource;
  link: ChainLink;
  /** Position in stack order, to count the routes registered after it. */
  order: number;
  covers: number;
  routesAfter: number;
}
