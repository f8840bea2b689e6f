import ts from 'typescript';
import { joinPath, relativePath } from '../../model/paths';
import { unwrap } from './syntax-utils';
import type { Interpreter } from './interpreter';
import type { ModuleSummary } from './module-summary';
import type { Registrar } from './registrar';
import { UNKNOWN, type Frame, type Instance, type Value } from './values';

// @fastify/autoload's own defaults (index.js), so folders load the way the plugin loads them.
const SCRIPT_PATTERN = /(?:(?:^.?|\.[^d]|[^.]d|[^.][^d])\.ts|\.js|\.cjs|\.mjs|\.cts|\.mts)$/i;
const INDEX_PATTERN = /^index(?:\.ts|\.js|\.cjs|\.mjs|\.cts|\.mts)$/i;
const AUTOHOOKS_PATTERN = /^[_.]?auto_?hooks(?:\.ts|\.js|\.cjs|\.mjs|\.cts|\.mts)$/i;

interface AutoloadOptions {
  dir: string;
  dirNameRoutePrefix: boolean;
  autoHooks: boolean;
  cascadeHooks: boolean;
  overwriteHooks: boolean;
  routeParams: boolean;
  encapsulate: boolean;
  maxDepth?: number;
  ignorePattern?: RegExp;
  indexPattern: RegExp;
  autoHooksPattern: RegExp;
  matchFilter?: RegExp | string;
  ignoreFilter?: RegExp | string;
  /** `options.prefix`, prepended to every folder prefix. */
  prefix?: string;
  pluginOptions: Value;
}

interface FolderNode {
  hooks: string[];
  plugins: { file: string; prefix?: string }[];
}

/**
 * `register(autoload, { dir, … })`: walks the folder the way @fastify/autoload does (folder names
 * become prefixes, an index file stands for its folder, `autohooks` files wrap their folder's
 * plugins, `_param` folders become `:param` with `routeParams`) and registers each file's plugin.
 * Returns false when the folder cannot be told statically.
 */
export function registerAutoload(rt: Interpreter, registrar: Registrar, parent: Instance, options: Value, call: ts.CallExpression, frame: Frame): boolean {
  const settings = readOptions(rt, registrar, options, frame);
  if (!settings) return false;
  const tree = new Map<string, FolderNode>();
  buildTree(rt, settings, tree, settings.dir, undefined, 0, []);
  for (const node of tree.values()) {
    let target = parent;
    if (node.hooks.length > 0) {
      target = registrar.child(parent, undefined, call, frame, 'autohooks');
      for (const file of node.hooks) {
        const module = rt.summaryOf(file);
        const hook = module ? rt.unwrapModule(rt.moduleDefault(module)) : UNKNOWN;
        const fn = hook.kind === 'plugin' ? rt.unwrapModule(hook.inner) : hook;
        if (fn.kind === 'function') rt.runPlugin(fn, target, UNKNOWN, call);
      }
    }
    for (const plugin of node.plugins) registerFile(rt, registrar, settings, target, plugin, call, frame);
  }
  return true;
}

function registerFile(rt: Interpreter, registrar: Registrar, settings: AutoloadOptions, target: Instance, plugin: { file: string; prefix?: string }, call: ts.CallExpression, frame: Frame): void {
  const module = rt.summaryOf(plugin.file);
  if (!module) return;
  if (literalExport(module, 'autoload')?.kind === ts.SyntaxKind.FalseKeyword) return;
  const autoPrefix = stringExport(rt, module, 'autoPrefix');
  const prefixOverride = stringExport(rt, module, 'prefixOverride');
  const folderPrefix = autoPrefix ?? plugin.prefix;
  let prefix: string | undefined = settings.prefix;
  if (prefixOverride !== undefined) prefix = prefixOverride;
  else if (folderPrefix) prefix = (settings.prefix ?? '') + folderPrefix.replace(/\/+/g, '/');
  if (settings.routeParams && prefix) prefix = /__/.test(prefix) ? prefix.replace(/__/g, ':') : prefix.replace(/\/_/g, '/:');
  let value = rt.moduleDefault(module);
  if (!settings.encapsulate && value.kind === 'function') value = { kind: 'plugin', inner: value, skipOverride: true, module, call };
  registrar.registerPlugin(target, undefined, value, prefix, settings.pluginOptions, call, frame, relativePath(settings.dir, plugin.file));
}

