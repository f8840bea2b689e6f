import { Node, type SourceFile } from 'ts-morph';
import ts from 'typescript';
import { analyzeFile } from '../../../analysis/file-analysis';
import type { AppDeclaration } from '../../../analysis/types';
import { parseSource } from '../../../lint/parse';
import type { Framework } from '../../../model/rule-meta';
import { basename, relativePath } from '../../../model/paths';
import { ScaffoldRefusalError } from '../../errors';
import { resolveAppScope } from '../../transforms/app-scope';
import { diffTexts } from '../../line-diff';
import { discoverSourceFiles } from '../../source-files';
import type { GeneratorContext } from '../types';
import { configureFunctionBinding, findConfigureFunction, type ConfigureFunction } from './configure-function';

/**
 * The app a generator registers on: the file and the variable the app is bound to. Held as names,
 * not nodes, because an insertion may make ts-morph forget a file's nodes; `appNode` finds the
 * creation call again in the file's current text.
 */
export interface AppTarget {
  /** Absolute path. */
  file: string;
  /** Path relative to the project root, for imports and messages. */
  relative: string;
  framework: Framework;
  /** The variable name (`app`, `server`, `fastify`). */
  name: string;
  /** Which of the file's apps with this name (two functions may both declare `app`). */
  ordinal: number;
  /**
   * `plugin`: no `fastify()` call in the project; the app is the instance parameter of the
   * exported root plugin (fastify-cli's `src/app.ts`: `const app: FastifyPluginAsync = async (fastify, opts) => …`),
   * which `fastify start` and the test helper register on the instance they create.
   *
   * `configure-function`: the Express app is created elsewhere and handed to a function of the
   * project that registers its routes, and its 404 fallback / error handlers (bulletproof-nodejs'
   * `src/loaders/express.ts`: `export default ({ app }) => { … }`); registrations go inside that
   * function, `file` is its module, `name` the app's name there and `configure` which parameter.
   */
  form?: 'instance' | 'plugin' | 'configure-function';
  /** With `form: 'configure-function'`: the function's export and the parameter the app arrives in. */
  configure?: Omit<ConfigureFunction, 'file'>;
}

const FRAMEWORK_LABEL: Record<Framework, string> = { express: 'Express app (express())', fastify: 'Fastify instance (fastify())' };
const PREFERRED_FILES = ['app', 'index', 'server', 'main'];

function isRootApp(app: AppDeclaration, framework: Framework): boolean {
  if (!app.creation) return false;
  return framework === 'express' ? app.kind === 'express-app' : app.kind === 'fastify';
}

function appsIn(text: string, path: string, framework: Framework): AppDeclaration[] {
  return analyzeFile(parseSource(path, text), framework).apps.filter((app) => isRootApp(app, framework));
}

/** Maps an offset of `original` to the same place in `updated` (undefined when that text was rewritten). */
export function mapOffset(original: string, updated: string, offset: number): number | undefined {
  if (original === updated) return offset;
  let delta = 0;
  for (const edit of diffTexts(original, updated)) {
    if (edit.end <= offset) delta += edit.newText.length - (edit.end - edit.start);
    else if (edit.start <= offset) return undefined;
  }
  // Sanity check: the mapped text starts the same way.
  const mapped = offset + delta;
  return updated.slice(mapped, mapped + 8) === original.slice(offset, offset + 8) ? mapped : undefined;
}

/** The current text of a file: ts-morph's (which may hold edits not yet flushed) when loaded, else the tree's. */
function currentText(context: GeneratorContext, file: string): string | undefined {
  return context.tree.read(file) === undefined ? undefined : context.ast().getSourceFile(file).getFullText();
}

function targetAt(context: GeneratorContext, file: string, text: string, offset: number, framework: Framework): AppTarget | undefined {
  const apps = appsIn(text, file, framework);
  const app = apps.find((candidate) => candidate.creation!.getStart() === offset);
  if (!app) return undefined;
  const sameName = apps.filter((candidate) => candidate.name === app.name);
  return { file, relative: relativePath(context.root, file), framework, name: app.name, ordinal: sameName.indexOf(app) };
}

/** Files created in this run (a new project's app exists only in the tree). */
function createdFiles(context: GeneratorContext): string[] {
  return context.tree
    .listChanges()
    .filter((change) => change.kind === 'create')
    .map((change) => change.path);
}

/**
 * Finds the app to register on: from the route graph when it knows the project's apps (the app
 * with the most routes), else from the project's source files (app.ts / index.ts / server.ts /
 * main.ts first). Refuses with a clear message when there is none.
 */
