import ts from 'typescript';
import type { AppKind } from '../../analysis/types';
import type { Framework } from '../../model/rule-meta';
import { baseClass } from './class-members';
import { Evaluator, type ClassValue, type FunctionValue, type ProjectModules } from './evaluator';
import { unwrap } from './syntax-utils';
import { isCallable, type GraphEvent, type ModuleSummary } from './module-summary';
import { Registrar } from './registrar';
import { Relevance } from './relevance';
import { findDeclaration } from './scope';
import { UNKNOWN, type ClassObject, type Frame, type Instance, type Value } from './values';

/** A call the per-file analysis recognised as a registration, for receivers the graph cannot trace. */
export interface ClassifiedCall {
  framework: Framework;
  kind?: AppKind;
}

export interface InterpreterOptions {
  classified(module: ModuleSummary): ReadonlyMap<ts.Node, ClassifiedCall>;
  readDirectory(path: string): { files: string[]; directories: string[] };
  /** Whether a module's top level may run as part of the package (not a test, not a dependency). */
  isEntryCandidate(path: string): boolean;
  /** Upper bound on calls stepped through, so pathological code cannot stall a lint. */
  budget?: number;
}

const MAX_DEPTH = 40;
const MAX_SAME_FUNCTION = 2;
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap']);

/**
 * Steps through the package's startup code — module top levels and the functions they call — and
 * records, per app / router / Fastify context, the routes, middleware, mounts, plugins and hooks
 * registered on it, in the order they are registered. Nothing is executed for real.
 */
export class Interpreter extends Evaluator {
  readonly instances: Instance[] = [];
  readonly registrar: Registrar;
  readonly executedCalls = new Set<ts.Node>();
  private readonly executedContainers = new Set<ts.Node>();
  private readonly invokedSites = new Set<ts.Node>();
  private readonly modulesRun = new Set<ModuleSummary>();
  private readonly active: ts.Node[] = [];
  private readonly synthetic = new Map<string, Instance>();
  private readonly relevance: Relevance;
  private seq = 0;
  private steps = 0;
  private readonly budget: number;

  constructor(
    modules: ProjectModules,
    readonly options: InterpreterOptions,
  ) {
    super(modules);
    this.relevance = new Relevance((path) => modules.summaryOf(path), (specifier, from) => modules.resolve(specifier, from));
    this.registrar = new Registrar(this);
    this.budget = options.budget ?? 200_000;
  }

  get exhausted(): boolean {
    return this.steps > this.budget;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  summaryOf(path: string): ModuleSummary | undefined {
    return this.modules.summaryOf(path);
  }

  runModule(module: ModuleSummary): void {
    if (this.modulesRun.has(module)) return;
    this.modulesRun.add(module);
    if (!this.relevance.module(module)) return;
    this.executedContainers.add(module.sourceFile);
    this.runEvents(module.top.events, this.moduleFrame(module));
  }

  /**
   * Registrations in functions nothing was seen calling (a router factory used only by tests, a
   * plugin loaded by a mechanism the graph does not know): run the outermost such function with
   * unknown arguments so its routes still appear, under receivers that stand for the unknown app.
   */
  runOrphans(modules: readonly ModuleSummary[]): void {
    for (let pass = 0; pass < 4; pass++) {
      let progressed = false;
      for (const module of modules) {
        for (const call of this.options.classified(module).keys()) {
          if (this.executedCalls.has(call) || this.exhausted) continue;
          const fn = this.outermostUnexecuted(call);
          if (!fn) continue;
          progressed = true;
          this.runDetached(module, fn);
        }
      }
      if (!progressed) break;
    }
  }

  /** Runs a Fastify plugin function with the context it registers into, whatever its relevance. */
  runPlugin(fn: FunctionValue, context: Instance, options: Value, site: ts.Node): void {
    this.callFunction(fn, [{ kind: 'instance', instance: context }, options], undefined, site, true);
  }

  createInstance(kind: AppKind, node: ts.Node, module: ModuleSummary, name: string): Instance {
    const instance: Instance = {
      id: this.nextId++,
      framework: kind === 'fastify' ? 'fastify' : 'express',
      kind,
      name,
      module,
      node,
      synthetic: false,
      ops: [],
      mounted: false,
      children: [],
      decorations: new Map(),
    };
    this.instances.push(instance);
    return instance;
  }

  /** An instance standing for a receiver the graph cannot trace; one per binding and activation. */
  syntheticFor(receiver: ts.Expression, frame: Frame, classified: ClassifiedCall): Instance {
    const root = rootIdentifier(receiver);
    const declaration = root ? findDeclaration(root.text, root) : undefined;
    const key = declaration ? `${declaration.getSourceFile().fileName}:${declaration.pos}:${receiver.getText()}` : `${frame.id}:${receiver.getText()}`;
    let instance = this.synthetic.get(key);
    if (!instance) {
      const kind: AppKind = classified.kind ?? (classified.framework === 'fastify' ? 'fastify' : 'express-router');
      instance = this.createInstance(kind, receiver, frame.module, receiver.getText());
      instance.synthetic = true;
      this.synthetic.set(key, instance);
      if (declaration && root === unwrap(receiver) && (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration))) {
        // Later reads of the same parameter (passing it on to another function) see this instance too.
        const owner = this.ownerFrameOf(declaration, frame);
        owner?.bindings.set(declaration, { kind: 'instance', instance });
      }
    }
    return instance;
  }

