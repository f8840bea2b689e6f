import ts from 'typescript';
import type { FileAnalysis } from '../../analysis/types';
import { isFunctionLike, memberPath, unwrapExpression } from '../../analysis/syntax';
import { parseSource } from '../../lint/parse';
import { editsFile, generatorFix, type ScaffoldBridge } from '../../lint/scaffold-bridge';
import type { FileChange, TextEdit } from '../../model/edit';
import type { FileSystemHost } from '../../model/file-system';
import { dirname, extname, joinPath, relativePath } from '../../model/paths';
import { moduleSystemOfFile } from '../../project/detect';
import type { ProjectInfo } from '../../project/project-info';
import { importInsertion, usesRequire } from './module-import';
import { envReadName, propertyNameText } from './secret-sinks';
import { indentationAt, quoted, semi, sourceStyle } from './source-style';

/**
 * The quick fix of `hardcoded-secret`: read the value from an environment variable — through the
 * project's config module when it has one, else through a small fail-fast `requireEnv` helper in the
 * file — and list the variable (never its value) in `.env.example`.
 *
 * `moveSecretToEnv` is the one entry point rules call. With the scaffold bridge (RuleContext.scaffold)
 * the generators do it their way first: the variable joins the zod env schema of the config module
 * (the `config` generator creates one when there is none), `.env.example` lists it, and the secret
 * becomes `config.NAME`. When they refuse (a JavaScript project, a config module of another shape
 * — which `configRead` below may still handle) the built-in fix applies.
 */

export interface MoveSecretRequest {
  fileName: string;
  sourceFile: ts.SourceFile;
  analysis: FileAnalysis;
  project: ProjectInfo;
  host: FileSystemHost;
  /** The environment variable to read, e.g. JWT_SECRET. */
  envName: string;
  /** What to replace by the read: the literal, or a whole `process.env.X || 'literal'`. */
  replace: ts.Expression;
  /** The generators (RuleContext.scaffold); without them only the built-in fix applies. */
  scaffold?: ScaffoldBridge;
}

/** The fix-only generator of the scaffold engine (src/core/scaffold/fixes/move-secret.ts). */
const MOVE_SECRET_GENERATOR = 'move-secret-to-config';

/** The changes that move a hardcoded secret into an environment variable. */
export function moveSecretToEnv(request: MoveSecretRequest): FileChange[] {
  const generated = generatorFix(request.scaffold, {
    generatorId: MOVE_SECRET_GENERATOR,
    options: {
      file: request.fileName,
      start: request.replace.getStart(request.sourceFile),
      end: request.replace.getEnd(),
      // The generator refuses when the file no longer holds this text at those offsets.
      expected: request.replace.getText(request.sourceFile),
      name: request.envName,
    },
    cwd: request.project.root,
    accept: editsFile(request.fileName),
  });
  if (generated) return generated;
  const changes: FileChange[] = [];
  const config = findConfigModule(request.host, request.project.root);
  const viaConfig = config && config.path !== request.fileName ? configRead(request, config) : undefined;
  if (viaConfig) {
    changes.push({ kind: 'edit', path: request.fileName, edits: viaConfig.edits });
    if (viaConfig.configChange) changes.push(viaConfig.configChange);
  } else {
    changes.push({ kind: 'edit', path: request.fileName, edits: requireEnvEdits(request) });
  }
  const example = envExampleChange(request.host, request.project.root, request.envName);
  if (example) changes.push(example);
  return changes;
}

// ---------------------------------------------------------------------------------------------
// .env.example

const ENV_EXAMPLE_NAMES = ['.env.example', '.env.sample', '.env.template', 'example.env'];

