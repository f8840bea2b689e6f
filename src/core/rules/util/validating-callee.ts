import ts from 'typescript';
import { importsOf, type ImportBinding } from '../../analysis/imports';
import { alwaysExits, isFunctionLike, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import type { RoutewiseSettings } from '../../model/settings';
import { exportedValue, reexportsOf, topLevelValue } from './module-values';
import { enclosingCallOfArgument } from './request-reads';
import { createCallClassifier } from './request-validation';
import type { CallClassifier } from './request-reads';

interface ModuleFile {
  path: string;
  sourceFile: ts.SourceFile;
  imports: Map<string, ImportBinding>;
  classifier?: CallClassifier;
}

const MAX_DEPTH = 2;

/**
 * Looks into the project function a handler hands request input to (`usersService.create(req.body)`)
 * and tells whether it validates that argument (`CreateUser.parse(input)`), following local helpers
 * and relative imports a couple of levels deep. Syntax only; what cannot be resolved does not validate.
 */
export class ValidatingCalleeResolver {
  private readonly files = new Map<string, ModuleFile | null>();
  private readonly answers = new Map<string, boolean>();

  constructor(
    private readonly settings: RoutewiseSettings,
    private readonly fileName: string,
    sourceFile: ts.SourceFile,
    /** Parses another file; the linter passes its shared cache, so a module many handlers call is parsed once. */
    private readonly parse: (path: string) => ts.SourceFile | undefined,
    /** Resolves a specifier to a project file; the linter's is shared across files, so directories are listed once. */
    private readonly resolve: (specifier: string, fromFile: string) => string | undefined,
  ) {
    this.files.set(fileName, { path: fileName, sourceFile, imports: importsOf(sourceFile) });
  }

  validatesArgument(call: ts.CallExpression, index: number): boolean {
    const file = this.files.get(this.fileName);
    return file ? this.callValidates(file, call, index, 0) : false;
  }

  private callValidates(file: ModuleFile, call: ts.CallExpression, index: number, depth: number): boolean {
    if (index < 0 || depth > MAX_DEPTH) return false;
    // The answer depends only on what the callee names in this file: `User.create(…)` in sixty handlers is resolved once.
    const key = `${file.path}:${call.expression.getText(file.sourceFile)}:${index}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    this.answers.set(key, false);
    const target = this.calleeFunction(file, unwrapExpression(call.expression));
    const answer = target !== undefined && this.functionValidates(target.file, target.fn, index, depth);
    this.answers.set(key, answer);
    return answer;
  }

  /** Whether `fn` passes its parameter at `index` to a validator (or to a function that does). */
  private functionValidates(file: ModuleFile, fn: FunctionLike, index: number, depth: number): boolean {
    const parameter = fn.parameters[index];
    if (parameter && fn.body && ts.isObjectBindingPattern(parameter.name)) return this.fieldsValidated(file, fn, parameter.name);
    if (!parameter || !ts.isIdentifier(parameter.name) || !fn.body) return false;
    const name = parameter.name.text;
    // `const { name, description } = workspace;` first thing in the body: the fields, as if the parameter bound them
    const taken = ts.isBlock(fn.body) ? destructuredFrom(fn.body, name) : undefined;
    if (taken && this.fieldsValidated(file, fn, taken)) return true;
    const classifier = this.classifierOf(file);
    let validates = false;
    const visit = (node: ts.Node): void => {
      if (validates) return;
      if (ts.isIdentifier(node) && node.text === name && node !== parameter.name) {
        if (isTypeGuard(fn) && (ts.isTypeOfExpression(node.parent) || isTypeCheckCall(node.parent))) {
          validates = true;
          return;
        }
        const call = enclosingCallOfArgument(node);
        if (call && (classifier.isValidator(call) || this.callValidates(file, call, call.arguments.findIndex((argument) => unwrapExpression(argument) === node), depth + 1))) {
          validates = true;
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(fn.body);
    return validates;
  }

  /**
   * `login({ email, password })` whose body first runs `validateLoginInput({ email, password })`: every
   * field the parameter binds reaches a validator, directly or in an object literal handed to one.
   */
  private fieldsValidated(file: ModuleFile, fn: FunctionLike, pattern: ts.ObjectBindingPattern): boolean {
    const names = new Set(pattern.elements.map((element) => (ts.isIdentifier(element.name) ? element.name.text : '')));
    if (names.has('') || names.size === 0) return false;
    const classifier = this.classifierOf(file);
    const vetted = new Set<string>();
    const visit = (node: ts.Node): void => {
      // an entity factory's own checks: `if (typeof email !== 'string' || !EMAIL_RE.test(email)) throw new InvalidUserError(…)`
      if (ts.isTypeOfExpression(node) && ts.isIdentifier(unwrapExpression(node.expression)) && !testsPresenceOnly(node) && rejectsWhenTrue(node)) {
        vetted.add((unwrapExpression(node.expression) as ts.Identifier).text);
      }
      if (ts.isCallExpression(node) && classifier.isValidator(node)) {
        for (const argument of node.arguments) {
          const value = unwrapExpression(argument);
          if (ts.isIdentifier(value) && names.has(value.text)) vetted.add(value.text);
          if (ts.isObjectLiteralExpression(value)) {
            for (const property of value.properties) if (ts.isShorthandPropertyAssignment(property) && names.has(property.name.text)) vetted.add(property.name.text);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    return vetted.size === names.size;
  }

  /** The project function a call hands the whole request to (`saveUser(req)`), with the classifier of its file. */
  forwardTarget(call: ts.CallExpression): { path: string; fn: FunctionLike; classifier: CallClassifier } | undefined {
    const file = this.files.get(this.fileName);
    const target = file ? this.calleeFunction(file, unwrapExpression(call.expression)) : undefined;
    return target && { path: target.file.path, fn: target.fn, classifier: this.classifierOf(target.file) };
  }

  private classifierOf(file: ModuleFile): CallClassifier {
    return (file.classifier ??= createCallClassifier({ analysis: { moduleOf: (local) => file.imports.get(local)?.module }, settings: this.settings }));
  }

  /** The function a callee expression denotes: local, imported, or a method of an imported object / instance. */
  private calleeFunction(file: ModuleFile, callee: ts.Expression): { file: ModuleFile; fn: FunctionLike } | undefined {
    if (ts.isIdentifier(callee)) {
      const binding = file.imports.get(callee.text);
      if (binding) return this.importedValue(file, binding, undefined);
      const local = topLevelValue(file.sourceFile, callee.text);
      return local && isFunctionLike(local) ? { file, fn: local } : undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const objectName = callee.expression.text;
      const member = callee.name.text;
      const binding = file.imports.get(objectName);
      if (binding) return this.importedValue(file, binding, member);
      const local = topLevelValue(file.sourceFile, objectName);
      // `const users = new UserController()`, of a class declared here or imported
      const constructed = local && ts.isExpression(local) ? constructedName(local) : undefined;
      if (constructed) return this.classMethod(file, constructed, member);
      return local ? memberFunction(file, local, member) : undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && isThisMember(callee.expression)) {
      // `this.usersService.create(…)`: a class field whose declared type or constructed class the file names
      const className = fieldClassName(callee.expression.name.text, callee);
      return className ? this.classMethod(file, className, callee.name.text) : undefined;
    }
    return undefined;
  }

  /** A method of the class `className` names in this file: imported, or declared here. */
  private classMethod(file: ModuleFile, className: string, member: string): { file: ModuleFile; fn: FunctionLike } | undefined {
    const binding = file.imports.get(className);
    if (binding) return this.importedValue(file, binding, member);
    const local = topLevelValue(file.sourceFile, className);
    return local ? memberFunction(file, local, member) : undefined;
  }

  private importedValue(file: ModuleFile, binding: ImportBinding, member: string | undefined): { file: ModuleFile; fn: FunctionLike } | undefined {
    const target = this.load(binding.module, file.path);
    if (!target) return undefined;
    if (binding.imported === '*') {
      if (!member) return undefined;
      const value = exportedValue(target.sourceFile, member);
      if (value && isFunctionLike(value)) return { file: target, fn: value };
      // `const ProductService = require('./ProductService')` of `module.exports = ProductService`: the class's method
      const whole = value ? undefined : exportedValue(target.sourceFile, '*');
      return whole ? memberFunction(target, whole, member) : undefined;
    }
    const exported = this.exported(target, binding.imported);
    if (!exported) return undefined;
    const { file: owner, value } = exported;
    if (!member) return isFunctionLike(value) ? { file: owner, fn: value } : undefined;
    return memberFunction(owner, value, member);
  }

  /** An export of a module, followed through barrels: `export * from './contacts.service'`, `export { create } from './users'`. */
  private exported(file: ModuleFile, name: string, depth = 0): { file: ModuleFile; value: ts.Node } | undefined {
    const value = exportedValue(file.sourceFile, name);
    if (value) return { file, value };
    if (depth >= 3) return undefined;
    for (const reexport of reexportsOf(file.sourceFile, name)) {
      const target = this.load(reexport.specifier, file.path);
      const found = target ? this.exported(target, reexport.name, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private load(specifier: string, fromFile: string): ModuleFile | undefined {
    // relative, subpath (`#services/…`), aliased (`@/…`) or tsconfig `baseUrl` (`service/user-service`) imports of the project's own files
    const path = this.resolve(specifier, fromFile);
    if (!path || path.includes('/node_modules/')) return undefined;
    const cached = this.files.get(path);
    if (cached !== undefined) return cached ?? undefined;
    const sourceFile = this.parse(path);
    const file = sourceFile === undefined ? null : { path, sourceFile, imports: importsOf(sourceFile) };
    this.files.set(path, file);
    return file ?? undefined;
  }
}

/** `typeof x === 'undefined'`: whether it was given at all, not what it is. */
function testsPresenceOnly(typeOf: ts.TypeOfExpression): boolean {
  const comparison = typeOf.parent;
  if (!ts.isBinaryExpression(comparison)) return false;
  const other = comparison.left === typeOf ? comparison.right : comparison.left;
  return ts.isStringLiteralLike(other) && other.text === 'undefined';
}

/** A test inside the condition of an `if` whose branch throws or returns: `if (typeof x !== 'string' || …) throw …`. */
function rejectsWhenTrue(test: ts.Node): boolean {
  let node: ts.Node = test;
  while (!ts.isStatement(node.parent) && (ts.isBinaryExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isPrefixUnaryExpression(node.parent))) node = node.parent;
  const statement = node.parent;
  return ts.isIfStatement(statement) && statement.expression === node && alwaysExits(statement.thenStatement);
}

function isThisMember(node: ts.Expression): node is ts.PropertyAccessExpression & { name: ts.Identifier } {
  return ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(node.name);
}

/**
 * The class a field of the class around `at` holds: `private readonly users: UsersService` (also as a
 * constructor parameter), `users = new UsersService()`, or `this.users = new UsersService()` /
 * `this.users = users` (a typed constructor parameter) in the constructor.
 */
function fieldClassName(field: string, at: ts.Node): string | undefined {
  let owner: ts.Node | undefined = at.parent;
  while (owner && !ts.isClassLike(owner)) owner = owner.parent;
  if (!owner) return undefined;
  for (const element of owner.members) {
    if (ts.isPropertyDeclaration(element) && ts.isIdentifier(element.name) && element.name.text === field) {
      const declared = typeName(element.type) ?? constructedName(element.initializer);
      if (declared) return declared;
    }
    // `private get projects() { return this.deps.projectService }`, with `deps: { projectService: ProjectService }`
    if (ts.isGetAccessorDeclaration(element) && ts.isIdentifier(element.name) && element.name.text === field) {
      const declared = typeName(element.type) ?? returnedMemberType(owner, element);
      if (declared) return declared;
    }
    if (!ts.isConstructorDeclaration(element)) continue;
    const parameterType = (name: string): string | undefined => typeName(element.parameters.find((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name)?.type);
    const property = parameterType(field);
    if (property && element.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === field && ts.isParameterPropertyDeclaration(parameter, element))) return property;
    for (const statement of element.body?.statements ?? []) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression) || statement.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const { left, right } = statement.expression;
      if (!isThisMember(left) || left.name.text !== field) continue;
      const value = unwrapExpression(right);
      return constructedName(value) ?? (ts.isIdentifier(value) ? parameterType(value.text) : undefined);
    }
  }
  return undefined;
}

