import ts from 'typescript';
import { requiredModule } from '../../analysis/imports';
import { isFunctionLike, memberPath, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import type { FileAnalysis } from '../../analysis/types';
import type { Framework } from '../../model/rule-meta';
import { localFunction, localInitializer } from './local-binding';
import { quoted, type SourceStyle } from './source-style';

/**
 * What an origin setting allows: `default` (no origin option: `*`), `any` (`'*'`), `reflect` (echoes
 * every request origin: `true`, `/.*\/`, a callback that always allows), `restricted` (a list, one
 * origin, a config value, a callback that checks).
 */
export type OriginPolicy = 'default' | 'any' | 'reflect' | 'restricted';

export interface CorsUse {
  framework: Framework;
  /** `cors(...)`, `fastify.register(cors, ...)` or socket.io's `new Server(server, { cors })`: where findings are reported. */
  call: ts.CallExpression | ts.NewExpression;
  /** The `cors` option of a socket.io server (its WebSocket handshake, not the HTTP routes): reported at that option. */
  socketIo?: ts.PropertyAssignment;
  /** The options object, inline or held by a local variable; undefined when there are no options. */
  options?: ts.ObjectLiteralExpression;
  /** Options exist but cannot be read (imported config, a per-request delegate). */
  opaque: boolean;
  origin: OriginPolicy;
  originProperty?: ts.ObjectLiteralElementLike;
  /** `credentials: true` / `false` as written; undefined when absent or not a literal. */
  credentials?: boolean;
}

const FASTIFY_CORS_MODULES = new Set(['@fastify/cors', 'fastify-cors']);

/**
 * `cors(...)` calls of the `cors` package and `register(@fastify/cors, ...)` calls of a file.
 * `importedValue` reads what an imported name or a member of one is bound to in its own module
 * (`import { corsOptions } from './config/cors'`, `config.cors`), so options kept in a config file are judged like local ones.
 */
export function findCorsUses(analysis: FileAnalysis, importedValue?: (name: ts.Expression) => ts.Node | undefined): CorsUse[] {
  const corsNames = new Set<string>();
  const fastifyCorsNames = new Set<string>();
  for (const binding of analysis.imports.values()) {
    if (binding.module === 'cors' && (binding.imported === 'default' || binding.imported === '*')) corsNames.add(binding.local);
    if (FASTIFY_CORS_MODULES.has(binding.module) && (binding.imported === 'default' || binding.imported === '*' || binding.imported === 'fastifyCors')) fastifyCorsNames.add(binding.local);
  }
  const uses: CorsUse[] = findSocketIoCors(analysis, importedValue);
  for (const call of analysis.calls) {
    const callee = unwrapExpression(call.expression);
    if ((ts.isIdentifier(callee) && corsNames.has(callee.text)) || requiredModule(callee) === 'cors') {
      uses.push(describe('express', call, call.arguments[0], importedValue));
    } else if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'register' && call.arguments.length >= 1 && isFastifyCorsPlugin(call.arguments[0], fastifyCorsNames)) {
      uses.push(describe('fastify', call, call.arguments[1], importedValue));
    }
  }
  return uses;
}

/** socket.io's `new Server(httpServer, { cors: { … } })`, `require('socket.io')(server, { cors })`: the options of its handshake. */
function findSocketIoCors(analysis: FileAnalysis, importedValue?: (name: ts.Expression) => ts.Node | undefined): CorsUse[] {
  const names = new Set<string>();
  for (const binding of analysis.imports.values()) if (binding.module === 'socket.io') names.add(binding.local);
  if (names.size === 0 && !analysis.sourceFile.text.includes('socket.io')) return [];
  const uses: CorsUse[] = [];
  for (const node of analysis.nodes) {
    if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) continue;
    const callee = unwrapExpression(node.expression);
    const root = ts.isPropertyAccessExpression(callee) ? unwrapExpression(callee.expression) : callee;
    if (!(ts.isIdentifier(root) && names.has(root.text)) && requiredModule(callee) !== 'socket.io') continue;
    const options = [...(node.arguments ?? [])].reverse().map((argument) => resolveObject(unwrapExpression(argument), 0)).find((object) => object !== undefined);
    const cors = options && findProperty(options, 'cors');
    if (cors && ts.isPropertyAssignment(cors)) uses.push({ ...describe('express', node, cors.initializer, importedValue), socketIo: cors });
  }
  return uses;
}

