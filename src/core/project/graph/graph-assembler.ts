import type { Framework } from '../../model/rule-meta';
import type { ChainLink, GraphApp, GraphErrorHandler, GraphRoute } from '../route-graph-types';
import { flattenExpress } from './express-routes';
import { flattenFastify } from './fastify-routes';
import { IndexedRouteGraph, type RouteIndex } from './indexed-route-graph';
import type { Interpreter } from './interpreter';
import { LinkResolver } from './links';
import type { ErrorHandlerRecord, RouteSink } from './route-sink';
import type { Instance, RouteOp } from './values';


interface Candidate {
  route: GraphRoute;
  op: RouteOp;
  /** 2: reached from an app; 1: below some router or plugin of an unknown app; 0: on a root nobody reaches. */
  quality: number;
}

/**
 * Builds the RouteGraph from the instances the interpreter recorded: apps are the instances
 * nothing mounts; routers and plugins nothing reaches keep their routes with relative paths and
 * no app. Routes registered twice (an app factory called from two entry points) appear once, and
 * a registration seen both from an app and as an orphan keeps only its best placement.
 */
export class GraphAssembler implements RouteSink {
  readonly links: LinkResolver;
  private readonly candidates: Candidate[] = [];
  private readonly apps = new Map<string, GraphApp>();
  private readonly seenRoutes = new Map<string, GraphRoute>();
  private readonly using: RouteIndex = new Map();
  private readonly at: RouteIndex = new Map();

  constructor(private readonly interpreter: Interpreter) {
    this.links = new LinkResolver(interpreter);
  }

  build(root: string): IndexedRouteGraph {
    const roots = this.interpreter.instances.filter((instance) => !instance.mounted && !instance.parent);
    // Real apps first, so a router's routes are claimed by its app before any orphan pass sees them.
    roots.sort((a, b) => rank(a) - rank(b));
    for (const instance of roots) {
      const app = isApp(instance) ? this.appFor(instance) : undefined;
      const handlers = instance.framework === 'fastify' ? flattenFastify(instance, app, this) : flattenExpress(instance, app, this);
      if (app) this.addErrorHandlers(app, handlers);
    }
    const routes = this.keepBestPlacements();
    return new IndexedRouteGraph(root, [...this.apps.values()], routes, this.using, this.at, this.interpreter.exhausted);
  }

  route(
    op: RouteOp,
    framework: Framework,
    path: string,
    chain: ChainLink[],
    app: GraphApp | undefined,
    extras: { errorHandlers?: ChainLink[]; plugins?: ChainLink[]; nested?: boolean },
  ): GraphRoute {
    const at = this.links.location(op.module, op.call);
    const key = `${at.file}:${at.start}:${op.method}:${path}:${chain.map((link) => `${link.at.file}:${link.at.start}`).join(',')}`;
    const known = this.seenRoutes.get(key);
    if (known) return known;
    const route: GraphRoute = { framework, method: op.method, path, at, chain, hasSchema: op.hasSchema };
    if (op.anchor !== op.call) route.nameAt = this.links.location(op.module, op.anchor);
    if (op.handler) route.handler = this.links.handler(op.handler);
    if (app) route.app = app;
    if (extras.errorHandlers) route.errorHandlers = extras.errorHandlers;
    if (extras.plugins) route.plugins = extras.plugins;
    this.seenRoutes.set(key, route);
    this.candidates.push({ route, op, quality: app ? 2 : extras.nested ? 1 : 0 });
    return route;
  }

  /** A plugin file run as an orphan and again through the autoload that loads it: the second placement wins. */
  private keepBestPlacements(): GraphRoute[] {
    const best = new Map<string, number>();
    const keyOf = (candidate: Candidate) => `${candidate.route.at.file}:${candidate.route.at.start}:${candidate.route.method}`;
    for (const candidate of this.candidates) best.set(keyOf(candidate), Math.max(best.get(keyOf(candidate)) ?? 0, candidate.quality));
    const routes: GraphRoute[] = [];
    for (const candidate of this.candidates) {
      if (candidate.quality < (best.get(keyOf(candidate)) ?? 0)) continue;
      const { route, op } = candidate;
      routes.push(route);
      route.app?.routes.push(route);
      add(this.at, route.at.file, route.at.start, route);
      const functions = [op.handler, ...op.middleware].flatMap((source) => (source ? this.links.functionStarts(source.value) : []));
      for (const { file, start } of functions) add(this.using, file, start, route);
    }
    return routes;
  }

  private appFor(instance: Instance): GraphApp {
    const at = this.links.location(instance.module, instance.node);
    const key = `${at.file}:${at.start}`;
    let app = this.apps.get(key);
    if (!app) {
      app = { framework: instance.framework, kind: instance.kind, name: instance.name, at, errorHandlers: [], routes: [] };
      this.apps.set(key, app);
    }
    return app;
  }

  private addErrorHandlers(app: GraphApp, records: ErrorHandlerRecord[]): void {
    for (const record of records) {
      const existing = app.errorHandlers.find((handler) => handler.at.file === record.link.at.file && handler.at.start === record.link.at.start);
      if (existing) {
        existing.covers = Math.max(existing.covers, record.covers);
        continue;
      }
      const handler: GraphErrorHandler = { ...record.link, covers: record.covers, routesAfter: record.routesAfter };
      app.errorHandlers.push(handler);
    }
  }
}

function isApp(instance: Instance): boolean {
  return !instance.synthetic && (instance.kind === 'express-app' || instance.kind === 'fastify');
}

function rank(instance: Instance): number {
  return isApp(instance) ? 0 : instance.synthetic ? 2 : 1;
}

function add(index: RouteIndex, file: string, start: number, route: GraphRoute): void {
  let byStart = index.get(file);
  if (!byStart) {
    byStart = new Map();
    index.set(file, byStart);
  }
  const list = byStart.get(start);
  if (!list) byStart.set(start, [route]);
  else if (!list.includes(route)) list.push(route);
}