export function findAppTarget(context: GeneratorContext): AppTarget {
  const framework = context.flavour.framework;
  const graphApps = (context.graph()?.apps ?? []).filter((app) => (framework === 'express' ? app.kind === 'express-app' : app.kind === 'fastify'));
  const ranked = [...graphApps].sort((a, b) => b.routes.length - a.routes.length);
  for (const app of ranked) {
    const original = context.tree.host.readFile(app.at.file);
    const text = currentText(context, app.at.file);
    if (original === undefined || text === undefined) continue;
    const offset = mapOffset(original, text, app.at.start);
    if (offset === undefined) continue;
    const target = targetAt(context, app.at.file, text, offset, framework);
    if (target) return configuredElsewhere(context, target);
  }

  const candidates = [...new Set([...createdFiles(context), ...discoverSourceFiles(context.root, context.tree.host, 2000)])]
    .filter((file) => /\.[cm]?ts$/.test(file) && !/\.d\.[cm]?ts$/.test(file) && !/\.(test|spec)\.[cm]?ts$/.test(file) && !/\/(test|tests|__tests__)\//.test(file))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of candidates) {
    const text = context.tree.read(file);
    if (text === undefined) continue;
    const apps = appsIn(text, file, framework);
    if (apps.length === 0) continue;
    const app = apps[0];
    return configuredElsewhere(context, {
      file,
      relative: relativePath(context.root, file),
      framework,
      name: app.name,
      ordinal: apps.filter((candidate) => candidate.name === app.name).indexOf(app),
    });
  }
  if (framework === 'fastify') {
    for (const file of candidates) {
      const target = rootPluginTarget(context, file);
      if (target) return target;
    }
  }
  throw new ScaffoldRefusalError(
    context.root,
    `No ${FRAMEWORK_LABEL[framework]} found in ${context.root}: Routewise registers on the app where it is created. Create one (or run the project generator), then try again.`,
  );
}

/**
 * The function the Express app is configured in, when the app is handed to one that registers its
 * routes and closes them with a 404 / error handler (registrations appended where the app is
 * created would come after those), or registers the only routes; else the target itself.
 */
function configuredElsewhere(context: GeneratorContext, target: AppTarget): AppTarget {
  if (target.framework !== 'express' || target.form !== undefined) return target;
  const { node } = appNode(context, target);
  const found = findConfigureFunction(context, target.file, resolveAppScope(node));
  if (!found) return target;
  const binding = configureFunctionBinding(context.ast().getSourceFile(found.file), found);
  if (!binding) return target;
  const { file, ...configure } = found;
  return { file, relative: relativePath(context.root, file), framework: 'express', name: resolveAppScope(binding).name, ordinal: 0, form: 'configure-function', configure };
}

function rank(file: string): number {
  const name = basename(file).replace(/\.[cm]?ts$/, '');
  const inSrc = /\/src\/[^/]+$/.test(file) ? 0 : 10;
  const preferred = PREFERRED_FILES.indexOf(name);
  return inSrc + (preferred === -1 ? PREFERRED_FILES.length : preferred);
}

interface PluginParameter {
  name: string;
  parameter: ts.ParameterDeclaration;
}

const PLUGIN_TYPES = /^(FastifyPluginAsync|FastifyPluginCallback)$/;

/**
 * Plugin functions of a file, by their instance parameter: `const app: FastifyPluginAsync = async
 * (fastify, opts) => …`, `async function app(fastify: FastifyInstance)`.
 */
function pluginParametersIn(text: string, path: string): PluginParameter[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: PluginParameter[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && node.parameters.length > 0) {
      const parameter = node.parameters[0];
      const typeName = (type: ts.TypeNode | undefined) => (type && ts.isTypeReferenceNode(type) ? type.typeName.getText(source).split('.').pop() : undefined);
      const holder = ts.isVariableDeclaration(node.parent) && node.parent.initializer === node ? node.parent : undefined;
      const isPlugin = typeName(parameter.type) === 'FastifyInstance' || PLUGIN_TYPES.test(typeName(holder?.type) ?? '');
      if (isPlugin && ts.isIdentifier(parameter.name)) found.push({ name: parameter.name.text, parameter });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The exported name of the function declaring `parameter` (`default` for `export default app`), if exported. */
function exportOfPlugin(source: ts.SourceFile, parameter: ts.ParameterDeclaration): string | undefined {
  const fn = parameter.parent;
  let local: string | undefined;
  if (ts.isFunctionDeclaration(fn)) {
    if (fn.name === undefined) return undefined;
    if (ts.getModifiers(fn)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      return ts.getModifiers(fn)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) ? 'default' : fn.name.text;
    }
    local = fn.name.text;
  } else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) && fn.parent.initializer === fn) {
    local = fn.parent.name.text;
    const statement = fn.parent.parent.parent;
    if (ts.isVariableStatement(statement) && statement.parent === source && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return local;
  }
  if (local === undefined) return undefined;
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression) && statement.expression.text === local) return 'default';
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const element = statement.exportClause.elements.find((candidate) => (candidate.propertyName ?? candidate.name).text === local);
      if (element) return element.name.text;
    }
  }
  return undefined;
}