/** Adds `NAME=` to the project's `.env.example` (created when missing); undefined when already listed. */
export function envExampleChange(host: FileSystemHost, root: string, envName: string): FileChange | undefined {
  const existing = ENV_EXAMPLE_NAMES.map((name) => joinPath(root, name)).find((path) => host.fileExists(path));
  const path = existing ?? joinPath(root, '.env.example');
  const text = existing ? (host.readFile(existing) ?? '') : undefined;
  if (text === undefined) return { kind: 'create', path, content: `${envName}=\n` };
  if (new RegExp(`^\\s*(?:export\\s+)?${envName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`, 'm').test(text)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return { kind: 'edit', path, edits: [{ start: text.length, end: text.length, newText: `${separator}${envName}=${eol}` }] };
}

// ---------------------------------------------------------------------------------------------
// The project's config module

const CONFIG_CANDIDATES = ['src/config', 'src/config/index', 'src/env', 'src/config/env', 'src/config/config', 'src/lib/env', 'src/lib/config', 'config/index', 'config'];
const SCRIPT_EXTENSIONS = ['.ts', '.js', '.mts', '.mjs', '.cts', '.cjs'];
const EXPORT_NAMES = /^(config|env|appConfig|envConfig|environment|CONFIG|ENV)$/;

export interface ConfigModule {
  path: string;
  sourceFile: ts.SourceFile;
  /** How it exports its object: `export const config`, `export default`, `module.exports =`. */
  exportKind: 'named' | 'default' | 'commonjs';
  /** The exported name, or the name to import a default / CJS export as. */
  name: string;
  /** The exported value's expression (through a local `const config = …`). */
  value: ts.Expression;
}

/** The first conventional config module (src/config.ts, src/config/index.ts, src/env.ts, …) that exports a config or env object. */
export function findConfigModule(host: FileSystemHost, root: string): ConfigModule | undefined {
  for (const candidate of CONFIG_CANDIDATES) {
    for (const extension of SCRIPT_EXTENSIONS) {
      const path = joinPath(root, candidate + extension);
      if (!host.fileExists(path)) continue;
      const text = host.readFile(path);
      if (text === undefined) continue;
      const found = exportedConfig(path, parseSource(path, text));
      if (found) return found;
    }
  }
  return undefined;
}

function exportedConfig(path: string, sourceFile: ts.SourceFile): ConfigModule | undefined {
  const locals = new Map<string, ts.Expression>();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const exported = statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      locals.set(declaration.name.text, declaration.initializer);
      if (exported && EXPORT_NAMES.test(declaration.name.text)) {
        return { path, sourceFile, exportKind: 'named', name: declaration.name.text, value: declaration.initializer };
      }
    }
  }
  const resolve = (expression: ts.Expression): ts.Expression => {
    const value = unwrapExpression(expression);
    return ts.isIdentifier(value) ? (locals.get(value.text) ?? value) : value;
  };
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      const name = ts.isIdentifier(unwrapExpression(statement.expression)) ? (unwrapExpression(statement.expression) as ts.Identifier).text : 'config';
      return { path, sourceFile, exportKind: 'default', name, value: resolve(statement.expression) };
    }
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (memberPath(statement.expression.left)?.join('.') === 'module.exports') {
        const right = unwrapExpression(statement.expression.right);
        const name = ts.isIdentifier(right) ? right.text : 'config';
        return { path, sourceFile, exportKind: 'commonjs', name: EXPORT_NAMES.test(name) ? name : 'config', value: resolve(right) };
      }
    }
  }
  return undefined;
}

interface ConfigRead {
  edits: TextEdit[];
  configChange?: FileChange;
}

/** Replaces the secret by a read of the config module's property for the variable, importing the module. */
function configRead(request: MoveSecretRequest, config: ConfigModule): ConfigRead | undefined {
  const located = locateInConfig(config, request.envName);
  if (!located) return undefined;
  const sourceFile = request.sourceFile;
  const style = sourceStyle(sourceFile);
  const edits: TextEdit[] = [];
  const specifier = importSpecifier(request, config.path);
  let local = existingImport(request, config, specifier);
  if (!local) {
    local = config.name;
    if (nameIsTaken(sourceFile, local)) return undefined;
    const q = (text: string): string => quoted(text, style);
    const cjs = usesRequire({ fileName: request.fileName, sourceFile, analysis: request.analysis, project: request.project });
    let statement: string;
    if (config.exportKind === 'named') {
      statement = cjs ? `const { ${local} } = require(${q(specifier)})${semi(style)}` : `import { ${local} } from ${q(specifier)}${semi(style)}`;
    } else {
      statement = cjs ? `const ${local} = require(${q(specifier)})${semi(style)}` : `import ${local} from ${q(specifier)}${semi(style)}`;
    }
    edits.push(importInsertion(sourceFile, statement));
  }
  const assertion = isTypeScriptFile(request.fileName) && located.maybeUndefined ? '!' : '';
  edits.push({ start: request.replace.getStart(sourceFile), end: request.replace.getEnd(), newText: `${local}.${located.path}${assertion}` });
  return { edits, configChange: located.change };
}

