import ts from 'typescript';
import type { AppKind } from '../../analysis/types';
import { dirname } from '../../model/paths';
import { isCallable, type ModuleSummary } from './module-summary';
import { evaluatePathCall, fileUrlToPath, PATH_MODULES, resolveUrl, URL_MODULES } from './path-values';
import { classMember, instanceMember } from './class-members';
import { findDeclaration, owningCallable } from './scope';
import { propertyNameText, unwrap, within } from './syntax-utils';
import { UNKNOWN, type Callable, type Frame, type Instance, type Value } from './values';

export type FunctionValue = Extract<Value, { kind: 'function' }>;
export type ClassValue = Extract<Value, { kind: 'class' }>;

/** What the evaluator needs from the package: its files and how their imports resolve. */
export interface ProjectModules {
  readonly root: string;
  summaryOf(path: string): ModuleSummary | undefined;
  resolve(specifier: string, fromFile: string): string | undefined;
}

const EXPRESS_CHAINABLE = new Set(['use', 'get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all', 'param', 'set', 'enable', 'disable', 'engine', 'locals']);
const FASTIFY_CHAINABLE = new Set([
  'register', 'get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all', 'route', 'addHook', 'decorate', 'decorateRequest',
  'decorateReply', 'setErrorHandler', 'setNotFoundHandler', 'addSchema', 'after', 'addContentTypeParser', 'setValidatorCompiler',
  'setSerializerCompiler', 'withTypeProvider', 'setReplySerializer', 'setSchemaErrorFormatter',
]);
const ROUTE_CHAIN_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);
const FASTIFY_FACTORY_NAMES = new Set(['default', 'fastify']);
const MAX_RETURN_SEARCH = 64;
/** Deeper than any real initializer chain; stops cycles the memos cannot see from overflowing the stack. */
const MAX_EVALUATION_DEPTH = 300;
/** How deep a container builds a class's dependencies: controller, service, repository, client. */
const MAX_INJECTION_DEPTH = 4;

/**
 * Evaluates expressions to Values the way a reader follows code: through local and imported
 * bindings, object and class members, calls of the project's own functions. Calling a function
 * is left to the subclass, which also steps through the registrations the body performs.
 */
export abstract class Evaluator {
  protected nextId = 1;
  private readonly moduleFrames = new Map<ModuleSummary, Frame>();
  private readonly detachedFrames = new Map<ts.Node, Frame>();
  private readonly exportsInProgress = new Set<string>();
  /** Spreads being read by objectProperty, so a spread that reaches its own object ends. */
  private readonly spreading = new Set<ts.Node>();
  private depth = 0;

  constructor(protected readonly modules: ProjectModules) {}

  /** Runs a project function with arguments and returns what it returns. */
  protected abstract invoke(fn: FunctionValue, args: readonly Value[], thisValue: Value | undefined, site: ts.Node): Value;

  /** `new C(...)`: creates the object and runs its constructor. */
  protected abstract construct(cls: ClassValue, args: readonly Value[], site: ts.NewExpression | undefined): Value;

  protected abstract createInstance(kind: AppKind, node: ts.Node, module: ModuleSummary, name: string): Instance;

  moduleFrame(module: ModuleSummary): Frame {
    let frame = this.moduleFrames.get(module);
    if (!frame) {
      frame = this.newFrame(module, module.sourceFile, undefined);
      this.moduleFrames.set(module, frame);
    }
    return frame;
  }

  newFrame(module: ModuleSummary, container: ts.Node, parent: Frame | undefined, thisValue?: Value): Frame {
    return { id: this.nextId++, module, container, parent, thisValue, bindings: new Map(), memo: new Map() };
  }

  evaluate(node: ts.Expression, frame: Frame): Value {
    if (this.depth >= MAX_EVALUATION_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      return this.evaluateUnguarded(node, frame);
    } finally {
      this.depth--;
    }
  }