/** Whether the plugin registers `@fastify/autoload` on its instance (the project's root plugin). */
function registersAutoload(source: ts.SourceFile, parameter: ts.ParameterDeclaration, autoloadNames: ReadonlySet<string>): boolean {
  const name = parameter.name.getText(source);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'register' &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === name &&
      node.arguments[0] !== undefined &&
      ts.isIdentifier(node.arguments[0]) &&
      autoloadNames.has(node.arguments[0].text)
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  const fn = parameter.parent;
  if ('body' in fn && fn.body) visit(fn.body);
  return found;
}

/** Local names bound to `@fastify/autoload` in a file. */
function autoloadBindings(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== '@fastify/autoload') continue;
    const clause = statement.importClause;
    if (clause?.name) names.add(clause.name.text);
    if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) if ((element.propertyName ?? element.name).text === 'default') names.add(element.name.text);
    }
    if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.add(clause.namedBindings.name.text);
  }
  return names;
}

/**
 * A project without a `fastify()` call whose app file exports the root plugin (fastify-cli's
 * layout): the exported plugin function that registers @fastify/autoload, else the exported
 * plugin of a conventional app file (src/app.ts, src/index.ts, …) directly under src/.
 */
function rootPluginTarget(context: GeneratorContext, file: string): AppTarget | undefined {
  const text = context.tree.read(file);
  if (text === undefined) return undefined;
  const plugins = pluginParametersIn(text, file);
  if (plugins.length === 0) return undefined;
  const source = plugins[0].parameter.getSourceFile();
  const autoloads = autoloadBindings(source);
  const exported = plugins.filter((entry) => exportOfPlugin(source, entry.parameter) !== undefined);
  const chosen =
    exported.find((entry) => autoloads.size > 0 && registersAutoload(source, entry.parameter, autoloads)) ??
    (rank(file) < PREFERRED_FILES.length && exported.length === 1 ? exported[0] : undefined);
  if (!chosen) return undefined;
  const sameName = plugins.filter((candidate) => candidate.name === chosen.name);
  return { file, relative: relativePath(context.root, file), framework: 'fastify', name: chosen.name, ordinal: sameName.indexOf(chosen), form: 'plugin' };
}

/** The app's creation call (`express()` / `Fastify({…})`) in the file's current ts-morph tree; a root plugin's instance parameter. */
export function appNode(context: GeneratorContext, target: AppTarget): { sourceFile: SourceFile; node: Node } {
  const sourceFile = context.ast().getSourceFile(target.file);
  if (target.form === 'configure-function') {
    const binding = target.configure ? configureFunctionBinding(sourceFile, { file: target.file, ...target.configure }) : undefined;
    if (!binding) throw new ScaffoldRefusalError(target.file, `Cannot find the function configuring ${target.name} in ${target.relative} any more.`);
    return { sourceFile, node: binding };
  }
  if (target.form === 'plugin') {
    const plugins = pluginParametersIn(sourceFile.getFullText(), target.file).filter((app) => app.name === target.name);
    const plugin = plugins[target.ordinal] ?? plugins[0];
    let declaration: Node | undefined = plugin ? sourceFile.getDescendantAtPos(plugin.parameter.getStart()) : undefined;
    while (declaration && !Node.isParameterDeclaration(declaration)) declaration = declaration.getParent();
    if (!declaration) {
      throw new ScaffoldRefusalError(target.file, `Cannot find the root plugin taking ${target.name} in ${target.relative} any more.`);
    }
    return { sourceFile, node: declaration };
  }
  const apps = appsIn(sourceFile.getFullText(), target.file, target.framework).filter((app) => app.name === target.name);
  const app = apps[target.ordinal] ?? apps[0];
  if (!app) {
    throw new ScaffoldRefusalError(target.file, `Cannot find the app ${target.name} in ${target.relative} any more.`);
  }
  const start = app.creation!.getStart();
  const node = sourceFile.getDescendantAtPos(start);
  let current: Node | undefined = node;
  while (current && !(current.getStart() === start && (current.getKindName() === 'CallExpression' || current.getKindName() === 'NewExpression'))) {
    current = current.getParent();
  }
  if (!current) throw new ScaffoldRefusalError(target.file, `Cannot find the creation of ${target.name} in ${target.relative}.`);
  return { sourceFile, node: current };
}