  protected invoke(fn: FunctionValue, args: readonly Value[], thisValue: Value | undefined, site: ts.Node): Value {
    return this.callFunction(fn, args, thisValue, site, false);
  }

  protected construct(cls: ClassValue, args: readonly Value[], site: ts.NewExpression | undefined): Value {
    const object: ClassObject = { id: this.nextId++, cls, fields: new Map(), frame: undefined as unknown as Frame };
    const value: Value = { kind: 'class-instance', object };
    object.frame = this.newFrame(cls.module, cls.node, cls.frame, value);
    this.runConstructor(cls, object, value, args, site ?? cls.node, 0);
    return value;
  }

  private runConstructor(cls: ClassValue, object: ClassObject, value: Value, args: readonly Value[], site: ts.Node, depth: number): void {
    const ctor = cls.node.members.find(ts.isConstructorDeclaration);
    if (!ctor) {
      const base = depth < 8 ? baseClass(this, cls) : undefined;
      if (base) this.runConstructor(base, object, value, args, site, depth + 1);
      return;
    }
    ctor.parameters.forEach((parameter, index) => {
      const isProperty = (ts.getModifiers(parameter)?.length ?? 0) > 0;
      if (isProperty && ts.isIdentifier(parameter.name) && args[index]) object.fields.set(parameter.name.text, args[index]);
    });
    this.callFunction({ kind: 'function', module: cls.module, fn: ctor, closure: object.frame, thisValue: value }, args, value, site, false);
  }

  private callFunction(fn: FunctionValue, args: readonly Value[], thisValue: Value | undefined, site: ts.Node, force: boolean): Value {
    this.invokedSites.add(site);
    if (this.active.length >= MAX_DEPTH || this.active.filter((node) => node === fn.fn).length >= MAX_SAME_FUNCTION) return UNKNOWN;
    const lexicalThis = ts.isArrowFunction(fn.fn);
    const frame = this.newFrame(fn.module, fn.fn, fn.closure, lexicalThis ? undefined : (fn.thisValue ?? thisValue));
    fn.fn.parameters.forEach((parameter, index) => {
      const arg = args[index];
      if (arg && arg.kind !== 'unknown' && !parameter.dotDotDotToken) frame.bindings.set(parameter, arg);
    });
    const container = force || this.relevance.module(fn.module) ? fn.module.container(fn.fn) : undefined;
    this.active.push(fn.fn);
    try {
      if (container && (force || this.relevance.container(fn.module, container)) && !this.exhausted) {
        this.executedContainers.add(fn.fn);
        this.runEvents(container.events, frame);
      }
      fn.module.noteReturnRead(fn.fn);
      return this.returnValue(fn.fn, frame);
    } finally {
      this.active.pop();
    }
  }

  private runEvents(events: readonly GraphEvent[], frame: Frame): void {
    for (const event of events) {
      if (this.exhausted) return;
      this.steps++;
      if (event.kind === 'call') this.runCall(event.node, frame);
      else if (event.kind === 'assign') this.runAssign(event.node, frame);
      else this.runLoop(event.node, event.events, frame);
    }
  }

  private runCall(node: ts.CallExpression | ts.NewExpression, frame: Frame): void {
    if (ts.isNewExpression(node)) {
      this.evaluate(node, frame);
      return;
    }
    const callee = unwrap(node.expression);
    if (callee.kind === ts.SyntaxKind.SuperKeyword) {
      this.runSuper(node, frame);
      return;
    }
    const required = requiredSpecifier(node);
    if (required !== undefined) {
      // A CommonJS require runs the module right here, so what it registers lands in this order.
      const target = this.resolveModule(frame.module, required);
      if (target && this.options.isEntryCandidate(target.path)) this.runModule(target);
    }
    // `router[route.method](route.path, …)` over a table of routes: the method is a string the loop hands in
    if (ts.isElementAccessExpression(callee)) {
      const method = this.evaluate(callee.argumentExpression, frame);
      if (method.kind === 'string' && this.registrar.record(this.evaluate(callee.expression, frame), method.value, node, frame)) {
        this.executedCalls.add(node);
        return;
      }
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = this.evaluate(callee.expression, frame);
      const name = callee.name.text;
      if (this.registrar.record(receiver, name, node, frame)) {
        this.executedCalls.add(node);
        return;
      }
      const elements = ITERATING_METHODS.has(name) && node.arguments[0] ? this.elementsOf(receiver) : undefined;
      if (elements && node.arguments[0]) {
        this.iterate(elements, this.evaluate(node.arguments[0], frame), node);
        return;
      }
      const classified = this.options.classified(frame.module).get(node);
      if (classified && receiver.kind !== 'instance' && receiver.kind !== 'route-chain') {
        const stand = this.registrar.standIn(callee.expression, frame, classified);
        if (stand && this.registrar.record(stand, name, node, frame)) {
          this.executedCalls.add(node);
          return;
        }
      }
    }
    this.evaluate(node, frame);
    if (this.invokedSites.has(node)) return;
    for (const argument of node.arguments) {
      const inner = unwrap(argument);
      if (!ts.isFunctionExpression(inner) && !ts.isArrowFunction(inner)) continue;
      this.runCallback(frame.module, inner, frame);
    }
  }