interface LocatedSetting {
  /** Property path after the exported name: `jwt.secret`, `JWT_SECRET`. */
  path: string;
  /** A raw `process.env.X` read, typed `string | undefined` in TypeScript. */
  maybeUndefined: boolean;
  /** The edit to the config module that adds the variable to its schema. */
  change?: FileChange;
}

/** Where the config module exposes the variable; adds it to a zod / envalid schema when the module has one. */
function locateInConfig(config: ConfigModule, envName: string): LocatedSetting | undefined {
  const value = unwrapExpression(config.value);
  if (ts.isObjectLiteralExpression(value)) {
    const found = findSettingPath(value, envName, []);
    if (found) return found;
  }
  const schema = findEnvSchema(config.sourceFile);
  if (!schema || !exposesSchemaKeys(value)) return undefined;
  for (const property of schema.object.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === envName) return { path: envName, maybeUndefined: false };
  }
  return { path: envName, maybeUndefined: false, change: { kind: 'edit', path: config.path, edits: [schemaEntryEdit(config.sourceFile, schema, envName)] } };
}

/** The property path in an exported object literal whose value reads the variable. */
function findSettingPath(object: ts.ObjectLiteralExpression, envName: string, prefix: string[]): LocatedSetting | undefined {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = propertyNameText(property.name);
    if (!key || !/^[A-Za-z_$][\w$]*$/.test(key)) continue;
    const init = unwrapExpression(property.initializer);
    if (ts.isObjectLiteralExpression(init)) {
      const nested = findSettingPath(init, envName, [...prefix, key]);
      if (nested) return nested;
      continue;
    }
    if (readsVariable(init, envName)) {
      const raw = envReadName(init) === envName && !ts.isNonNullExpression(property.initializer) && !ts.isAsExpression(property.initializer);
      return { path: [...prefix, key].join('.'), maybeUndefined: raw };
    }
  }
  return undefined;
}

/** `process.env.X`, `envVars.X`, `env['X']`, possibly inside `Number(…)`, `… || default`. */
function readsVariable(expression: ts.Expression, envName: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === envName) found = true;
    else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === envName) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

interface EnvSchema {
  kind: 'zod' | 'envalid';
  object: ts.ObjectLiteralExpression;
  /** The local name of zod's `z`, or of envalid's `str`. */
  helper: string;
}

