import ts from 'typescript';
import type { ChainLink, SourceLocation } from '../route-graph-types';
import { unwrap } from './syntax-utils';
import type { Interpreter } from './interpreter';
import { linkName } from './link-names';
import type { ModuleSummary } from './module-summary';
import type { LinkSource, Value } from './values';

const MAX_DEPTH = 6;

/** Turns what the interpreter recorded into the graph's links: names, positions, definitions. */
export class LinkResolver {
  constructor(private readonly rt: Interpreter) {}

  location(module: ModuleSummary, node: ts.Node): SourceLocation {
    const start = node.getStart(module.sourceFile);
    return { file: module.path, start, ...module.lineAndColumn(start) };
  }

  link(source: LinkSource, scope: ChainLink['scope'], hook?: string): ChainLink {
    const link: ChainLink = { name: source.name, scope, at: this.location(source.module, source.expression) };
    if (hook) link.hook = hook;
    const definition = this.definition(source.value);
    if (definition) link.definition = definition;
    const module = this.packageOf(source.value);
    if (module) {
      link.module = module;
      link.name ??= module;
    }
    if (source.via) link.via = source.via;
    return link;
  }

  handler(source: LinkSource): { name?: string; definition?: SourceLocation; module?: string; wrapper?: string } {
    const result: { name?: string; definition?: SourceLocation; module?: string; wrapper?: string } = {};
    const wrapped = this.wrappedArgument(source.value);
    const expression = ts.isExpression(source.expression) ? unwrap(source.expression) : undefined;
    if (expression && ts.isCallExpression(expression) && wrapped) {
      // `asyncHandler(usersController.create)`: the route is handled by what is wrapped.
      result.wrapper = linkName(expression.expression);
      const inner = expression.arguments[0];
      result.name = inner ? linkName(inner) : undefined;
    } else {
      result.name = source.name;
      if (wrapped && source.value.kind === 'function' && source.value.origin) result.wrapper = linkName(source.value.origin.call.expression);
    }
    const definition = this.definition(source.value);
    if (definition) result.definition = definition;
    const module = this.packageOf(source.value);
    if (module) result.module = module;
    if (result.name === undefined) delete result.name;
    if (result.wrapper === undefined) delete result.wrapper;
    return result;
  }

  /** Where the function behind a value is written: the wrapped function, the factory, or the creating call. */
  definition(value: Value, depth = 0): SourceLocation | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (value.kind) {
      case 'function': {
        if (value.origin) {
          const wrapped = this.wrapped(value);
          if (wrapped) return this.definition(wrapped, depth + 1);
          return this.definition(value.origin.callee, depth + 1) ?? this.location(value.module, value.fn);
        }
        return this.location(value.module, value.fn);
      }
      case 'call': {
        const wrapped = this.wrapped(value);
        if (wrapped) return this.definition(wrapped, depth + 1);
        if (value.callee.kind === 'external') return this.location(value.module, value.call);
        return this.definition(value.callee, depth + 1) ?? this.location(value.module, value.call);
      }
      case 'plugin':
        return this.definition(value.inner, depth + 1) ?? this.location(value.module, value.call);
      case 'namespace': {
        const unwrapped = this.rt.unwrapModule(value);
        return unwrapped === value ? undefined : this.definition(unwrapped, depth + 1);
      }
      case 'object':
      case 'array':
        return this.location(value.module, value.node);
      case 'class':
        return this.location(value.module, value.node);
      case 'class-instance':
        return this.location(value.object.cls.module, value.object.cls.node);
      case 'instance':
        return this.location(value.instance.module, value.instance.node);
      default:
        return undefined;
    }
  }

  /**
   * Offsets a rule may hold for the function behind a value: the function itself (its start and its
   * name), the declaration binding it, the wrapped function and the factory that made it.
   */
  functionStarts(value: Value, into: { file: string; start: number }[] = [], depth = 0): { file: string; start: number }[] {
    if (depth > MAX_DEPTH) return into;
    if (value.kind === 'function') {
      addCallableStarts(value.module, value.fn, into);
      if (value.origin) {
        const wrapped = this.wrapped(value);
        if (wrapped) this.functionStarts(wrapped, into, depth + 1);
      }
    } else if (value.kind === 'call') {
      const wrapped = this.wrapped(value);
      if (wrapped) this.functionStarts(wrapped, into, depth + 1);
    } else if (value.kind === 'namespace') {
      const unwrapped = this.rt.unwrapModule(value);
      if (unwrapped !== value) this.functionStarts(unwrapped, into, depth + 1);
    }
    return into;
  }

  /** Express error middleware: a function of four parameters, looking through wrappers. */
  isErrorHandler(value: Value, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    if (value.kind === 'function') {
      const fn = value.fn;
      if (fn.parameters.length === 4 && !fn.parameters.some((parameter) => parameter.dotDotDotToken)) return true;
      const wrapped = value.origin ? this.wrapped(value) : undefined;
      return wrapped ? this.isErrorHandler(wrapped, depth + 1) : false;
    }
    if (value.kind === 'call') {
      const wrapped = this.wrapped(value);
      return wrapped ? this.isErrorHandler(wrapped, depth + 1) : false;
    }
    return false;
  }

  packageOf(value: Value): string | undefined {
    if (value.kind === 'external') return value.module === '<global>' ? undefined : value.module;
    if (value.kind === 'call' && value.callee.kind === 'external' && value.callee.module !== '<global>') return value.callee.module;
    return undefined;
  }

  /** The function a wrapper call was given as its first argument (`catchAsync(fn)`, `asyncHandler(create)`). */
  private wrapped(value: Value): Value | undefined {
    const argument = this.wrappedArgument(value);
    if (argument) return argument;
    // `createOne = (Model) => catchAsync(async (req, res) => …)`: the factory's product is the wrapper's
    // function, which closes over the one function it was given
    if (value.kind === 'function' && value.origin) {
      const given = [...value.closure.bindings].filter(([node, bound]) => ts.isParameter(node) && node.parent === value.closure.container && bound.kind === 'function');
      if (given.length === 1) return given[0][1];
    }
    return undefined;
  }

  /** The function a wrapper call was handed: `asyncHandler(usersController.create)`. */
  private wrappedArgument(value: Value): Value | undefined {
    const args = value.kind === 'call' ? value.args : value.kind === 'function' ? value.origin?.args : undefined;
    const first = args?.[0] ? this.rt.unwrapModule(args[0]) : undefined;
    return first && (first.kind === 'function' || (first.kind === 'call' && this.wrapped(first) !== undefined)) ? first : undefined;
  }
}

function addCallableStarts(module: ModuleSummary, fn: ts.Node, into: { file: string; start: number }[]): void {
  const sourceFile = module.sourceFile;
  const add = (node: ts.Node): void => {
    into.push({ file: module.path, start: node.getStart(sourceFile) });
  };
  add(fn);
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name) add(fn.name);
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent)) {
    add(parent);
    add(parent.name);
  } else if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    add(parent);
    add(parent.name);
  }
}