  private evaluateUnguarded(node: ts.Expression, frame: Frame): Value {
    const expression = unwrap(node);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return { kind: 'string', value: expression.text };
    if (ts.isTemplateExpression(expression)) return this.template(expression, frame);
    if (ts.isIdentifier(expression)) return this.identifier(expression, frame);
    if (expression.kind === ts.SyntaxKind.ThisKeyword) return this.thisOf(frame);
    if (ts.isPropertyAccessExpression(expression)) return this.propertyAccess(expression, frame);
    if (ts.isElementAccessExpression(expression)) {
      const key = this.evaluate(expression.argumentExpression, frame);
      if (key.kind === 'string') return this.member(this.evaluate(expression.expression, frame), key.value);
      if (ts.isNumericLiteral(expression.argumentExpression)) return this.member(this.evaluate(expression.expression, frame), expression.argumentExpression.text);
      return UNKNOWN;
    }
    if (ts.isCallExpression(expression)) return this.memoized(expression, frame, (owner) => this.call(expression, owner));
    if (ts.isNewExpression(expression)) return this.memoized(expression, frame, (owner) => this.newExpression(expression, owner));
    if (ts.isFunctionExpression(expression) || ts.isArrowFunction(expression)) return { kind: 'function', module: frame.module, fn: expression, closure: frame };
    if (ts.isObjectLiteralExpression(expression)) return { kind: 'object', module: frame.module, node: expression, frame };
    if (ts.isArrayLiteralExpression(expression)) return { kind: 'array', module: frame.module, node: expression, frame };
    if (ts.isClassExpression(expression)) return { kind: 'class', module: frame.module, node: expression, frame };
    if (ts.isAwaitExpression(expression)) return this.evaluate(expression.expression, frame);
    if (ts.isBinaryExpression(expression)) return this.binary(expression, frame);
    if (ts.isConditionalExpression(expression)) {
      const whenTrue = this.evaluate(expression.whenTrue, frame);
      return whenTrue.kind !== 'unknown' ? whenTrue : this.evaluate(expression.whenFalse, frame);
    }
    if (ts.isMetaProperty(expression)) return UNKNOWN;
    return UNKNOWN;
  }