function isFastifyCorsPlugin(argument: ts.Expression, names: Set<string>): boolean {
  const value = unwrapExpression(argument);
  if (ts.isIdentifier(value)) return names.has(value.text);
  const module = requiredModule(value) ?? dynamicImportModule(value);
  return module !== undefined && FASTIFY_CORS_MODULES.has(module);
}

/** `import('@fastify/cors')`, possibly awaited. */
function dynamicImportModule(node: ts.Expression): string | undefined {
  const value = ts.isAwaitExpression(node) ? unwrapExpression(node.expression) : node;
  if (ts.isCallExpression(value) && value.expression.kind === ts.SyntaxKind.ImportKeyword && value.arguments.length === 1 && ts.isStringLiteralLike(value.arguments[0])) {
    return value.arguments[0].text;
  }
  return undefined;
}

function describe(framework: Framework, call: ts.CallExpression | ts.NewExpression, argument: ts.Expression | undefined, importedValue?: (name: ts.Expression) => ts.Node | undefined): CorsUse {
  if (!argument) return { framework, call, opaque: false, origin: 'default' };
  let value = unwrapExpression(argument);
  const held = ts.isIdentifier(value) ? localInitializer(value) : undefined;
  if (held && isFunctionLike(unwrapExpression(held))) value = unwrapExpression(held);
  // `cors((req, cb) => cb(null, { origin: …, credentials: true }))`: options chosen per request
  if (isFunctionLike(value)) return perRequestOptions(framework, call, value);
  const initializer = ts.isIdentifier(value) ? localInitializer(value) : undefined;
  // `import { corsOptions } from './config/cors'`, and a property of an imported config object: `register(cors, config.cors)`
  const importable = (ts.isIdentifier(value) && (!initializer || requiredModule(unwrapExpression(initializer)) !== undefined)) || (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression));
  const imported = importable ? importedValue?.(value) : undefined;
  const options = resolveObject(value, 0) ?? (imported && ts.isObjectLiteralExpression(imported) ? imported : undefined) ?? builtOptions(value, importedValue);
  if (!options) return { framework, call, opaque: true, origin: 'restricted' };
  const delegator = findProperty(options, 'delegator');
  if (delegator && ts.isPropertyAssignment(delegator) && isFunctionLike(unwrapExpression(delegator.initializer)) && !findProperty(options, 'origin')) {
    return perRequestOptions(framework, call, unwrapExpression(delegator.initializer) as FunctionLike);
  }
  const originProperty = findProperty(options, 'origin');
  const credentialsProperty = findProperty(options, 'credentials');
  // `{ ...baseCorsOptions, credentials: true }`: the spread may set the origin; `@fastify/cors`'s
  // `delegator: (req, cb) => cb(null, { origin: … })` chooses the options per request.
  if (!originProperty && options.properties.some((property) => ts.isSpreadAssignment(property) || property.name?.getText() === 'delegator')) return { framework, call, opaque: true, origin: 'restricted' };
  let origin: OriginPolicy = 'default';
  if (originProperty) {
    // `origin(origin, callback) { … }` written as a method
    if (ts.isMethodDeclaration(originProperty)) origin = allowsEveryOrigin(originProperty) ? 'reflect' : 'restricted';
    else origin = ts.isPropertyAssignment(originProperty) ? originPolicy(originProperty.initializer, 0) : ts.isShorthandPropertyAssignment(originProperty) ? originPolicy(originProperty.name, 0) : 'restricted';
  }
  let credentials: boolean | undefined;
  const credentialsSetting = credentialsProperty ?? spreadProperty(options, 'credentials');
  if (credentialsSetting && ts.isPropertyAssignment(credentialsSetting)) {
    const value = unwrapExpression(credentialsSetting.initializer);
    if (value.kind === ts.SyntaxKind.TrueKeyword) credentials = true;
    else if (value.kind === ts.SyntaxKind.FalseKeyword) credentials = false;
  }
  return { framework, call, options, opaque: false, origin, originProperty, credentials };
}

/**
 * Options a function chooses per request (`@fastify/cors`'s `delegator`, `cors((req, cb) => …)`): permissive
 * only when one of the option objects it can hand back lets any origin in with credentials.
 */
