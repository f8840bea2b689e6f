import type { ChainLink, GraphApp } from '../route-graph-types';
import { FASTIFY_CHAIN_HOOKS } from './registrar';
import { joinRoutePath } from './route-path';
import type { ErrorHandlerRecord, RouteSink } from './route-sink';
import type { HookOp, Instance, Op, PluginOp } from './values';

/**
 * Walks a Fastify context tree. A route runs the hooks of its own context and of every ancestor
 * (encapsulation: never a sibling's, unless fastify-plugin put them on a shared parent), phase by
 * phase, ancestors first, then its own route-level hooks of that phase. Hooks a parent adds after
 * an awaited `register` do not reach that child. The nearest `setErrorHandler` handles its errors.
 */
export function flattenFastify(root: Instance, app: GraphApp | undefined, sink: RouteSink): ErrorHandlerRecord[] {
  const handlers = new Map<HookOp, ErrorHandlerRecord>();
  let order = 0;

  const visit = (context: Instance, prefix: string, path: Instance[], visiting: Set<Instance>): void => {
    const fullPrefix = joinRoutePath(prefix, context.prefix);
    const inherited = (filter: (op: Op) => boolean): Op[] =>
      path.flatMap((ancestor, index) => {
        const limit = path[index + 1]?.parentHooksUntil;
        return ancestor.ops.filter((op) => filter(op) && (limit === undefined || op.seq < limit));
      });
    const errorHandler = nearestErrorHandler(path);
    const routes = context.ops.filter((op) => op.kind === 'route');
    const plugins = routes.length === 0 ? [] : (inherited((op) => op.kind === 'plugin') as PluginOp[]).map((op) => sink.links.link(op.plugin, 'hook'));
    const hooks = new Map<string, ChainLink[]>();
    if (routes.length > 0) {
      for (const phase of FASTIFY_CHAIN_HOOKS) {
        hooks.set(phase, (inherited((op) => op.kind === 'hook' && op.hook === phase) as HookOp[]).map((hook) => sink.links.link(hook.fn, 'hook', phase)));
      }
    }

    for (const op of routes) {
      const chain: ChainLink[] = [];
      for (const phase of FASTIFY_CHAIN_HOOKS) {
        chain.push(...(hooks.get(phase) ?? []));
        for (const item of op.middleware) if (item.hook === phase) chain.push(sink.links.link(item, 'route', phase));
      }
      const extras: { errorHandlers?: ChainLink[]; plugins?: ChainLink[]; nested?: boolean } = { nested: path.length > 1 };
      if (errorHandler) {
        let record = handlers.get(errorHandler);
        if (!record) {
          record = { source: errorHandler.fn, link: sink.links.link(errorHandler.fn, 'hook', 'setErrorHandler'), order: order++, covers: 0, routesAfter: 0 };
          handlers.set(errorHandler, record);
        }
        record.covers++;
        extras.errorHandlers = [record.link];
      }
      if (plugins.length > 0) extras.plugins = plugins;
      sink.route(op, 'fastify', joinRoutePath(fullPrefix, op.path), chain, app, extras);
    }
    for (const child of context.children) {
      if (!visiting.has(child)) visit(child, fullPrefix, [...path, child], new Set([...visiting, child]));
    }
  };
  visit(root, '', [root], new Set([root]));

  // Handlers no route reaches still belong to the app (an encapsulated one is what rules look for).
  for (const op of allHooks(root)) {
    if (op.hook !== 'setErrorHandler' || handlers.has(op)) continue;
    handlers.set(op, { source: op.fn, link: sink.links.link(op.fn, 'hook', 'setErrorHandler'), order: order++, covers: 0, routesAfter: 0 });
  }
  return [...handlers.values()];
}

function nearestErrorHandler(path: Instance[]): HookOp | undefined {
  for (let index = path.length - 1; index >= 0; index--) {
    const ops = path[index].ops;
    for (let opIndex = ops.length - 1; opIndex >= 0; opIndex--) {
      const op = ops[opIndex];
      if (op.kind === 'hook' && op.hook === 'setErrorHandler') return op;
    }
  }
  return undefined;
}

function allHooks(root: Instance): HookOp[] {
  const result: HookOp[] = [];
  const seen = new Set<Instance>();
  const visit = (context: Instance): void => {
    if (seen.has(context)) return;
    seen.add(context);
    for (const op of context.ops) if (op.kind === 'hook') result.push(op);
    for (const child of context.children) visit(child);
  };
  visit(root);
  return result;
}