  /** A string when every part is known; unknown parts are rendered as `{expression}` for display. */
  pathText(node: ts.Expression, frame: Frame): string {
    const value = this.evaluate(node, frame);
    if (value.kind === 'string') return value.value;
    const expression = unwrap(node);
    if (ts.isTemplateExpression(expression)) {
      let text = expression.head.text;
      for (const span of expression.templateSpans) {
        const part = this.evaluate(span.expression, frame);
        text += part.kind === 'string' ? part.value : `{${span.expression.getText()}}`;
        text += span.literal.text;
      }
      return text;
    }
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return this.pathText(expression.left, frame) + this.pathText(expression.right, frame);
    }
    if (ts.isRegularExpressionLiteral(expression)) return expression.text;
    return `{${expression.getText()}}`;
  }

  member(value: Value, name: string): Value {
    switch (value.kind) {
      case 'object':
        return this.objectMember(value, name);
      case 'namespace':
        return this.exportOf(value.module, name);
      case 'class':
        return name === 'prototype' ? { kind: 'prototype', cls: value } : classMember(this, value, name, undefined);
      case 'prototype':
        return prototypeMethod(value.cls, name);
      case 'class-instance':
        return instanceMember(this, value.object, name);
      case 'instance':
        return this.decoration(value.instance, name);
      case 'external':
        return { kind: 'external', module: value.module, path: [...value.path, name] };
      case 'array': {
        const index = Number(name);
        const element = Number.isInteger(index) ? value.node.elements[index] : undefined;
        return element && !ts.isSpreadElement(element) && !ts.isOmittedExpression(element) ? this.evaluate(element, value.frame) : UNKNOWN;
      }
      case 'tuple':
        return value.items[Number(name)] ?? UNKNOWN;
      case 'enum': {
        const initializer = value.node.members.find((member) => member.name.getText() === name)?.initializer;
        return initializer ? this.evaluate(initializer, value.frame) : UNKNOWN;
      }
      case 'string':
        if (name === 'pathname' && value.value.startsWith('file://')) return { kind: 'string', value: value.value.slice('file://'.length) };
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /**
   * What iterating a value yields, when the graph can list it: an array literal's elements, the pairs,
   * keys or values of `Object.entries(routes)` over an object literal. Spread members are left out.
   */
  elementsOf(value: Value): Value[] | undefined {
    if (value.kind === 'array') {
      return value.node.elements.filter((element) => !ts.isSpreadElement(element) && !ts.isOmittedExpression(element)).map((element) => this.evaluate(element, value.frame));
    }
    if (value.kind !== 'entries') return undefined;
    const listed: Value[] = [];
    for (const property of value.of.node.properties) {
      const name = ts.isSpreadAssignment(property) ? undefined : propertyNameText(property.name);
      const member = name === undefined ? undefined : this.objectProperty(value.of, name);
      if (name === undefined || !member) continue;
      const key: Value = { kind: 'string', value: name };
      listed.push(value.part === 'keys' ? key : value.part === 'values' ? member.value : { kind: 'tuple', items: [key, member.value] });
    }
    return listed;
  }

  /** The node a member is written at (property initializer, shorthand, method), with its value. */
  objectProperty(value: Value, name: string): { node: ts.Node; value: Value } | undefined {
    if (value.kind !== 'object') return undefined;
    const properties = value.node.properties;
    for (let index = properties.length - 1; index >= 0; index--) {
      const property = properties[index];
      if (ts.isSpreadAssignment(property)) {
        // `options = { ...defaults, ...options }` read back through itself: a cycle the source can write
        if (this.spreading.has(property)) continue;
        this.spreading.add(property);
        try {
          const inner = this.objectProperty(this.evaluate(property.expression, value.frame), name);
          if (inner) return inner;
        } finally {
          this.spreading.delete(property);
        }
        continue;
      }
      if (propertyNameText(property.name) !== name) continue;
      if (ts.isPropertyAssignment(property)) return { node: property.initializer, value: this.evaluate(property.initializer, value.frame) };
      if (ts.isShorthandPropertyAssignment(property)) return { node: property.name, value: this.evaluate(property.name, value.frame) };
      if (ts.isMethodDeclaration(property)) return { node: property, value: { kind: 'function', module: value.module, fn: property, closure: value.frame, thisValue: value } };
      return undefined;
    }
    return this.assignedProperty(value, name);
  }

  /** `const authController = {}; authController.login = async (req, res) => …`: a member set by a statement beside the declaration. */
  private assignedProperty(value: Extract<Value, { kind: 'object' }>, name: string): { node: ts.Node; value: Value } | undefined {
    const declaration = value.node.parent;
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !ts.isVariableDeclarationList(declaration.parent)) return undefined;
    const statement = declaration.parent.parent;
    const block = statement.parent;
    if (!ts.isSourceFile(block) && !ts.isBlock(block)) return undefined;
    const objectName = declaration.name.text;
    let found: ts.Expression | undefined;
    for (const other of block.statements) {
      if (!ts.isExpressionStatement(other) || !ts.isBinaryExpression(other.expression) || other.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = other.expression.left;
      if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === objectName && target.name.text === name) found = other.expression.right;
    }
    return found && { node: found, value: this.evaluate(found, value.frame) };
  }

  /** The value a module gives `require()` or a default import of a CommonJS module. */
  wholeModule(module: ModuleSummary): Value {
    if (module.cjsExport) return this.evaluate(module.cjsExport, this.moduleFrame(module));
    return { kind: 'namespace', module };
  }

  exportOf(module: ModuleSummary, name: string): Value {
    const key = `${module.path}\0${name}`;
    if (this.exportsInProgress.has(key)) return UNKNOWN;
    this.exportsInProgress.add(key);
    try {
      return this.exportUncached(module, name);
    } finally {
      this.exportsInProgress.delete(key);
    }
  }

  /** A module used where a function or router is expected: its default export, else what it assigns to module.exports. */
  unwrapModule(value: Value): Value {
    if (value.kind !== 'namespace') return value;
    const fallback = this.exportOf(value.module, 'default');
    return fallback.kind === 'unknown' ? value : fallback;
  }

  importValue(module: ModuleSummary, specifier: string, imported: string): Value {
    const target = this.resolveModule(module, specifier);
    if (!target) return { kind: 'external', module: specifier.replace(/^node:/, ''), path: imported === 'default' || imported === '*' ? [] : [imported] };
    if (imported === '*') return { kind: 'namespace', module: target };
    return this.exportOf(target, imported);
  }

  resolveModule(from: ModuleSummary, specifier: string): ModuleSummary | undefined {
    const path = this.modules.resolve(specifier, from.path);
    return path ? this.modules.summaryOf(path) : undefined;
  }

  /** Value of a declaration found by scope lookup, evaluated in the activation that owns it. */
  declarationValue(declaration: ts.Node, frame: Frame): Value {
    const module = this.moduleOfNode(declaration, frame);
    if (!module) return UNKNOWN;
    const owner = this.frameOwning(declaration, frame, module);
    if (ts.isParameter(declaration)) {
      const bound = owner.bindings.get(declaration);
      if (bound) return bound;
      return declaration.initializer ? this.evaluate(declaration.initializer, owner) : UNKNOWN;
    }
    if (ts.isVariableDeclaration(declaration)) {
      const bound = owner.bindings.get(declaration);
      if (bound) return bound;
      if (!declaration.initializer || ts.isForOfStatement(declaration.parent.parent) || ts.isForInStatement(declaration.parent.parent)) return UNKNOWN;
      const initializer = declaration.initializer;
      return this.memoized(declaration, owner, (memoFrame) => this.evaluate(initializer, memoFrame));
    }
    if (ts.isBindingElement(declaration)) return this.bindingElement(declaration, frame);
    if (ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration)) return { kind: 'function', module, fn: declaration, closure: owner };
    if (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) return { kind: 'class', module, node: declaration, frame: owner };
    if (ts.isEnumDeclaration(declaration)) return { kind: 'enum', node: declaration, frame: owner };
    if (ts.isImportClause(declaration)) return this.importValue(module, moduleSpecifierText(declaration.parent), 'default');
    if (ts.isNamespaceImport(declaration)) return this.importValue(module, moduleSpecifierText(declaration.parent.parent), '*');
    if (ts.isImportSpecifier(declaration)) {
      return this.importValue(module, moduleSpecifierText(declaration.parent.parent.parent), (declaration.propertyName ?? declaration.name).text);
    }
    if (ts.isImportEqualsDeclaration(declaration)) {
      const reference = declaration.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) return this.requireValue(module, reference.expression.text);
    }
    return UNKNOWN;
  }

  thisOf(frame: Frame): Value {
    for (let current: Frame | undefined = frame; current; current = current.parent) {
      if (current.thisValue) return current.thisValue;
      // Arrow functions see the `this` of where they were written; other functions have their own.
      if (!current.loop && !ts.isArrowFunction(current.container) && !ts.isSourceFile(current.container)) return UNKNOWN;
    }
    return UNKNOWN;
  }

  /** The values a function returns: the expression body of an arrow, else the first useful `return`. */
  returnValue(fn: Callable, frame: Frame): Value {
    const body = fn.body;
    if (!body) return UNKNOWN;
    if (!ts.isBlock(body)) return this.evaluate(body, frame);
    let found: Value = UNKNOWN;
    let seen = 0;
    const visit = (node: ts.Node): void => {
      if (found.kind !== 'unknown' || seen > MAX_RETURN_SEARCH || isCallable(node) || ts.isClassLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) {
        seen++;
        found = this.evaluate(node.expression, frame);
        return;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    return found;
  }

  protected requireValue(module: ModuleSummary, specifier: string): Value {
    const target = this.resolveModule(module, specifier);
    return target ? this.wholeModule(target) : { kind: 'external', module: specifier.replace(/^node:/, ''), path: [] };
  }

  /** Evaluates once per activation: a call's effects (an app created, a router filled) happen once. */
  protected memoized(node: ts.Node, frame: Frame, compute: (owner: Frame) => Value): Value {
    const owner = memoOwner(node, frame);
    const cached = owner.memo.get(node);
    if (cached) return cached;
    owner.memo.set(node, UNKNOWN);
    const value = compute(owner);
    owner.memo.set(node, value);
    return value;
  }

  private call(call: ts.CallExpression, frame: Frame): Value {
    const callee = unwrap(call.expression);
    if (callee.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = call.arguments[0];
      if (!specifier || !ts.isStringLiteralLike(specifier)) return UNKNOWN;
      const target = this.resolveModule(frame.module, specifier.text);
      return target ? { kind: 'namespace', module: target } : { kind: 'external', module: specifier.text, path: [] };
    }
    if (ts.isIdentifier(callee) && callee.text === 'require' && !findDeclaration('require', callee)) {
      const specifier = call.arguments[0];
      return specifier && ts.isStringLiteralLike(specifier) ? this.requireValue(frame.module, specifier.text) : UNKNOWN;
    }
    let thisValue: Value | undefined;
    let calleeValue: Value;
    if (ts.isPropertyAccessExpression(callee)) {
      const object = this.evaluate(callee.expression, frame);
      const name = callee.name.text;
      const special = this.methodResult(object, name, call, frame);
      if (special) return special;
      const resolved = this.containerResolved(name, call, frame);
      if (resolved) return resolved;
      thisValue = object;
      calleeValue = this.member(object, name);
    } else {
      calleeValue = this.evaluate(callee, frame);
    }
    return this.apply(calleeValue, call, frame, thisValue);
  }

  /** Methods whose result the graph knows without a body: chainable app methods, `.bind`, `.route()`. */
  private methodResult(object: Value, name: string, call: ts.CallExpression, frame: Frame): Value | undefined {
    if (object.kind === 'instance') {
      const framework = object.instance.framework;
      if (framework === 'express' && name === 'route' && call.arguments[0]) {
        return { kind: 'route-chain', instance: object.instance, path: this.pathText(call.arguments[0], frame) };
      }
      if (framework === 'express' ? EXPRESS_CHAINABLE.has(name) : FASTIFY_CHAINABLE.has(name)) return object;
      return undefined;
    }
    if (object.kind === 'route-chain' && ROUTE_CHAIN_METHODS.has(name)) return object;
    if (object.kind === 'function' && name === 'bind') {
      const bound = call.arguments[0] ? this.evaluate(call.arguments[0], frame) : undefined;
      return { ...object, thisValue: bound ?? object.thisValue };
    }
    if (object.kind === 'external' && object.path.length === 0 && PATH_MODULES.has(object.module)) {
      return evaluatePathCall(name, this.args(call, frame), this.modules.root) ?? UNKNOWN;
    }
    return undefined;
  }

  private apply(calleeValue: Value, call: ts.CallExpression, frame: Frame, thisValue: Value | undefined): Value {
    if (calleeValue.kind === 'function') {
      const args = this.args(call, frame);
      const result = this.invoke(calleeValue, args, calleeValue.thisValue ?? thisValue, call);
      // Wrappers and factories: chain links name the call site, definitions the wrapped function.
      return result.kind === 'function' ? { ...result, origin: { call, module: frame.module, callee: calleeValue, args } } : result;
    }
    if (calleeValue.kind === 'external') return this.externalCall(calleeValue, call, frame);
    if (calleeValue.kind === 'namespace') {
      const unwrapped = this.unwrapModule(calleeValue);
      if (unwrapped.kind === 'function') return this.invoke(unwrapped, this.args(call, frame), undefined, call);
    }
    return { kind: 'call', module: frame.module, call, callee: calleeValue, args: this.args(call, frame) };
  }

  /**
   * A dependency-injection container handing out a project class: `container.resolve<UserController>('userController')`
   * (awilix), `container.resolve(UserController)` (tsyringe), `container.get<UsersService>(TYPES.UsersService)` (inversify).
   */
  private containerResolved(method: string, call: ts.CallExpression, frame: Frame): Value | undefined {
    if (method !== 'resolve' && method !== 'get') return undefined;
    const typeArgument = call.typeArguments?.[0];
    const token = typeArgument && ts.isTypeReferenceNode(typeArgument) && ts.isIdentifier(typeArgument.typeName) ? typeArgument.typeName : call.arguments[0] && ts.isIdentifier(unwrap(call.arguments[0])) ? (unwrap(call.arguments[0]) as ts.Identifier) : undefined;
    const cls = token ? this.evaluate(token, frame) : undefined;
    return cls?.kind === 'class' ? this.constructInjected(cls, 0) : undefined;
  }

  /**
   * A class the container builds: each constructor parameter typed with a project class gets an
   * instance of it, built the same way (`constructor(private readonly controller: ProductController)`).
   */
  private constructInjected(cls: ClassValue, depth: number): Value {
    const ctor = cls.node.members.find(ts.isConstructorDeclaration);
    const args = (ctor?.parameters ?? []).map((parameter): Value => {
      const type = parameter.type;
      if (depth >= MAX_INJECTION_DEPTH || !type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return UNKNOWN;
      const dependency = this.evaluate(type.typeName, cls.frame);
      return dependency.kind === 'class' && dependency.node !== cls.node ? this.constructInjected(dependency, depth + 1) : UNKNOWN;
    });
    return this.construct(cls, args, undefined);
  }

  private externalCall(callee: Extract<Value, { kind: 'external' }>, call: ts.CallExpression, frame: Frame): Value {
    const { module, path } = callee;
    const last = path[path.length - 1];
    if (module === 'express' && (path.length === 0 || (path.length === 1 && path[0] === 'default'))) return this.instanceValue('express-app', call, frame);
    if (module === 'express' && last === 'Router') return this.instanceValue('express-router', call, frame);
    if (module === 'fastify' && (path.length === 0 || (path.length === 1 && FASTIFY_FACTORY_NAMES.has(path[0])))) return this.instanceValue('fastify', call, frame);
    if (module === 'fastify-plugin' && (path.length === 0 || last === 'default' || last === 'fastifyPlugin')) {
      const inner = call.arguments[0] ? this.unwrapModule(this.evaluate(call.arguments[0], frame)) : UNKNOWN;
      const options = call.arguments[1] ? this.evaluate(call.arguments[1], frame) : undefined;
      const encapsulate = options && this.objectProperty(options, 'encapsulate')?.node.kind === ts.SyntaxKind.TrueKeyword;
      return { kind: 'plugin', inner, skipOverride: !encapsulate, module: frame.module, call };
    }
    if (PATH_MODULES.has(module) && path.length === 1) return evaluatePathCall(path[0], this.args(call, frame), this.modules.root) ?? UNKNOWN;
    if (module === '<global>' && path.length === 2 && path[0] === 'Object' && (path[1] === 'entries' || path[1] === 'keys' || path[1] === 'values') && call.arguments[0]) {
      const of = this.evaluate(call.arguments[0], frame);
      if (of.kind === 'object') return { kind: 'entries', of, part: path[1] };
    }
    if (URL_MODULES.has(module) && last === 'fileURLToPath') return fileUrlToPath(call.arguments[0] ? this.evaluate(call.arguments[0], frame) : undefined) ?? UNKNOWN;
    return { kind: 'call', module: frame.module, call, callee, args: this.args(call, frame) };
  }

  private newExpression(node: ts.NewExpression, frame: Frame): Value {
    const callee = this.evaluate(node.expression, frame);
    const args = node.arguments ? node.arguments.map((argument) => this.evaluate(argument, frame)) : [];
    if (callee.kind === 'class') return this.construct(callee, args, node);
    if (callee.kind === 'external' && callee.module === 'express' && callee.path[callee.path.length - 1] === 'Router') {
      return this.instanceValue('express-router', node, frame);
    }
    if (callee.kind === 'external' && callee.module === '<global>' && callee.path[0] === 'URL') return resolveUrl(args[0], args[1]) ?? UNKNOWN;
    return UNKNOWN;
  }

  private instanceValue(kind: AppKind, node: ts.CallExpression | ts.NewExpression, frame: Frame): Value {
    return { kind: 'instance', instance: this.createInstance(kind, node, frame.module, bindingName(node) ?? defaultName(kind)) };
  }

  private args(call: ts.CallExpression, frame: Frame): Value[] {
    return call.arguments.map((argument) => (ts.isSpreadElement(argument) ? UNKNOWN : this.evaluate(argument, frame)));
  }

  private identifier(node: ts.Identifier, frame: Frame): Value {
    const declaration = findDeclaration(node.text, node);
    if (declaration) return this.declarationValue(declaration, frame);
    switch (node.text) {
      case '__dirname':
        return { kind: 'string', value: dirname(frame.module.path) };
      case '__filename':
        return { kind: 'string', value: frame.module.path };
      case 'undefined':
        return UNKNOWN;
      default:
        return { kind: 'external', module: '<global>', path: [node.text] };
    }
  }

  private propertyAccess(node: ts.PropertyAccessExpression, frame: Frame): Value {
    const object = node.expression;
    if (ts.isMetaProperty(object) && object.keywordToken === ts.SyntaxKind.ImportKeyword) {
      const path = frame.module.path;
      if (node.name.text === 'dirname') return { kind: 'string', value: dirname(path) };
      if (node.name.text === 'filename') return { kind: 'string', value: path };
      if (node.name.text === 'url') return { kind: 'string', value: `file://${path}` };
      return UNKNOWN;
    }
    if (ts.isIdentifier(object) && object.text === 'module' && node.name.text === 'exports' && !findDeclaration('module', object)) {
      return this.wholeModule(frame.module);
    }
    return this.member(this.evaluate(object, frame), node.name.text);
  }

  private template(node: ts.TemplateExpression, frame: Frame): Value {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const part = this.evaluate(span.expression, frame);
      if (part.kind !== 'string') return UNKNOWN;
      text += part.value + span.literal.text;
    }
    return { kind: 'string', value: text };
  }

  private binary(node: ts.BinaryExpression, frame: Frame): Value {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken) {
      const left = this.evaluate(node.left, frame);
      const right = this.evaluate(node.right, frame);
      return left.kind === 'string' && right.kind === 'string' ? { kind: 'string', value: left.value + right.value } : UNKNOWN;
    }
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      const left = this.evaluate(node.left, frame);
      return left.kind !== 'unknown' && !(left.kind === 'external' && left.module === '<global>') ? left : this.evaluate(node.right, frame);
    }
    if (operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.CommaToken) return this.evaluate(node.right, frame);
    return UNKNOWN;
  }

  private bindingElement(element: ts.BindingElement, frame: Frame): Value {
    const path: string[] = [];
    let current: ts.Node = element;
    while (ts.isBindingElement(current)) {
      const pattern: ts.BindingPattern = current.parent;
      if (ts.isObjectBindingPattern(pattern)) {
        const key = current.propertyName ? propertyNameText(current.propertyName) : ts.isIdentifier(current.name) ? current.name.text : undefined;
        if (key === undefined || current.dotDotDotToken) return UNKNOWN;
        path.unshift(key);
      } else {
        path.unshift(String(pattern.elements.indexOf(current)));
      }
      current = pattern.parent;
    }
    let value = this.declarationValue(current, frame);
    for (const key of path) value = this.member(value, key);
    if (value.kind === 'unknown' && element.initializer) return this.evaluate(element.initializer, frame);
    return value;
  }

  private exportUncached(module: ModuleSummary, name: string): Value {
    const entry = module.exports.get(name);
    const frame = this.moduleFrame(module);
    if (entry) {
      switch (entry.kind) {
        case 'expression':
          return this.evaluate(entry.expression, frame);
        case 'declaration':
          return this.declarationValue(entry.node, frame);
        case 'local': {
          const declaration = findDeclaration(entry.name, entry.node);
          return declaration ? this.declarationValue(declaration, frame) : UNKNOWN;
        }
        case 'reexport':
          return this.importValue(module, entry.specifier, entry.name);
      }
    }
    if (module.cjsExport) {
      const whole = this.wholeModule(module);
      return name === 'default' ? whole : this.member(whole, name);
    }
    for (const specifier of module.starExports) {
      if (name === 'default') break;
      const value = this.importValue(module, specifier, name);
      if (value.kind !== 'unknown' && !(value.kind === 'external' && !this.resolveModule(module, specifier))) return value;
    }
    return UNKNOWN;
  }

  private objectMember(value: Extract<Value, { kind: 'object' }>, name: string): Value {
    return this.objectProperty(value, name)?.value ?? UNKNOWN;
  }

  private decoration(instance: Instance, name: string): Value {
    for (let current: Instance | undefined = instance; current; current = current.parent) {
      const value = current.decorations.get(name);
      if (value) return value;
    }
    return UNKNOWN;
  }

  private moduleOfNode(node: ts.Node, frame: Frame): ModuleSummary | undefined {
    const fileName = node.getSourceFile().fileName;
    return fileName === frame.module.path ? frame.module : this.modules.summaryOf(fileName);
  }

  private frameOwning(declaration: ts.Node, frame: Frame, module: ModuleSummary): Frame {
    const owner = owningCallable(declaration);
    for (let current: Frame | undefined = frame; current; current = current.parent) {
      if (current.loop) {
        if (within(declaration, current.loop)) return current;
        continue;
      }
      if (owner ? current.container === owner : current.container === module.sourceFile) return current;
    }
    if (!owner) return this.moduleFrame(module);
    let detached = this.detachedFrames.get(owner);
    if (!detached) {
      detached = this.newFrame(module, owner, this.moduleFrame(module));
      this.detachedFrames.set(owner, detached);
    }
    return detached;
  }
}

