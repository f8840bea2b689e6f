// What the scaffolding commands do around a generator run, without VS Code: which project to
// offer first, which routers to offer, which file to open afterwards, what to ask about installing.
import type { FileChange } from '../core/model/edit';
import { relativePath } from '../core/model/paths';
import { installCommand } from '../core/project/install-command';
import type { PackageManager } from '../core/project/project-info';
import type { GraphRoute } from '../core/project/route-graph-types';

/** The file each generator is about, to open after it ran (the first match among its changes). */
const MAIN_FILE: Readonly<Record<string, RegExp>> = {
  project: /\/src\/app\.[cm]?ts$/,
  resource: /\/(routes|plugins|modules)\/[^/]+\.[cm]?ts$|\.(routes|router|plugin)\.[cm]?ts$/,
  auth: /\/(routes|plugins)\/auth[^/]*\.[cm]?ts$|\/auth\/[^/]*routes?[^/]*\.[cm]?ts$/,
  'error-handler': /error-handler\.[cm]?ts$/,
  health: /health[^/]*\.[cm]?ts$/,
  config: /\/config(\/index)?\.[cm]?ts$/,
  tests: /\.(test|spec)\.[cm]?ts$/,
};

const SOURCE = /\.[cm]?[jt]sx?$/;
const TEST = /\.(test|spec)\.[cm]?[jt]sx?$|\/(test|tests|__tests__)\//;

/**
 * The file to show after a generator ran: its own kind of file when it created or edited one,
 * else the first created source file (tests last), else the first edited one.
 */
export function mainFileOf(generatorId: string, changes: readonly FileChange[]): string | undefined {
  const preferred = MAIN_FILE[generatorId];
  const created = changes.filter((change) => change.kind === 'create' && SOURCE.test(change.path)).map((change) => change.path);
  const edited = changes.filter((change) => change.kind === 'edit' && SOURCE.test(change.path)).map((change) => change.path);
  if (preferred) {
    const match = [...created, ...edited].find((path) => preferred.test(path));
    if (match) return match;
  }
  return created.find((path) => !TEST.test(path)) ?? created[0] ?? edited[0];
}

/** "Install 3 dependencies with pnpm?", and the command that does it. */
export function installOffer(count: number, manager: PackageManager): { message: string; command: string } {
  return { message: `Install ${count} ${count === 1 ? 'dependency' : 'dependencies'} with ${manager}?`, command: installCommand(manager) };
}

export interface RouterChoice {
  /** Relative to the project root: what the route and tests generators accept. */
  file: string;
  /** The mount path its routes share (`/api/v1/orders`), when they share one. */
  prefix: string;
  routes: number;
}

/** The files that register routes, with their mount prefix, most routes first (test files left out). */
export function routerChoices(routes: readonly GraphRoute[], root: string): RouterChoice[] {
  const byFile = new Map<string, GraphRoute[]>();
  for (const route of routes) {
    if (TEST.test(route.at.file)) continue;
    byFile.set(route.at.file, [...(byFile.get(route.at.file) ?? []), route]);
  }
  return [...byFile]
    .map(([file, fileRoutes]) => ({ file: relativePath(root, file), prefix: commonPrefix(fileRoutes.map((route) => route.path)), routes: fileRoutes.length }))
    .sort((a, b) => b.routes - a.routes || a.file.localeCompare(b.file));
}

/** The longest run of whole path segments every path starts with (`/` when none). */
function commonPrefix(paths: readonly string[]): string {
  const split = paths.map((path) => path.split('/').filter(Boolean));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && !first[length].startsWith(':') && split.every((segments) => segments.length > length && segments[length] === first[length])) length++;
  return `/${first.slice(0, length).join('/')}`;
}

/** Project roots for the picker: the one owning the active editor's file first, then by path. */
export function orderProjects(roots: readonly string[], activeFile: string | undefined): string[] {
  const owner = activeFile === undefined ? undefined : [...roots].filter((root) => activeFile.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];
  return [...roots].sort((a, b) => Number(b === owner) - Number(a === owner) || a.localeCompare(b));
}