/** `z.object({ NODE_ENV: …, PORT: … })` or `cleanEnv(process.env, { … })` with UPPER_CASE keys. */
function findEnvSchema(sourceFile: ts.SourceFile): EnvSchema | undefined {
  const zodLocal = importedLocal(sourceFile, ['zod', 'zod/v4', 'zod/v3'], ['z', 'default', '*']);
  const envalidCleanEnv = importedLocal(sourceFile, ['envalid'], ['cleanEnv']);
  const envalidStr = importedLocal(sourceFile, ['envalid'], ['str']);
  let found: EnvSchema | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = memberPath(node.expression)?.join('.');
      const first = node.arguments[0] ? unwrapExpression(node.arguments[0]) : undefined;
      const second = node.arguments[1] ? unwrapExpression(node.arguments[1]) : undefined;
      if (zodLocal && callee === `${zodLocal}.object` && first && ts.isObjectLiteralExpression(first) && hasEnvKeys(first)) {
        found = { kind: 'zod', object: first, helper: zodLocal };
        return;
      }
      if (envalidCleanEnv && envalidStr && callee === envalidCleanEnv && second && ts.isObjectLiteralExpression(second)) {
        found = { kind: 'envalid', object: second, helper: envalidStr };
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function hasEnvKeys(object: ts.ObjectLiteralExpression): boolean {
  const keys = object.properties.map((property) => (property.name ? propertyNameText(property.name) : undefined));
  return keys.length > 0 && keys.every((key) => key !== undefined && /^[A-Z][A-Z0-9_]*$/.test(key));
}

/** Whether the exported value carries the schema's keys: `schema.parse(process.env)`, `cleanEnv(…)`, `{ ...parsed.data, … }`. */
function exposesSchemaKeys(value: ts.Expression): boolean {
  if (ts.isCallExpression(value)) {
    const callee = memberPath(value.expression);
    const last = callee?.[callee.length - 1];
    return last === 'parse' || last === 'cleanEnv';
  }
  if (ts.isPropertyAccessExpression(value)) return value.name.text === 'data';
  if (ts.isObjectLiteralExpression(value)) return value.properties.some((property) => ts.isSpreadAssignment(property));
  return false;
}

function schemaEntryEdit(sourceFile: ts.SourceFile, schema: EnvSchema, envName: string): TextEdit {
  const style = sourceStyle(sourceFile);
  const entry = schema.kind === 'zod' ? `${envName}: ${schema.helper}.string().min(1)` : `${envName}: ${schema.helper}()`;
  const properties = schema.object.properties;
  const last = properties[properties.length - 1];
  const text = sourceFile.text;
  const multiline = text.slice(schema.object.getStart(sourceFile), schema.object.getEnd()).includes('\n');
  if (!multiline) {
    return { start: last.getEnd(), end: last.getEnd(), newText: `, ${entry}` };
  }
  const indent = indentationAt(text, last.getStart(sourceFile));
  if (properties.hasTrailingComma) {
    const comma = text.indexOf(',', last.getEnd());
    return { start: comma + 1, end: comma + 1, newText: `${style.eol}${indent}${entry},` };
  }
  return { start: last.getEnd(), end: last.getEnd(), newText: `,${style.eol}${indent}${entry}` };
}

function importedLocal(sourceFile: ts.SourceFile, modules: string[], names: string[]): string | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !modules.includes(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (!clause) continue;
    if (clause.name && names.includes('default')) return clause.name.text;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings) && names.includes('*')) return bindings.name.text;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if (names.includes((element.propertyName ?? element.name).text)) return element.name.text;
      }
    }
  }
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
      const arg = init.arguments[0];
      if (!arg || !ts.isStringLiteralLike(arg) || !modules.includes(arg.text)) continue;
      if (ts.isIdentifier(declaration.name) && (names.includes('*') || names.includes('default'))) return declaration.name.text;
      if (ts.isObjectBindingPattern(declaration.name)) {
        for (const element of declaration.name.elements) {
          const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : ts.isIdentifier(element.name) ? element.name.text : '';
          if (names.includes(imported) && ts.isIdentifier(element.name)) return element.name.text;
        }
      }
    }
  }
  return undefined;
}

/** The specifier to import the config module with, following the file's relative import style. */
function importSpecifier(request: MoveSecretRequest, configPath: string): string {
  const fromDir = dirname(request.fileName);
  let relative = relativePath(fromDir, configPath);
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const extension = extname(configPath);
  const withoutExtension = relative.slice(0, relative.length - extension.length);
  const relativeImports = [...request.analysis.imports.values()].map((binding) => binding.module).filter((module) => module.startsWith('.'));
  const usesJsSuffix = relativeImports.some((module) => /\.[cm]?js$/.test(module));
  const esm = moduleSystemOfFile(request.fileName, request.project) === 'esm' && !usesRequire({ fileName: request.fileName, sourceFile: request.sourceFile, analysis: request.analysis, project: request.project });
  const needsSuffix = usesJsSuffix || (relativeImports.length === 0 ? esm : false) || (esm && !isTypeScriptFile(request.fileName));
  if (needsSuffix) return withoutExtension + extension.replace('ts', 'js');
  return withoutExtension.endsWith('/index') && withoutExtension !== './index' ? withoutExtension.slice(0, -'/index'.length) : withoutExtension;
}

/** The local name of an existing import of the config module in the file. */
function existingImport(request: MoveSecretRequest, config: ConfigModule, specifier: string): string | undefined {
  const target = stripScriptExtension(joinPath(dirname(request.fileName), specifier));
  const configBase = stripScriptExtension(config.path);
  for (const binding of request.analysis.imports.values()) {
    if (!binding.module.startsWith('.')) continue;
    const resolved = stripScriptExtension(joinPath(dirname(request.fileName), binding.module));
    if (resolved !== configBase && `${resolved}/index` !== configBase && resolved !== target) continue;
    if (config.exportKind === 'named' && binding.imported === config.name) return binding.local;
    if (config.exportKind !== 'named' && (binding.imported === 'default' || binding.imported === '*')) return binding.local;
  }
  return undefined;
}