/** The activation a node's memo belongs to: the loop iteration it sits in, else its function's frame. */
function memoOwner(node: ts.Node, frame: Frame): Frame {
  for (let current: Frame | undefined = frame; current; current = current.parent) {
    if (current.loop) {
      if (within(node, current.loop)) return current;
      continue;
    }
    if (ts.isSourceFile(current.container) || within(node, current.container)) return current;
  }
  return frame;
}

function moduleSpecifierText(declaration: { moduleSpecifier: ts.Expression }): string {
  return ts.isStringLiteral(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : '';
}

/** The name an instance is bound to where it is created: `const app = express()`, `this.router = Router()`. */
function bindingName(node: ts.Node): string | undefined {
  let current = node.parent;
  while (current && (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isAwaitExpression(current))) current = current.parent;
  if (!current) return undefined;
  if (ts.isVariableDeclaration(current) && ts.isIdentifier(current.name)) return current.name.text;
  if (ts.isPropertyDeclaration(current) && ts.isIdentifier(current.name)) return current.name.text;
  if (ts.isPropertyAssignment(current)) return propertyNameText(current.name);
  if (ts.isBinaryExpression(current) && ts.isPropertyAccessExpression(current.left)) return current.left.name.text;
  return undefined;
}

function defaultName(kind: AppKind): string {
  return kind === 'express-app' ? 'app' : kind === 'express-router' ? 'router' : 'fastify';
}

/** A method of a class read from its prototype: the function itself, with no instance to run it on. */
function prototypeMethod(cls: Extract<Value, { kind: 'class' }>, name: string): Value {
  for (const member of cls.node.members) {
    if (ts.isMethodDeclaration(member) && member.name && propertyNameText(member.name) === name && !ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) {
      return { kind: 'function', module: cls.module, fn: member, closure: cls.frame };
    }
  }
  return UNKNOWN;
}