function perRequestOptions(framework: Framework, call: ts.CallExpression | ts.NewExpression, fn: FunctionLike): CorsUse {
  const candidates: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && findProperty(node, 'origin')) candidates.push(node);
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  for (const options of candidates) {
    const described = describe(framework, call, options);
    if (described.credentials === true && (described.origin === 'reflect' || described.origin === 'any')) return described;
  }
  return { framework, call, opaque: true, origin: 'restricted' };
}

function resolveObject(expression: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(expression)) return expression;
  if (ts.isIdentifier(expression) && depth < 3) {
    const initializer = localInitializer(expression);
    return initializer ? resolveObject(unwrapExpression(initializer), depth + 1) : undefined;
  }
  return undefined;
}

/**
 * The options a function builds and returns: `cors(buildCorsOptions())` with `function buildCorsOptions() {
 * return { origin: true, credentials: true }; }`, in this file or imported.
 */
function builtOptions(value: ts.Expression, importedValue?: (name: ts.Expression) => ts.Node | undefined): ts.ObjectLiteralExpression | undefined {
  if (!ts.isCallExpression(value)) return undefined;
  const callee = unwrapExpression(value.expression);
  const imported = ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee) ? importedValue?.(callee) : undefined;
  const fn = localFunction(callee) ?? (imported && isFunctionLike(imported) ? imported : undefined);
  const body = fn?.body;
  if (!body) return undefined;
  const returned = ts.isBlock(body) ? body.statements.filter(ts.isReturnStatement) : [];
  const result = ts.isBlock(body) ? (returned.length === 1 ? returned[0].expression : undefined) : body;
  return result ? resolveObject(unwrapExpression(result), 0) : undefined;
}

/** `{ ...baseCors, origin: true }`: a setting the options take from an object spread into them, held in a local. */
function spreadProperty(object: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralElementLike | undefined {
  let found: ts.ObjectLiteralElementLike | undefined;
  for (const property of object.properties) {
    if (!ts.isSpreadAssignment(property)) continue;
    const spread = resolveObject(unwrapExpression(property.expression), 0);
    found = (spread && findProperty(spread, key)) ?? found;
  }
  return found;
}

function findProperty(object: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralElementLike | undefined {
  // A spread after the property could override it; the last writer wins.
  let found: ts.ObjectLiteralElementLike | undefined;
  for (const property of object.properties) {
    const name = property.name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) && name.text === key) found = property;
  }
  return found;
}