/** The declared class of `this.deps.x` a getter returns, read from the type literal of the constructor's `deps` parameter. */
function returnedMemberType(owner: ts.ClassLikeDeclaration, getter: ts.GetAccessorDeclaration): string | undefined {
  const statement = getter.body?.statements.length === 1 ? getter.body.statements[0] : undefined;
  const value = statement && ts.isReturnStatement(statement) && statement.expression ? unwrapExpression(statement.expression) : undefined;
  if (!value || !ts.isPropertyAccessExpression(value) || !isThisMember(value.expression)) return undefined;
  const holder = value.expression.name.text;
  const constructor = owner.members.find(ts.isConstructorDeclaration);
  const parameter = constructor?.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === holder);
  if (!parameter?.type || !ts.isTypeLiteralNode(parameter.type)) return undefined;
  const member = parameter.type.members.find((candidate) => ts.isPropertySignature(candidate) && candidate.name.getText() === value.name.text) as ts.PropertySignature | undefined;
  return typeName(member?.type);
}

function typeName(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

function constructedName(value: ts.Expression | undefined): string | undefined {
  const node = value && unwrapExpression(value);
  return node && ts.isNewExpression(node) && ts.isIdentifier(node.expression) ? node.expression.text : undefined;
}

/**
 * A helper whose result is a type test of its argument: `(v: unknown): v is string => …`, or an
 * arrow answering one expression (`(v) => typeof v === 'string'`, `(v) => Array.isArray(v) ? v.filter(…) : []`).
 * A parser that only branches on the type of what it is given (`if (typeof body !== 'object') return body`) checks nothing.
 */
function isTypeGuard(fn: FunctionLike): boolean {
  if (fn.type && ts.isTypePredicateNode(fn.type)) return true;
  if (!ts.isArrowFunction(fn) || ts.isBlock(fn.body)) return false;
  const body = unwrapExpression(fn.body);
  // `Array.isArray(v) ? v.filter(…) : []` keeps only what passes; `Array.isArray(v) ? v : [v]` lets anything through
  if (ts.isConditionalExpression(body)) return isTypeTest(body.condition) && isEmptyValue(body.whenFalse);
  return isTypeTest(body);
}

/** `typeof v === 'string'` (not `'undefined'`, a presence check), `Array.isArray(v)`, `Number.isInteger(v)`, or several joined by `&&`. */
function isTypeTest(node: ts.Expression): boolean {
  const value = unwrapExpression(node);
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return isTypeTest(value.left) && isTypeTest(value.right);
  if (isTypeCheckCall(value)) return true;
  if (!ts.isBinaryExpression(value) || (value.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && value.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken)) return false;
  const [left, right] = [unwrapExpression(value.left), unwrapExpression(value.right)];
  const typeName = ts.isTypeOfExpression(left) && ts.isStringLiteralLike(right) ? right.text : ts.isTypeOfExpression(right) && ts.isStringLiteralLike(left) ? left.text : undefined;
  return typeName !== undefined && typeName !== 'undefined';
}

function isEmptyValue(node: ts.Expression): boolean {
  const value = unwrapExpression(node);
  return (ts.isArrayLiteralExpression(value) && value.elements.length === 0) || (ts.isStringLiteralLike(value) && value.text === '') ||
    value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || (ts.isObjectLiteralExpression(value) && value.properties.length === 0);
}

function isTypeCheckCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && /^(Array\.isArray|Number\.isInteger|Number\.isFinite|Number\.isSafeInteger|Number\.isNaN|isNaN|isFinite)$/.test(node.expression.getText());
}

