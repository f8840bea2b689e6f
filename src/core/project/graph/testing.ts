import ts from 'typescript';
import { isFunctionLike } from '../../analysis/syntax';
import { parseSource } from '../../lint/parse';
import { SourceCache } from '../../lint/source-cache';
import { InMemoryFileSystem } from '../../model/file-system';
import { relativePath } from '../../model/paths';
import { ProjectDetector } from '../detect';
import { RouteGraphBuilder } from '../route-graph';
import type { ChainLink, GraphRoute, RouteGraph } from '../route-graph-types';

export const ROOT = '/project';

export type Flavour = 'express4' | 'express5' | 'fastify4' | 'fastify5';

const PACKAGES: Record<Flavour, { name: string; version: string }> = {
  express4: { name: 'express', version: '4.21.2' },
  express5: { name: 'express', version: '5.1.0' },
  fastify4: { name: 'fastify', version: '4.28.1' },
  fastify5: { name: 'fastify', version: '5.4.0' },
};

/** A package in memory: package.json (and the installed framework) plus the given files, paths relative to ROOT. */
export function projectHost(flavour: Flavour, files: Record<string, string>, options: { esm?: boolean; dependencies?: Record<string, string> } = {}): InMemoryFileSystem {
  const { name, version } = PACKAGES[flavour];
  const manifest = { name: 'fixture', version: '1.0.0', ...(options.esm ? { type: 'module' } : {}), dependencies: { [name]: `^${version}`, ...options.dependencies } };
  const entries: [string, string][] = [
    [`${ROOT}/package.json`, JSON.stringify(manifest, null, 2)],
    [`${ROOT}/node_modules/${name}/package.json`, JSON.stringify({ name, version })],
  ];
  for (const [path, text] of Object.entries(files)) entries.push([`${ROOT}/${path}`, text]);
  return new InMemoryFileSystem(entries);
}

export function buildGraph(host: InMemoryFileSystem): { graph: RouteGraph; builder: RouteGraphBuilder; projects: ProjectDetector } {
  const projects = new ProjectDetector(host);
  const builder = new RouteGraphBuilder(host, new SourceCache(), projects);
  const graph = builder.graphFor(projects.detect(`${ROOT}/package.json`));
  if (!graph) throw new Error('no graph');
  return { graph, builder, projects };
}

export function graphOf(flavour: Flavour, files: Record<string, string>, options: { esm?: boolean; dependencies?: Record<string, string> } = {}): RouteGraph {
  return buildGraph(projectHost(flavour, files, options)).graph;
}

/** `GET /api/users  list  [cors > auth > validate]` — one line per route, in graph order. */
export function routeLines(graph: RouteGraph): string[] {
  return graph.routes.map(routeLine);
}

export function routeLine(route: GraphRoute): string {
  const chain = route.chain.map(linkText).join(' > ');
  return `${route.method} ${route.path} ${route.handler?.name ?? '(anonymous)'} [${chain}]${route.app ? '' : ' (no app)'}`;
}

function linkText(link: ChainLink): string {
  const name = link.name ?? '(anonymous)';
  return link.hook ? `${link.hook}:${name}` : name;
}

/** Everything a rule can read from a graph, every position included: for comparing two graphs. */
export function observableGraph(graph: RouteGraph | undefined): object | null {
  if (!graph) return null;
  return {
    routes: graph.routes.map((route) => ({ ...route, app: route.app?.name })),
    apps: graph.apps.map((app) => ({ ...app, routes: app.routes.length })),
    at: graph.routes.map((route) => graph.routesAt(route.at.file, route.at.start).length),
    using: graph.routes.map((route) => (route.handler?.definition ? graph.routesUsing(route.handler.definition.file, route.handler.definition.start).length : -1)),
  };
}

/** `src/controllers/users.ts:4` for a location, relative to the project root. */
export function where(location: { file: string; line: number } | undefined): string | undefined {
  return location ? `${relativePath(ROOT, location.file)}:${location.line}` : undefined;
}

/** Places a user might type, a few of each per file: the start of function bodies, comments, blank lines. */
export function editsOf(path: string, text: string): string[] {
  const sourceFile = parseSource(path, text);
  const bodies: number[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) && node.body && ts.isBlock(node.body)) bodies.push(node.body.getStart(sourceFile) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const points = [
    ...bodies.slice(0, 4).map((at) => ({ at, insert: '\n  const typed = 1;' })),
    ...[...text.matchAll(/\/\/[^\n]*/g)].slice(0, 3).map((match) => ({ at: match.index + 2, insert: ' typed' })),
    ...[...text.matchAll(/\n\n/g)].slice(0, 3).map((match) => ({ at: match.index + 1, insert: '\n' })),
  ];
  return points.map((point) => text.slice(0, point.at) + point.insert + text.slice(point.at));
}
