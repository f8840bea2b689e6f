import ts from 'typescript';
import { collectImports, type ImportBinding } from '../../analysis/imports';
import type { Callable } from './values';

export type ExportEntry =
  | { kind: 'expression'; expression: ts.Expression }
  | { kind: 'local'; name: string; node: ts.Node }
  | { kind: 'declaration'; node: ts.FunctionDeclaration | ts.ClassDeclaration | ts.EnumDeclaration | ts.VariableDeclaration }
  /** `export { x as y } from './m'`; name `*` for `export * as y from './m'`. */
  | { kind: 'reexport'; specifier: string; name: string };

/** Something that runs when its container runs, in evaluation order. */
export type GraphEvent =
  | { kind: 'call'; node: ts.CallExpression | ts.NewExpression }
  /** `this.x = value`: a field the graph may need later (`this.app = express()`). */
  | { kind: 'assign'; node: ts.BinaryExpression }
  | { kind: 'loop'; node: ts.ForOfStatement; events: GraphEvent[] };

export interface Container {
  node: ts.SourceFile | Callable;
  events: GraphEvent[];
  /** Whether the container itself calls something named like a registration. */
  registers: boolean;
  /** Roots of the container's own callees: identifiers, `this`, or `require:<specifier>`. */
  calleeRoots: Set<ts.Node | string>;
  /** Functions written directly inside it (callbacks, nested declarations, class members). */
  children: Callable[];
}

/**
 * What the route graph needs from one file, computed once per parsed text: imports, exports and
 * the calls each top level / function performs, in evaluation order.
 */
export class ModuleSummary {
  readonly imports: Map<string, ImportBinding>;
  readonly exports = new Map<string, ExportEntry>();
  readonly starExports: string[] = [];
  /** `module.exports = …` / `export = …`. */
  cjsExport?: ts.Expression;
  /** Specifiers of every import and require, for relevance. */
  readonly specifiers: string[] = [];
  /** Specifiers of ESM import / export-from declarations: they run before the module's own code. */
  readonly hoistedSpecifiers: string[] = [];
  /** Whether the text calls anything named like a registration; a regex over the text is far cheaper than a walk. */
  readonly mayRegister: boolean;
  private readonly containerMap = new Map<ts.Node, Container>();

  constructor(
    readonly path: string,
    readonly sourceFile: ts.SourceFile,
  ) {
    this.imports = collectImports(sourceFile);
    this.collectExports();
    this.mayRegister = REGISTRATION_TEXT.test(sourceFile.text);
    // `require('./routes')(app)` inside a function still ties this module to that one.
    for (const match of sourceFile.text.matchAll(DYNAMIC_SPECIFIER)) if (!this.specifiers.includes(match[2])) this.specifiers.push(match[2]);
  }

  /** A container's events, walked on first use: most code never runs as startup code. */
  container(node: ts.SourceFile | Callable): Container {
    let container = this.containerMap.get(node);
    if (!container) {
      container = new ContainerWalker().walk(node);
      this.containerMap.set(node, container);
    }
    return container;
  }

  /** Functions whose return value the graph read (`(() => { …; return { create } })()`), walked or not. */
  private readonly returnsRead = new Set<Callable>();

  noteReturnRead(fn: Callable): void {
    this.returnsRead.add(fn);
  }

  /** The functions the graph walked or read the return value of in this module (its own top level aside). */
  walkedRanges(): ts.TextRange[] {
    const read = new Set<ts.Node>([...this.containerMap.keys(), ...this.returnsRead]);
    read.delete(this.sourceFile);
    return [...read].map(({ pos, end }) => ({ pos, end }));
  }

  get top(): Container {
    return this.container(this.sourceFile);
  }

  lineAndColumn(offset: number): { line: number; column: number } {
    const { line, character } = this.sourceFile.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  }

  private collectExports(): void {
    for (const binding of this.imports.values()) if (!this.specifiers.includes(binding.module)) this.specifiers.push(binding.module);
    for (const statement of this.sourceFile.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && !statement.importClause?.isTypeOnly) {
        this.hoistedSpecifiers.push(statement.moduleSpecifier.text);
        if (!this.specifiers.includes(statement.moduleSpecifier.text)) this.specifiers.push(statement.moduleSpecifier.text);
      } else if (ts.isExportAssignment(statement)) {
        if (statement.isExportEquals) this.cjsExport = statement.expression;
        else this.exports.set('default', { kind: 'expression', expression: statement.expression });
      } else if (ts.isExportDeclaration(statement)) {
        this.collectExportDeclaration(statement);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && hasExportModifier(statement)) {
        const isDefault = statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
        if (isDefault) this.exports.set('default', { kind: 'declaration', node: statement });
        else if (statement.name) this.exports.set(statement.name.text, { kind: 'declaration', node: statement });
      } else if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) this.exports.set(declaration.name.text, { kind: 'declaration', node: declaration });
        }
      } else if (ts.isExpressionStatement(statement)) {
        this.collectCommonJsExport(statement.expression);
      }
    }
  }

  private collectExportDeclaration(statement: ts.ExportDeclaration): void {
    const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    if (specifier && !this.specifiers.includes(specifier)) this.specifiers.push(specifier);
    if (specifier && !statement.isTypeOnly) this.hoistedSpecifiers.push(specifier);
    const clause = statement.exportClause;
    if (!clause) {
      if (specifier) this.starExports.push(specifier);
      return;
    }
    if (ts.isNamespaceExport(clause)) {
      if (specifier) this.exports.set(clause.name.text, { kind: 'reexport', specifier, name: '*' });
      return;
    }
    for (const element of clause.elements) {
      const exported = element.name.text;
      const local = (element.propertyName ?? element.name).text;
      if (specifier) this.exports.set(exported, { kind: 'reexport', specifier, name: local });
      else this.exports.set(exported, { kind: 'local', name: local, node: element });
    }
  }

  /** `module.exports = x`, `module.exports.x = y`, `exports.x = y`, `module.exports = exports = x`. */
  private collectCommonJsExport(expression: ts.Expression): void {
    if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const target = expression.left;
    if (isModuleExports(target) || (ts.isIdentifier(target) && target.text === 'exports')) {
      if (isModuleExports(target)) this.cjsExport = expression.right;
      if (ts.isBinaryExpression(expression.right)) this.collectCommonJsExport(expression.right);
      return;
    }
    if (ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || (ts.isIdentifier(target.expression) && target.expression.text === 'exports'))) {
      this.exports.set(target.name.text, { kind: 'expression', expression: expression.right });
    }
  }
}