/** `{ create(input) {…} }`, `{ create: async (input) => … }`, `new UsersService()`, or a class with the method. */
function memberFunction(file: ModuleFile, value: ts.Node, member: string): { file: ModuleFile; fn: FunctionLike } | undefined {
  const node = ts.isExpression(value) ? unwrapExpression(value) : value;
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) || property.name.text !== member) continue;
      if (ts.isMethodDeclaration(property)) return { file, fn: property };
      if (ts.isPropertyAssignment(property)) {
        const init = unwrapExpression(property.initializer);
        if (isFunctionLike(init)) return { file, fn: init };
        if (ts.isIdentifier(init)) {
          const local = topLevelValue(file.sourceFile, init.text);
          if (local && isFunctionLike(local)) return { file, fn: local };
        }
      }
      if (ts.isShorthandPropertyAssignment(property)) {
        const local = topLevelValue(file.sourceFile, member);
        if (local && isFunctionLike(local)) return { file, fn: local };
      }
    }
    return undefined;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const declaration = topLevelValue(file.sourceFile, node.expression.text);
    return declaration ? memberFunction(file, declaration, member) : undefined;
  }
  if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
    for (const element of node.members) {
      if (ts.isMethodDeclaration(element) && element.name && ts.isIdentifier(element.name) && element.name.text === member) return { file, fn: element };
    }
  }
  return undefined;
}

/** The pattern a statement of the block destructures a name into: `const { name, accountId } = workspace`. */
function destructuredFrom(block: ts.Block, name: string): ts.ObjectBindingPattern | undefined {
  for (const statement of block.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const initializer = declaration.initializer && unwrapExpression(declaration.initializer);
      if (ts.isObjectBindingPattern(declaration.name) && initializer && ts.isIdentifier(initializer) && initializer.text === name) return declaration.name;
    }
  }
  return undefined;
}
