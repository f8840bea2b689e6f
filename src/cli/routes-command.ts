import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { SourceCache } from '../core/lint/source-cache';
import type { FileSystemHost } from '../core/model/file-system';
import { joinPath, relativePath, toPosix } from '../core/model/paths';
import { ProjectDetector } from '../core/project/detect';
import { RouteGraphBuilder } from '../core/project/route-graph';
import type { ChainLink, GraphRoute, RouteGraph, SourceLocation } from '../core/project/route-graph-types';
import { NodeFileSystem } from '../host/node-file-system';
import { EXIT_OK, UsageError, type CliIo } from './io';

export const ROUTES_USAGE = `Usage: routewise routes [path] [--format table|json]

Prints the route graph of the project in the current directory (or at path): every route with
its full path, handler, the middleware / hooks that run before it, and where it is registered.

Options:
  -f, --format <name>  table (default) or json
  -h, --help           show this help
`;

const FORMATS = ['table', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** `routewise routes`: returns the exit status; throws UsageError for bad arguments. */
export function runRoutesCommand(args: readonly string[], cwd: string, io: Pick<CliIo, 'stdout' | 'stderr'>, options: { host?: FileSystemHost } = {}): number {
  const parsed = parseRoutesArguments(args);
  if (parsed.help) {
    io.stdout(ROUTES_USAGE);
    return EXIT_OK;
  }
  const host = options.host ?? new NodeFileSystem();
  const base = toPosix(nodePath.resolve(cwd));
  const target = toPosix(nodePath.resolve(cwd, parsed.path ?? '.'));
  if (!host.directoryExists(target)) throw new UsageError(`No such directory: ${parsed.path ?? target}`);

  const projects = new ProjectDetector(host);
  const project = projects.detect(joinPath(target, 'package.json'));
  const problems: string[] = [];
  const builder = new RouteGraphBuilder(host, new SourceCache(), projects, (_root, message) => problems.push(message));
  const graph = builder.graphFor(project);
  const failure = builder.failureFor(project.root);
  if (failure) throw failure;
  for (const problem of problems) io.stderr(`routewise: warning: ${problem}\n`);
  if (!graph) io.stderr(`routewise: no Express or Fastify dependency found for ${relativePath(base, project.root) || '.'}\n`);
  io.stdout(parsed.format === 'json' ? formatJson(graph, base) : formatTable(graph, base));
  return EXIT_OK;
}

function parseRoutesArguments(args: readonly string[]): { path?: string; format: Format; help: boolean } {
  let values: { format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; expected one of: ${FORMATS.join(', ')}`);
  if (positionals.length > 1) throw new UsageError(`Expected at most one path, got ${positionals.length}`);
  return { path: positionals[0], format: format as Format, help: values.help ?? false };
}

function formatJson(graph: RouteGraph | undefined, base: string): string {
  const apps = graph?.apps ?? [];
  const place = (location: SourceLocation) => ({ file: relativePath(base, location.file), line: location.line, column: location.column });
  const link = (entry: ChainLink) => {
    const { file, line } = place(entry.definition ?? entry.at);
    return { name: entry.name ?? null, scope: entry.scope, ...(entry.hook ? { hook: entry.hook } : {}), file, line };
  };
  const output = {
    version: 1,
    apps: apps.map((app) => ({
      name: app.name,
      framework: app.framework,
      kind: app.kind,
      ...place(app.at),
      routes: app.routes.length,
      errorHandlers: app.errorHandlers.map((handler) => ({ ...link(handler), covers: handler.covers })),
    })),
    routes: (graph?.routes ?? []).map((route) => ({
      method: route.method,
      path: route.path,
      ...place(route.nameAt ?? route.at),
      handler: route.handler?.name ?? null,
      chain: route.chain.map(link),
      hasSchema: route.hasSchema,
      app: route.app ? apps.indexOf(route.app) : null,
    })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function formatTable(graph: RouteGraph | undefined, base: string): string {
  const routes = graph?.routes ?? [];
  if (routes.length === 0) return 'No routes found.\n';
  const mounted = routes.filter((route) => route.app);
  const unmounted = routes.filter((route) => !route.app);
  let text = '';
  if (mounted.length > 0) text += table(mounted, base);
  if (unmounted.length > 0) {
    if (text) text += '\n';
    text += 'Not reachable from an app (paths relative to their router or plugin):\n';
    text += table(unmounted, base);
  }
  const apps = graph?.apps.length ?? 0;
  text += `\n${routes.length} route${routes.length === 1 ? '' : 's'} in ${apps} app${apps === 1 ? '' : 's'}\n`;
  return text;
}

function table(routes: readonly GraphRoute[], base: string): string {
  const rows = [['METHOD', 'PATH', 'HANDLER', 'CHAIN', 'FILE:LINE']];
  for (const route of routes) {
    const location = route.nameAt ?? route.at;
    rows.push([route.method, route.path, handlerText(route), route.chain.map(linkText).join(' > ') || '-', `${relativePath(base, location.file)}:${location.line}`]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n') + '\n';
}

function handlerText(route: GraphRoute): string {
  const wrapper = route.handler?.wrapper;
  if (wrapper) return `${wrapper}(${route.handler?.name ?? '...'})`;
  return route.handler?.name ?? '(anonymous)';
}

function linkText(link: ChainLink): string {
  const name = link.name ?? '(anonymous)';
  return link.hook ? `${link.hook}:${name}` : name;
}