function readOptions(rt: Interpreter, registrar: Registrar, options: Value, frame: Frame): AutoloadOptions | undefined {
  const dir = rt.objectProperty(options, 'dir');
  if (!dir || dir.value.kind !== 'string' || !dir.value.value.startsWith('/')) return undefined;
  const literal = (name: string): ts.Node | undefined => {
    const entry = rt.objectProperty(options, name);
    return entry && ts.isExpression(entry.node) ? unwrap(entry.node) : entry?.node;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const node = literal(name);
    if (node?.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node?.kind === ts.SyntaxKind.FalseKeyword) return false;
    return fallback;
  };
  const pattern = (name: string): RegExp | undefined => {
    const node = literal(name);
    if (node && ts.isRegularExpressionLiteral(node)) return regexOf(node.text);
    const value = rt.objectProperty(options, name)?.value;
    if (value?.kind === 'string') return safeRegExp(value.value, '');
    return undefined;
  };
  const filter = (name: string): RegExp | string | undefined => {
    const node = literal(name);
    if (node && ts.isRegularExpressionLiteral(node)) return regexOf(node.text);
    const value = rt.objectProperty(options, name)?.value;
    return value?.kind === 'string' ? value.value : undefined;
  };
  const depthNode = literal('maxDepth');
  const pluginOptions = rt.objectProperty(options, 'options')?.value ?? UNKNOWN;
  const prefix = registrar.stringOption(pluginOptions, 'prefix', frame);
  return {
    dir: dir.value.value,
    // A rewrite function cannot be evaluated statically; folder names are the best guess.
    dirNameRoutePrefix: flag('dirNameRoutePrefix', true),
    autoHooks: flag('autoHooks', false),
    cascadeHooks: flag('cascadeHooks', false),
    overwriteHooks: flag('overwriteHooks', false),
    routeParams: flag('routeParams', false),
    encapsulate: flag('encapsulate', true),
    maxDepth: depthNode && ts.isNumericLiteral(depthNode) ? Number(depthNode.text) : undefined,
    ignorePattern: pattern('ignorePattern'),
    indexPattern: pattern('indexPattern') ?? INDEX_PATTERN,
    autoHooksPattern: pattern('autoHooksPattern') ?? AUTOHOOKS_PATTERN,
    matchFilter: filter('matchFilter'),
    ignoreFilter: filter('ignoreFilter'),
    prefix: prefix?.endsWith('/') ? prefix.slice(0, -1) : prefix,
    pluginOptions,
  };
}

function buildTree(rt: Interpreter, settings: AutoloadOptions, tree: Map<string, FolderNode>, dir: string, prefix: string | undefined, depth: number, inherited: string[]): void {
  const node: FolderNode = tree.get(dir) ?? { hooks: [], plugins: [] };
  tree.set(dir, node);
  const entries = rt.options.readDirectory(dir);
  let hooks: string[] = [];
  if (settings.autoHooks) {
    hooks = [...inherited];
    const hookFile = entries.files.find((name) => settings.autoHooksPattern.test(name));
    if (hookFile) {
      if (settings.overwriteHooks) hooks = [];
      hooks.push(joinPath(dir, hookFile));
    }
    node.hooks = hooks;
  }
  const index = entries.files.find((name) => settings.indexPattern.test(name));
  if (index) {
    accumulate(settings, node, joinPath(dir, index), prefix);
    if (entries.directories.length === 0) return;
  } else if (entries.files.includes('package.json')) {
    return;
  }
  const names = [...entries.files.map((name) => ({ name, directory: false })), ...entries.directories.map((name) => ({ name, directory: true }))];
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = joinPath(dir, entry.name);
    if (settings.ignorePattern && settings.ignorePattern.test(relativePath(settings.dir, path))) continue;
    const atMaxDepth = settings.maxDepth !== undefined && settings.maxDepth <= depth;
    if (entry.directory) {
      if (atMaxDepth || entry.name === 'node_modules') continue;
      const crumb = (prefix ? `${prefix}/` : '/') + (settings.dirNameRoutePrefix ? entry.name : '');
      buildTree(rt, settings, tree, path, crumb, depth + 1, settings.autoHooks && settings.cascadeHooks ? hooks : []);
    } else if (!index && SCRIPT_PATTERN.test(entry.name) && !settings.autoHooksPattern.test(entry.name)) {
      accumulate(settings, node, path, prefix);
    }
  }
}

function accumulate(settings: AutoloadOptions, node: FolderNode, file: string, prefix: string | undefined): void {
  const relative = `/${relativePath(settings.dir, file)}`;
  if (settings.matchFilter !== undefined && !matches(relative, settings.matchFilter)) return;
  if (settings.ignoreFilter !== undefined && matches(relative, settings.ignoreFilter)) return;
  node.plugins.push({ file, prefix });
}

function matches(path: string, filter: RegExp | string): boolean {
  return typeof filter === 'string' ? path.includes(filter) : filter.test(path);
}

function regexOf(literal: string): RegExp | undefined {
  const close = literal.lastIndexOf('/');
  return safeRegExp(literal.slice(1, close), literal.slice(close + 1).replace(/[gy]/g, ''));
}

function safeRegExp(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

function literalExport(module: ModuleSummary, name: string): ts.Node | undefined {
  const entry = module.exports.get(name);
  if (entry?.kind === 'expression') return unwrap(entry.expression);
  if (entry?.kind === 'declaration' && ts.isVariableDeclaration(entry.node) && entry.node.initializer) return unwrap(entry.node.initializer);
  return undefined;
}

function stringExport(rt: Interpreter, module: ModuleSummary, name: string): string | undefined {
  if (!module.exports.has(name)) return undefined;
  const value = rt.exportOf(module, name);
  return value.kind === 'string' ? value.value : undefined;
}