  /** A function handed to code the graph cannot see (`.then(cb)`, `listen(cb)`): run it if it can register. */
  private runCallback(module: ModuleSummary, fn: ts.FunctionExpression | ts.ArrowFunction, frame: Frame): void {
    if (!this.relevance.module(module) || !this.relevance.container(module, module.container(fn))) return;
    this.callFunction({ kind: 'function', module, fn, closure: frame }, [], undefined, fn, true);
  }

  private iterate(elements: readonly Value[], callback: Value, site: ts.Node): void {
    if (callback.kind !== 'function') return;
    if (!this.relevance.module(callback.module) || !this.relevance.container(callback.module, callback.module.container(callback.fn))) return;
    elements.forEach((value, index) => this.callFunction(callback, [value, { kind: 'string', value: String(index) }], undefined, site, true));
  }

  private runLoop(loop: ts.ForOfStatement, events: readonly GraphEvent[], frame: Frame): void {
    const iterable = this.evaluate(loop.expression, frame);
    const declaration = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0] : undefined;
    const iteration = (value: Value | undefined): void => {
      const inner: Frame = { ...this.newFrame(frame.module, frame.container, frame), loop };
      if (declaration && value) inner.bindings.set(declaration, value);
      this.runEvents(events, inner);
    };
    const elements = this.elementsOf(iterable);
    if (!elements) {
      iteration(undefined);
      return;
    }
    for (const element of elements) iteration(element);
  }

  private runAssign(node: ts.BinaryExpression, frame: Frame): void {
    const self = this.thisOf(frame);
    if (self.kind !== 'class-instance' || !ts.isPropertyAccessExpression(node.left)) return;
    self.object.fields.set(node.left.name.text, this.evaluate(node.right, frame));
  }

  private runSuper(node: ts.CallExpression, frame: Frame): void {
    const self = this.thisOf(frame);
    if (self.kind !== 'class-instance') return;
    const enclosing = findEnclosingClass(node);
    const cls: ClassValue | undefined = enclosing && enclosing === self.object.cls.node ? self.object.cls : undefined;
    const base = cls ? baseClass(this, cls) : undefined;
    if (!base) return;
    const args = node.arguments.map((argument) => this.evaluate(argument, frame));
    this.runConstructor(base, self.object, self, args, node, 0);
  }

  private outermostUnexecuted(call: ts.Node): ts.Node | undefined {
    let candidate: ts.Node | undefined;
    for (let current = call.parent; current && !ts.isSourceFile(current); current = current.parent) {
      if (!isCallable(current)) continue;
      if (this.executedContainers.has(current)) break;
      candidate = current;
    }
    return candidate;
  }

  private runDetached(module: ModuleSummary, fn: ts.Node): void {
    this.executedContainers.add(fn);
    const cls = ts.isClassLike(fn.parent) ? fn.parent : undefined;
    if (!isCallable(fn)) return;
    const moduleFrame = this.moduleFrame(module);
    if (cls) {
      const classValue: ClassValue = { kind: 'class', module, node: cls, frame: moduleFrame };
      const object = this.construct(classValue, [], undefined);
      if (ts.isConstructorDeclaration(fn)) return;
      this.callFunction({ kind: 'function', module, fn, closure: object.kind === 'class-instance' ? object.object.frame : moduleFrame, thisValue: object }, [], object, fn, true);
      return;
    }
    this.callFunction({ kind: 'function', module, fn, closure: moduleFrame }, [], undefined, fn, true);
  }

  private ownerFrameOf(declaration: ts.Node, frame: Frame): Frame | undefined {
    const owner = ts.isParameter(declaration) ? declaration.parent : undefined;
    for (let current: Frame | undefined = frame; current; current = current.parent) {
      if (owner ? current.container === owner : ts.isSourceFile(current.container) || current.container === findCallableOf(declaration)) return current;
    }
    return undefined;
  }

  /** Plugins loaded from folders by @fastify/autoload run like registered plugins. */
  moduleDefault(module: ModuleSummary): Value {
    const value = this.exportOf(module, 'default');
    return value.kind === 'unknown' ? this.wholeModule(module) : value;
  }
}

function requiredSpecifier(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  const argument = call.arguments[0];
  if (!argument || !ts.isStringLiteralLike(argument)) return undefined;
  if (ts.isIdentifier(callee) && callee.text === 'require' && !findDeclaration('require', callee)) return argument.text;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return argument.text;
  return undefined;
}

function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let current = unwrap(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
  return ts.isIdentifier(current) ? current : undefined;
}

function findEnclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isClassLike(current)) return current;
  return undefined;
}

function findCallableOf(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isCallable(current)) return current;
  return undefined;
}
