import ts from 'typescript';
import { analyzeFile } from '../../../analysis/file-analysis';
import type { FileAnalysis, RouteRegistration, UseRegistration } from '../../../analysis/types';
import { parseSource } from '../../../lint/parse';
import { basename, joinPath, relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { createModuleResolver } from '../../module-resolver';
import { findAppTarget, type AppTarget } from '../error-handler/app-target';
import { routesDir } from '../error-handler/layout';
import { resourceFiles } from '../resource/layout';
import { checkResourceName, resourceNames } from '../resource/names';
import type { GeneratorContext } from '../types';

/** A router / plugin module and where the app mounts it. */
export interface MountedModule {
  /** Absolute path of the module. */
  file: string;
  /** Relative to the project root. */
  relative: string;
  /** Mount path on the app (`/api/v1/products`); '' for a module mounted without a path. */
  mountPath: string;
  /** The app it is mounted on. */
  app: AppTarget;
  /** The registration on the app (`app.use('/x', router)` / `app.register(plugin, { prefix })`). */
  registration: UseRegistration;
  /** The module's own analysis (routes, uses, imports). */
  analysis: FileAnalysis;
}

/** The current text of a project file (ts-morph's when it was edited in this run). */
export function currentText(context: GeneratorContext, file: string): string | undefined {
  if (context.tree.read(file) === undefined) return undefined;
  return context.ast().getSourceFile(file).getFullText();
}

export function analyzeProjectFile(context: GeneratorContext, file: string): FileAnalysis {
  const text = currentText(context, file);
  if (text === undefined) throw new ScaffoldRefusalError(file, `Cannot read ${relativePath(context.root, file)}: the file does not exist.`);
  return analyzeFile(parseSource(file, text), context.flavour.framework);
}

export function resolverFor(context: GeneratorContext): (specifier: string, fromFile: string) => string | undefined {
  return createModuleResolver((path) => context.tree.exists(path), context.style.pathAliases);
}

/** The local names a registration argument refers to: `router`, `createProductsRouter` in `createProductsRouter()`. */
function referencedName(expression: ts.Expression): string | undefined {
  let current: ts.Expression = expression;
  for (;;) {
    if (ts.isIdentifier(current)) return current.text;
    if (ts.isCallExpression(current) || ts.isAwaitExpression(current) || ts.isParenthesizedExpression(current) || ts.isAsExpression(current)) {
      current = current.expression;
      continue;
    }
    return undefined;
  }
}

/** The app registrations (`use` / `register`) whose argument is imported from `file`. */
function registrationsOf(context: GeneratorContext, app: AppTarget, file: string): UseRegistration[] {
  const analysis = analyzeProjectFile(context, app.file);
  const resolve = resolverFor(context);
  return analysis.uses.filter((use) => {
    if (use.receiver !== app.name) return false;
    return use.args.some((argument) => {
      const name = referencedName(argument.expression);
      const binding = name ? analysis.imports.get(name) : undefined;
      return binding !== undefined && resolve(binding.module, app.file) === file;
    });
  });
}

/** Where the app mounts a router / plugin module; refuses when it is not mounted on the app directly. */
export function mountedModule(context: GeneratorContext, file: string): MountedModule {
  const app = findAppTarget(context);
  const relative = relativePath(context.root, file);
  const registration = registrationsOf(context, app, file)[0];
  if (!registration) {
    throw new ScaffoldRefusalError(
      file,
      `${relative} is not mounted on the app in ${app.relative}: ${context.flavour.framework === 'express' ? "app.use('/path', router)" : "app.register(plugin, { prefix: '/path' })"} must be in ${app.relative} (routers mounted inside other routers are not followed).`,
    );
  }
  if (registration.pathNode && registration.path === undefined) {
    throw new ScaffoldRefusalError(file, `The mount path of ${relative} in ${app.relative} is not a plain string (${registration.pathNode.getText()}).`);
  }
  return { file, relative, mountPath: normalizeMount(registration.path ?? ''), app, registration, analysis: analyzeProjectFile(context, file) };
}

function normalizeMount(path: string): string {
  if (path === '' || path === '/') return '';
  return `/${path.replace(/^\/+|\/+$/g, '')}`;
}

/** The module the app mounts at `mountPath`. */
function moduleAtMount(context: GeneratorContext, mountPath: string): string | undefined {
  const app = findAppTarget(context);
  const analysis = analyzeProjectFile(context, app.file);
  const resolve = resolverFor(context);
  const wanted = normalizeMount(mountPath);
  for (const use of analysis.uses) {
    if (use.receiver !== app.name || use.path === undefined || normalizeMount(use.path) !== wanted) continue;
    for (const argument of use.args) {
      const name = referencedName(argument.expression);
      const binding = name ? analysis.imports.get(name) : undefined;
      const resolved = binding ? resolve(binding.module, app.file) : undefined;
      if (resolved) return resolved;
    }
  }
  return undefined;
}

/**
 * A router / plugin module named by the user: a file path (`src/routes/orders.ts`), a mount path
 * (`/api/v1/orders`), or a name (`health`, `orders`, a resource's singular `product`).
 */
export function findModule(context: GeneratorContext, target: string): string {
  const trimmed = target.trim();
  const absolute = (relative: string) => joinPath(context.root, relative.replace(/^\.\//, ''));
  if (/\.[cm]?[jt]s$/.test(trimmed)) {
    const file = trimmed.startsWith('/') && context.tree.exists(trimmed) ? trimmed : absolute(trimmed);
    if (!context.tree.exists(file)) throw new ScaffoldRefusalError(file, `No file ${trimmed} in ${context.root}.`);
    return file;
  }
  if (trimmed.startsWith('/')) {
    const found = moduleAtMount(context, trimmed);
    if (!found) throw new ScaffoldRefusalError(context.root, `Nothing is mounted at ${trimmed} on the app: give the router file (e.g. src/routes/orders.ts) instead.`);
    return found;
  }
  const candidates: string[] = [];
  if (!checkResourceName(trimmed)) {
    for (const names of [safeNames(trimmed), safeNames(trimmed.replace(/s$/, ''))]) {
      if (names) candidates.push(resourceFiles(context, names).routes);
    }
    const dir = routesDir(context);
    candidates.push(`${dir}/${trimmed}.ts`, `${dir}/${trimmed}/index.ts`);
  }
  for (const candidate of candidates) {
    const file = absolute(candidate);
    if (context.tree.exists(file)) return file;
  }
  throw new ScaffoldRefusalError(
    context.root,
    `Cannot find what to test from "${target}": give a router / plugin file (src/routes/orders.ts), its mount path (/api/v1/orders) or a resource name. Looked for ${candidates.join(', ') || 'nothing'}.`,
  );
}

function safeNames(name: string) {
  try {
    return name.length > 0 && !checkResourceName(name) ? resourceNames(name) : undefined;
  } catch {
    return undefined;
  }
}

/** A readable name for test titles and file names: `products`, `health`, `orders`. */
export function moduleLabel(file: string): string {
  const name = basename(file).replace(/\.[cm]?[jt]s$/, '');
  const stem = name === 'index' ? basename(file.slice(0, file.lastIndexOf('/'))) : name;
  return stem.replace(/\.(router|routes|route|controller|plugin)$/, '');
}

/** The full path of a route of a mounted module. */
export function fullPath(mountPath: string, routePath: string | undefined): string {
  const local = routePath ?? '/';
  if (local === '/' || local === '') return mountPath || '/';
  return `${mountPath}${local.startsWith('/') ? '' : '/'}${local}`;
}

export type { RouteRegistration };