/** What an `origin` value allows; anything read from config or computed counts as restricted. */
export function originPolicy(expression: ts.Expression, depth: number): OriginPolicy {
  const value = unwrapExpression(expression);
  if (ts.isStringLiteralLike(value)) return value.text === '*' ? 'any' : 'restricted';
  if (value.kind === ts.SyntaxKind.TrueKeyword) return 'reflect';
  // `/.*/`, `/^https?:\/\/.*$/`: every host matches
  if (ts.isRegularExpressionLiteral(value)) return /^\/\^?(https\??:\\\/\\\/)?\.[*+]\$?\/[a-z]*$/.test(value.text) ? 'reflect' : 'restricted';
  // `cors` and `@fastify/cors` compare each request origin with the list's strings, so `['*']` lets no
  // other site in; only a match-all pattern in the list reflects every origin.
  if (ts.isArrayLiteralExpression(value)) {
    return value.elements.some((element) => ts.isRegularExpressionLiteral(element) && originPolicy(element, depth) === 'reflect') ? 'reflect' : 'restricted';
  }
  if (isFunctionLike(value)) return allowsEveryOrigin(value) ? 'reflect' : 'restricted';
  // `origin: req.header('Origin')`, `req.headers.origin`: the request's own origin, echoed
  if (/^\w+\.(header|get)\(\s*['"]origin['"]\s*\)$|^\w+\.headers\.origin$/i.test(value.getText())) return 'reflect';
  if (ts.isIdentifier(value) && depth < 3) {
    const initializer = localInitializer(value);
    if (initializer) return originPolicy(initializer, depth + 1);
    const declaration = functionDeclarationNamed(value);
    if (declaration) return allowsEveryOrigin(declaration) ? 'reflect' : 'restricted';
  }
  return 'restricted';
}

function functionDeclarationNamed(identifier: ts.Identifier): ts.FunctionDeclaration | undefined {
  for (const statement of identifier.getSourceFile().statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === identifier.text) return statement;
  }
  return undefined;
}

/**
 * An origin callback that allows every origin: it calls back with `true` or the origin itself and
 * never tests anything (`(origin, cb) => cb(null, true)`).
 */
function allowsEveryOrigin(fn: FunctionLike): boolean {
  const originName = fn.parameters[0] && ts.isIdentifier(fn.parameters[0].name) ? fn.parameters[0].name.text : undefined;
  const callbackName = fn.parameters[1] && ts.isIdentifier(fn.parameters[1].name) ? fn.parameters[1].name.text : undefined;
  if (!fn.body) return false;
  let allows = false;
  let tests = false;
  // a callback refusing (`callback(new Error(…))`, `cb(null, false)`), a throw, or a return that never calls back
  let denies = false;
  const visit = (node: ts.Node): void => {
    // `if (!origin) return callback(null, true)`: no Origin header is no browser asking; what follows decides
    if (ts.isIfStatement(node) && originName !== undefined && isAbsent(node.expression, originName)) {
      if (node.elseStatement) visit(node.elseStatement);
      return;
    }
    if (ts.isIfStatement(node) || ts.isConditionalExpression(node) || ts.isSwitchStatement(node)) tests = true;
    if (ts.isBinaryExpression(node)) {
      const kind = node.operatorToken.kind;
      if (kind !== ts.SyntaxKind.EqualsToken && kind !== ts.SyntaxKind.CommaToken) tests = true;
    }
    if (ts.isThrowStatement(node) || (ts.isReturnStatement(node) && !node.expression)) denies = true;
    if (ts.isCallExpression(node)) {
      const callee = unwrapExpression(node.expression);
      if (ts.isIdentifier(callee) && callee.text === callbackName) {
        if (node.arguments.length >= 2 && allowsAll(node.arguments[1], originName)) {
          // `callback(null, origin || '*')`: the fallback is no test of the origin
          allows = true;
          return;
        }
        denies = true;
      } else if (!isLogCall(callee)) {
        // any other call may check the origin; logging it (`console.log('origin', origin)`) checks nothing
        tests = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  if (!callbackName) {
    // `origin: (origin) => true` style predicates.
    const body = fn.body;
    const returned = ts.isBlock(body) ? (body.statements.length === 1 && ts.isReturnStatement(body.statements[0]) ? body.statements[0].expression : undefined) : body;
    return !tests && returned !== undefined && unwrapExpression(returned).kind === ts.SyntaxKind.TrueKeyword;
  }
  // `if (allowList.includes(origin)) cb(null, true); else cb(null, true)`: whatever it tests, every answer allows
  return allows && (!tests || !denies);
}

/** `true`, the origin itself, or the origin with an allow-all fallback (`origin || '*'`, `origin ?? true`). */
function allowsAll(argument: ts.Expression, originName: string | undefined): boolean {
  const value = unwrapExpression(argument);
  if (value.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (ts.isIdentifier(value)) return value.text === originName;
  const fallback = ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
  if (!fallback || !allowsAll(value.left, originName)) return false;
  const right = unwrapExpression(value.right);
  return (ts.isStringLiteralLike(right) && right.text === '*') || allowsAll(right, originName);
}

/** `!origin`, `origin === undefined`, `typeof origin === 'undefined'`. */
function isAbsent(condition: ts.Expression, name: string): boolean {
  const value = unwrapExpression(condition);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) return ts.isIdentifier(unwrapExpression(value.operand)) && (unwrapExpression(value.operand) as ts.Identifier).text === name;
  return new RegExp(`^(${name}\\s*===?\\s*(undefined|null)|typeof\\s+${name}\\s*===?\\s*['"]undefined['"])$`).test(value.getText());
}

function isLogCall(callee: ts.Expression): boolean {
  const path = memberPath(callee);
  return path !== undefined && path.length >= 2 && /^(console|logger|log|fastify\.log|app\.log)$/.test(path.slice(0, -1).join('.')) && /^(log|info|debug|warn|trace)$/.test(path[path.length - 1]);
}

/**
 * The expression allowed origins are read from. The `config` generator will route this through the
 * project's config module; until then the environment is read directly.
 */
export function allowedOriginsSource(style: SourceStyle): string {
  return `process.env.CORS_ORIGINS?.split(${quoted(',', style)}) ?? []`;
}