function hasExportModifier(node: ts.HasModifiers): boolean {
  return ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

export function isModuleExports(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
}

const CALLABLE_KINDS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

export function isCallable(node: ts.Node): node is Callable {
  return CALLABLE_KINDS.has(node.kind);
}

const DYNAMIC_SPECIFIER = /\b(require|import)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g;
// HTTP-method names only count with a path-like first argument: `map.get(key)` and `Promise.all([…])` do not register.
const REGISTRATION_TEXT = /\.\s*(?:(?:get|post|put|patch|delete|del|options|head|all)\s*\(\s*(?:['"`]|[\w$.]+\s*,)|(?:use|route|register|addHook|setErrorHandler|decorate)\s*\()|\[\s*(?:[\w$]+\.)?(?:method|verb|httpMethod)\s*\]\s*\(/;

/** `router[route.method](…)`, `app[method](…)`: a route table's method field (not `console[consoleMethod](…)`). */
const ROUTE_METHOD_KEY = /^(?:[\w$]+\.)?(?:method|verb|httpMethod)$/i;

/** Member names whose calls register routes, middleware, plugins or hooks on an app. */
const REGISTRATION_NAMES = new Map<string, number>([
  ['use', 1], ['route', 1], ['register', 1], ['setErrorHandler', 1],
  ['get', 2], ['post', 2], ['put', 2], ['patch', 2], ['delete', 2], ['del', 2], ['options', 2], ['head', 2], ['all', 2],
  ['addHook', 2], ['decorate', 2],
]);

/**
 * Walks one container: its calls in evaluation order (arguments before the call), `for…of` loops
 * as nested event lists. Nested functions are not entered, only listed: a handler's body is
 * walked only if something asks whether calling it can register. Types, object literals and
 * class field initializers produce no events: they are evaluated when read.
 */
class ContainerWalker {
  private container!: Container;
  private events: GraphEvent[] | undefined;

  walk(node: ts.SourceFile | Callable): Container {
    this.container = { node, events: [], registers: false, calleeRoots: new Set(), children: [] };
    this.events = this.container.events;
    ts.forEachChild(node, this.visit);
    return this.container;
  }

  private readonly visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (isCallable(node)) {
      this.container.children.push(node);
      return;
    }
    const events = this.events;
    // Object literals are read lazily, member by member; the calls inside them (route options,
    // schemas) are not steps of the container, and skipping them keeps the walk small.
    if (ts.isObjectLiteralExpression(node)) return;
    if (ts.isPropertyDeclaration(node)) {
      // Field initializers run per instance, when the field is read; only functions in them matter.
      this.events = undefined;
      ts.forEachChild(node, this.visit);
      this.events = events;
      return;
    }
    if (ts.isForOfStatement(node) && events) {
      this.visit(node.expression);
      const loop: GraphEvent = { kind: 'loop', node, events: [] };
      this.events = loop.events;
      this.visit(node.initializer);
      this.visit(node.statement);
      this.events = events;
      events.push(loop);
      return;
    }
    ts.forEachChild(node, this.visit);
    if (!events) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      events.push({ kind: 'call', node });
      noteCallee(this.container, node);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword
    ) {
      events.push({ kind: 'assign', node });
    }
  };
}

function noteCallee(container: Container, call: ts.CallExpression | ts.NewExpression): void {
  let callee: ts.Expression = call.expression;
  const arity = ts.isPropertyAccessExpression(callee) ? REGISTRATION_NAMES.get(callee.name.text) : undefined;
  // `router[route.method](route.path, …route.middleware, route.handler)` over a table of routes
  const computedMethod = ts.isElementAccessExpression(callee) && ROUTE_METHOD_KEY.test(callee.argumentExpression.getText()) && (call.arguments?.length ?? 0) >= 2;
  if ((arity !== undefined && (call.arguments?.length ?? 0) >= arity) || computedMethod) {
    container.registers = true;
  }
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee) || ts.isParenthesizedExpression(callee) || ts.isElementAccessExpression(callee)) {
    if (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require') {
      const argument = callee.arguments[0];
      if (argument && ts.isStringLiteralLike(argument)) container.calleeRoots.add(`require:${argument.text}`);
      return;
    }
    callee = callee.expression;
  }
  if (ts.isIdentifier(callee) || callee.kind === ts.SyntaxKind.ThisKeyword || callee.kind === ts.SyntaxKind.SuperKeyword) container.calleeRoots.add(callee);
}