function isTypeScriptFile(fileName: string): boolean {
  return /\.[cm]?tsx?$/.test(fileName);
}

function stripScriptExtension(path: string): string {
  return path.replace(/\.[cm]?[jt]s$/, '');
}

/** Whether an identifier is already declared or imported anywhere in the file (a new binding would clash). */
function nameIsTaken(sourceFile: ts.SourceFile, name: string): boolean {
  let taken = false;
  const visit = (node: ts.Node): void => {
    if (taken) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isMemberName) taken = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return taken;
}

// ---------------------------------------------------------------------------------------------
// No config module: a fail-fast helper in the file

const HELPER_NAME = 'requireEnv';

/**
 * Replaces the secret by `requireEnv('NAME')`, declaring the helper once per file. A secret used
 * inside a function is hoisted into a module-level `const NAME = requireEnv('NAME')` so a missing
 * variable stops the app at startup, not at the first request.
 */
function requireEnvEdits(request: MoveSecretRequest): TextEdit[] {
  const { sourceFile, envName } = request;
  const style = sourceStyle(sourceFile);
  const eol = style.eol;
  const q = (text: string): string => quoted(text, style);
  const typescript = isTypeScriptFile(request.fileName);
  const edits: TextEdit[] = [];
  const preamble: string[] = [];
  const helperExists = declaresName(sourceFile, HELPER_NAME);
  if (!helperExists) {
    const unit = style.indentUnit;
    preamble.push(
      [
        typescript ? `function ${HELPER_NAME}(name: string): string {` : `function ${HELPER_NAME}(name) {`,
        `${unit}const value = process.env[name]${semi(style)}`,
        `${unit}if (!value) throw new Error(\`Missing required environment variable \${name}\`)${semi(style)}`,
        `${unit}return value${semi(style)}`,
        '}',
      ].join(eol),
    );
  }
  const read = `${HELPER_NAME}(${q(envName)})`;
  let replacement = read;
  if (insideFunction(request.replace) && !nameIsTaken(sourceFile, envName)) {
    preamble.push(`const ${envName} = ${read}${semi(style)}`);
    replacement = envName;
  }
  if (preamble.length > 0) {
    const block = preamble.join(eol + eol);
    const lastImport = [...sourceFile.statements].reverse().find(isImportStatement);
    if (lastImport) {
      edits.push({ start: lastImport.getEnd(), end: lastImport.getEnd(), newText: `${eol}${eol}${block}` });
    } else {
      const first = sourceFile.statements.find((statement) => !(ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)));
      const at = first ? first.getStart(sourceFile) : sourceFile.getEnd();
      edits.push({ start: at, end: at, newText: `${block}${eol}${eol}` });
    }
  }
  edits.push({ start: request.replace.getStart(sourceFile), end: request.replace.getEnd(), newText: replacement });
  return edits;
}

function declaresName(sourceFile: ts.SourceFile, name: string): boolean {
  return sourceFile.statements.some((statement) => {
    if (ts.isFunctionDeclaration(statement)) return statement.name?.text === name;
    if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name);
    if (ts.isImportDeclaration(statement)) return statement.importClause !== undefined && new RegExp(`\\b${name}\\b`).test(statement.importClause.getText());
    return false;
  });
}

/** `import …`, `import x = require(…)`, `const x = require(…)` at the top of the file. */
function isImportStatement(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true;
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.some((declaration) => {
    let init = declaration.initializer ? unwrapExpression(declaration.initializer) : undefined;
    while (init && (ts.isPropertyAccessExpression(init) || (ts.isCallExpression(init) && !isRequireCall(init)))) init = unwrapExpression(init.expression);
    return init !== undefined && ts.isCallExpression(init) && isRequireCall(init);
  });
}

function isRequireCall(call: ts.CallExpression): boolean {
  return ts.isIdentifier(call.expression) && call.expression.text === 'require';
}

function insideFunction(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current) || ts.isConstructorDeclaration(current) || ts.isGetAccessor(current) || ts.isSetAccessor(current)) return true;
  }
  return false;
}
