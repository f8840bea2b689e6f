import type { ChainLink, GraphApp, GraphRoute } from '../route-graph-types';
import { joinRoutePath, pathCovers } from './route-path';
import type { ErrorHandlerRecord, RouteSink } from './route-sink';
import type { Instance, LinkSource } from './values';

interface Inherited {
  link: ChainLink;
  /** Absolute path the middleware was mounted at, when it was given one. */
  filter?: string;
}

interface StackEntry {
  instance: Instance;
  /** Index of the op (mount or route) that leads down from this instance. */
  index: number;
}

interface PendingErrorHandler extends ErrorHandlerRecord {
  instance: Instance;
  index: number;
  filter?: string;
}

/**
 * Walks an Express app (or an unmounted router) the way a request walks its stack: middleware
 * registered with `use` before a route or mount applies to it, middleware registered after does
 * not; a router's routes see the app's middleware up to the mount, the mount's own middleware,
 * then the router's. Error middleware is collected apart and attached to the routes before it.
 */
export function flattenExpress(root: Instance, app: GraphApp | undefined, sink: RouteSink): ErrorHandlerRecord[] {
  const handlers: PendingErrorHandler[] = [];
  const routes: { route: GraphRoute; stack: StackEntry[]; order: number }[] = [];
  let order = 0;

  const visit = (instance: Instance, prefix: string, inherited: Inherited[], stack: StackEntry[], visiting: Set<Instance>): void => {
    const local: Inherited[] = [];
    const scope: ChainLink['scope'] = instance.kind === 'express-app' ? 'app' : 'mount';
    instance.ops.forEach((op, index) => {
      if (op.kind === 'use') {
        const filter = op.path === undefined ? undefined : joinRoutePath(prefix, op.path);
        for (const item of op.items) {
          if (sink.links.isErrorHandler(item.value)) {
            if (!handlers.some((known) => known.instance === instance && known.index === index && known.source.expression === item.expression)) {
              handlers.push({ source: item, link: sink.links.link(item, scope), order: order++, covers: 0, routesAfter: 0, instance, index, filter });
            }
          } else {
            local.push({ link: sink.links.link(item, scope), filter });
          }
        }
      } else if (op.kind === 'mount') {
        if (visiting.has(op.child)) return;
        const childPrefix = joinRoutePath(prefix, op.path);
        const mountLinks = op.middleware.map((item: LinkSource) => ({ link: sink.links.link(item, 'mount'), filter: childPrefix }));
        visit(op.child, childPrefix, [...inherited, ...local, ...mountLinks], [...stack, { instance, index }], new Set([...visiting, op.child]));
      } else if (op.kind === 'route') {
        const path = joinRoutePath(prefix, op.path);
        const chain = [...inherited, ...local].filter((entry) => pathCovers(entry.filter, path)).map((entry) => entry.link);
        for (const item of op.middleware) chain.push(sink.links.link(item, 'route'));
        const route = sink.route(op, 'express', path, chain, app, { nested: stack.length > 0 });
        routes.push({ route, stack: [...stack, { instance, index }], order: order++ });
      }
    });
  };
  visit(root, '', [], [], new Set([root]));

  for (const { route, stack } of routes) {
    const reached: ChainLink[] = [];
    for (let level = stack.length - 1; level >= 0; level--) {
      const { instance, index } = stack[level];
      for (const handler of handlers) {
        if (handler.instance !== instance || handler.index <= index || !pathCovers(handler.filter, route.path)) continue;
        reached.push(handler.link);
        handler.covers++;
      }
    }
    if (reached.length > 0) route.errorHandlers = reached;
  }
  return handlers.map(({ source, link, order: position, covers }) => ({ source, link, order: position, covers, routesAfter: routes.filter((entry) => entry.order > position).length }));
}
