import ts from 'typescript';
import type { HttpMethod } from '../../analysis/types';
import { isPathTableMember } from '../../analysis/syntax';
import { registerAutoload } from './autoload';
import { unwrap } from './syntax-utils';
import type { ClassifiedCall, Interpreter } from './interpreter';
import type { ModuleSummary } from './module-summary';
import { linkName } from './link-names';
import { UNKNOWN, type Frame, type Instance, type LinkSource, type RouteOp, type Value } from './values';

const HTTP_METHODS = new Map<string, HttpMethod>([
  ['get', 'GET'], ['post', 'POST'], ['put', 'PUT'], ['patch', 'PATCH'], ['delete', 'DELETE'], ['del', 'DELETE'],
  ['options', 'OPTIONS'], ['head', 'HEAD'], ['all', 'ALL'],
]);
export const FASTIFY_CHAIN_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const;
const PATH_LIKE_NAME = /path|route|url|prefix|base/i;
const MAX_ARRAY_DEPTH = 3;

/** Turns calls on apps, routers and Fastify contexts into ops on those instances. */
export class Registrar {
  constructor(private readonly rt: Interpreter) {}

  /** Records `receiver.name(...)` when it registers something; false when it is not a registration. */
  record(receiver: Value, name: string, call: ts.CallExpression, frame: Frame): boolean {
    const args = [...call.arguments];
    if (receiver.kind === 'route-chain') {
      const method = HTTP_METHODS.get(name);
      if (!method || args.length === 0) return false;
      const anchor = ts.isPropertyAccessExpression(unwrap(call.expression)) ? (unwrap(call.expression) as ts.PropertyAccessExpression).name : call;
      this.expressRoute(receiver.instance, method, [receiver.path], args, call, anchor, frame);
      return true;
    }
    if (receiver.kind !== 'instance') return false;
    const instance = receiver.instance;
    if (instance.framework === 'express') return this.express(instance, name, args, call, frame);
    return this.fastify(instance, name, args, call, frame);
  }

  /** What a receiver the graph cannot trace stands for, given how the file analysis classified the call. */
  standIn(receiver: ts.Expression, frame: Frame, classified: ClassifiedCall): Value | undefined {
    let current = unwrap(receiver);
    while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(unwrap(current.expression))) {
      const callee = unwrap(current.expression) as ts.PropertyAccessExpression;
      if (callee.name.text === 'route' && current.arguments.length === 1) {
        const instance = this.rt.syntheticFor(callee.expression, frame, classified);
        return { kind: 'route-chain', instance, path: this.rt.pathText(current.arguments[0], frame) };
      }
      if (!HTTP_METHODS.has(callee.name.text)) break;
      current = unwrap(callee.expression);
    }
    return { kind: 'instance', instance: this.rt.syntheticFor(receiver, frame, classified) };
  }

  /** Arguments as chain links, with arrays (written inline or bound to a name) spread out. */
  links(args: readonly ts.Expression[], frame: Frame, depth = 0, via?: string): LinkSource[] {
    const result: LinkSource[] = [];
    for (const argument of args) {
      if (ts.isSpreadElement(argument)) {
        const spread = this.rt.evaluate(argument.expression, frame);
        if (spread.kind === 'array' && depth < MAX_ARRAY_DEPTH) result.push(...this.links(elementsOf(spread.node), spread.frame, depth + 1, linkName(argument.expression)));
        continue;
      }
      const inner = unwrap(argument);
      if (ts.isArrayLiteralExpression(inner)) {
        result.push(...this.links(elementsOf(inner), frame, depth + 1, via));
        continue;
      }
      const value = this.rt.evaluate(argument, frame);
      if (value.kind === 'array' && depth < MAX_ARRAY_DEPTH) {
        result.push(...this.links(elementsOf(value.node), value.frame, depth + 1, linkName(argument) ?? via));
        continue;
      }
      result.push({ expression: argument, module: frame.module, value, name: linkName(argument), via });
    }
    return result;
  }

  registerPlugin(
    parent: Instance,
    pluginNode: ts.Expression | undefined,
    plugin: Value,
    prefix: string | undefined,
    options: Value,
    call: ts.CallExpression,
    frame: Frame,
    displayName?: string,
  ): void {
    let value = this.rt.unwrapModule(plugin);
    let skipOverride = false;
    if (value.kind === 'plugin') {
      skipOverride = value.skipOverride;
      value = this.rt.unwrapModule(value.inner);
    }
    if (value.kind === 'external' && isAutoload(value) && registerAutoload(this.rt, this, parent, options, call, frame)) return;
    if (value.kind === 'function') {
      const fnName = value.fn.name && ts.isIdentifier(value.fn.name) ? value.fn.name.text : undefined;
      const context = skipOverride ? parent : this.child(parent, prefix, call, frame, fnName ?? displayName ?? 'plugin');
      this.rt.runPlugin(value, context, options, call);
      return;
    }
    if (value.kind === 'object' && this.rt.objectProperty(value, 'method')) {
      // @fastify/autoload wraps a file exporting a route object into a plugin that calls `route()`.
      const context = this.child(parent, prefix, call, frame, 'route');
      this.fastifyRoute(context, undefined, value, undefined, call, value.node, value.frame);
      return;
    }
    parent.ops.push({
      kind: 'plugin',
      seq: this.rt.nextSeq(),
      plugin: { expression: pluginNode ?? call, module: frame.module, value: plugin, name: (pluginNode ? linkName(pluginNode) : undefined) ?? (plugin.kind === 'external' ? plugin.module : displayName) },
      call,
      module: frame.module,
    });
  }

  private express(instance: Instance, name: string, args: ts.Expression[], call: ts.CallExpression, frame: Frame): boolean {
    const method = HTTP_METHODS.get(name);
    if (method && args.length >= 2 && this.isPath(args[0], frame)) {
      // `router.post('payment', …)`: Express matches paths that start with a slash, so this route answers nothing
      const paths = this.paths(args[0], frame).filter((path) => path === '' || /^[/*{(]/.test(path));
      this.expressRoute(instance, method, paths, args.slice(1), call, call, frame);
      return true;
    }
    if (name === 'use' && args.length >= 1) {
      this.expressUse(instance, args, call, frame);
      return true;
    }
    return false;
  }

  private expressRoute(instance: Instance, method: HttpMethod, paths: string[], rest: ts.Expression[], call: ts.CallExpression, anchor: ts.Node, frame: Frame): void {
    const items = this.links(rest, frame);
    if (items.length === 0) return;
    for (const path of paths) {
      instance.ops.push({
        kind: 'route',
        seq: this.rt.nextSeq(),
        method,
        path,
        call,
        anchor,
        module: frame.module,
        middleware: items.slice(0, -1),
        handler: items[items.length - 1],
        hasSchema: false,
      });
    }
  }

  private expressUse(instance: Instance, args: ts.Expression[], call: ts.CallExpression, frame: Frame): void {
    const hasPath = this.isPath(args[0], frame);
    const items = this.links(hasPath ? args.slice(1) : args, frame);
    for (const path of hasPath ? this.paths(args[0], frame) : [undefined]) {
      let pending: LinkSource[] = [];
      for (const item of items) {
        const target = this.rt.unwrapModule(item.value);
        if (target.kind === 'instance' && target.instance.framework === 'express' && target.instance !== instance) {
          target.instance.mounted = true;
          instance.ops.push({ kind: 'mount', seq: this.rt.nextSeq(), path, middleware: pending, child: target.instance, call, module: frame.module });
          pending = [];
        } else {
          pending.push(item);
        }
      }
      if (pending.length > 0) instance.ops.push({ kind: 'use', seq: this.rt.nextSeq(), path, items: pending, call, module: frame.module });
    }
  }

  private fastify(instance: Instance, name: string, args: ts.Expression[], call: ts.CallExpression, frame: Frame): boolean {
    const method = HTTP_METHODS.get(name);
    if (method && name !== 'del' && args.length >= 2 && this.isPath(args[0], frame)) {
      const path = this.rt.pathText(args[0], frame);
      if (args.length >= 3) {
        this.fastifyRoute(instance, method, this.rt.evaluate(args[1], frame), path, call, call, frame, args[2]);
      } else {
        const second = this.rt.evaluate(args[1], frame);
        if (second.kind === 'object' && this.rt.objectProperty(second, 'handler')) this.fastifyRoute(instance, method, second, path, call, call, frame);
        else this.fastifyRoute(instance, method, UNKNOWN, path, call, call, frame, args[1]);
      }
      return true;
    }
    switch (name) {
      case 'route':
        if (args.length !== 1) return false;
        this.fastifyRoute(instance, undefined, this.rt.evaluate(args[0], frame), undefined, call, call, frame);
        return true;
      case 'register': {
        if (args.length === 0) return false;
        const options = args[1] ? this.rt.evaluate(args[1], frame) : UNKNOWN;
        const prefix = this.stringOption(options, 'prefix', frame);
        const awaited = isAwaited(call);
        const before = instance.children.length;
        this.registerPlugin(instance, args[0], this.rt.evaluate(args[0], frame), prefix, options, call, frame);
        if (awaited) for (const child of instance.children.slice(before)) child.parentHooksUntil ??= this.rt.nextSeq();
        return true;
      }
      case 'addHook': {
        const hook = args[0] ? this.rt.evaluate(args[0], frame) : UNKNOWN;
        const fn = args[1] ? this.links([args[1]], frame)[0] : undefined;
        if (hook.kind !== 'string' || !fn) return false;
        instance.ops.push({ kind: 'hook', seq: this.rt.nextSeq(), hook: hook.value, fn, call, module: frame.module });
        return true;
      }
      case 'setErrorHandler': {
        const fn = args.length > 0 ? this.links([args[args.length - 1]], frame)[0] : undefined;
        if (!fn) return false;
        instance.ops.push({ kind: 'hook', seq: this.rt.nextSeq(), hook: 'setErrorHandler', fn, call, module: frame.module });
        return true;
      }
      case 'decorate': {
        const key = args[0] ? this.rt.evaluate(args[0], frame) : UNKNOWN;
        if (key.kind === 'string' && args[1]) instance.decorations.set(key.value, this.rt.evaluate(args[1], frame));
        return true;
      }
      default:
        return false;
    }
  }

  private fastifyRoute(
    instance: Instance,
    method: HttpMethod | undefined,
    options: Value,
    path: string | undefined,
    call: ts.CallExpression,
    anchor: ts.Node,
    frame: Frame,
    handlerNode?: ts.Expression,
  ): void {
    const option = (name: string) => this.rt.objectProperty(options, name);
    const methods: HttpMethod[] = method ? [method] : this.methodsOf(options);
    let url = path;
    if (url === undefined) {
      const urlOption = option('url') ?? option('path');
      url = urlOption ? this.rt.pathText(urlOption.node as ts.Expression, optionFrame(options, frame)) : '';
    }
    const middleware: RouteOp['middleware'] = [];
    for (const hook of FASTIFY_CHAIN_HOOKS) {
      const entry = option(hook);
      if (!entry) continue;
      for (const link of this.links([entry.node as ts.Expression], optionFrame(options, frame))) middleware.push({ ...link, hook });
    }
    let handler: LinkSource | undefined;
    if (handlerNode) handler = this.links([handlerNode], frame)[0];
    else {
      const entry = option('handler');
      if (entry) handler = { expression: entry.node, module: optionModule(options, frame), value: entry.value, name: linkName(entry.node) };
    }
    for (const each of methods) {
      instance.ops.push({
        kind: 'route',
        seq: this.rt.nextSeq(),
        method: each,
        path: url,
        call,
        anchor,
        module: frame.module,
        middleware,
        handler,
        hasSchema: option('schema') !== undefined,
      });
    }
  }

  private methodsOf(options: Value): HttpMethod[] {
    const entry = this.rt.objectProperty(options, 'method');
    if (!entry) return ['ALL'];
    const listed = entry.value;
    const values = listed.kind === 'array' ? elementsOf(listed.node).map((element) => this.rt.evaluate(element, listed.frame)) : [listed];
    const methods = values.flatMap((value) => (value.kind === 'string' ? [HTTP_METHODS.get(value.value.toLowerCase()) ?? 'ALL'] : []));
    return methods.length > 0 ? methods : ['ALL'];
  }

  child(parent: Instance, prefix: string | undefined, call: ts.CallExpression, frame: Frame, name: string): Instance {
    const child = this.rt.createInstance('fastify', call, frame.module, name);
    child.parent = parent;
    child.prefix = prefix;
    child.mounted = true;
    parent.children.push(child);
    return child;
  }

  stringOption(options: Value, name: string, frame: Frame): string | undefined {
    const entry = this.rt.objectProperty(options, name);
    if (!entry) return undefined;
    if (entry.value.kind === 'string') return entry.value.value;
    // `prefix: null` / `prefix: undefined`: no prefix, not a path segment spelled `{null}`
    const written = ts.isPropertyAssignment(entry.node) ? unwrap(entry.node.initializer) : ts.isExpression(entry.node) ? unwrap(entry.node) : undefined;
    if (written && (written.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(written) && written.text === 'undefined'))) return undefined;
    return ts.isExpression(entry.node) ? this.rt.pathText(entry.node, optionFrame(options, frame)) : undefined;
  }

  private isPath(node: ts.Expression, frame: Frame): boolean {
    const expression = unwrap(node);
    if (ts.isStringLiteralLike(expression) || ts.isTemplateExpression(expression) || ts.isRegularExpressionLiteral(expression)) return true;
    if (ts.isArrayLiteralExpression(expression)) return expression.elements.every((element) => ts.isStringLiteralLike(element) || ts.isRegularExpressionLiteral(element));
    const value = this.rt.evaluate(expression, frame);
    if (value.kind === 'string') return true;
    // `endPoint.ADD` of `new PostEndPoint('')`: a getter the evaluator cannot run
    if (isPathTableMember(expression) && value.kind !== 'instance' && value.kind !== 'plugin') return true;
    if (value.kind !== 'unknown') return false;
    const name = ts.isIdentifier(expression) ? expression.text : ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
    return name !== undefined && PATH_LIKE_NAME.test(name);
  }

  private paths(node: ts.Expression, frame: Frame): string[] {
    const expression = unwrap(node);
    if (ts.isArrayLiteralExpression(expression)) return elementsOf(expression).map((element) => this.rt.pathText(element, frame));
    return [this.rt.pathText(node, frame)];
  }
}

export function elementsOf(array: ts.ArrayLiteralExpression): ts.Expression[] {
  return array.elements.filter((element) => !ts.isOmittedExpression(element));
}

function isAwaited(call: ts.CallExpression): boolean {
  let current: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(current)) current = current.parent;
  return ts.isAwaitExpression(current);
}

function isAutoload(value: Extract<Value, { kind: 'external' }>): boolean {
  if (value.module !== '@fastify/autoload' && value.module !== 'fastify-autoload') return false;
  return value.path.length === 0 || (value.path.length === 1 && (value.path[0] === 'default' || value.path[0] === 'fastifyAutoload'));
}

function optionFrame(options: Value, fallback: Frame): Frame {
  return options.kind === 'object' ? options.frame : fallback;
}


function optionModule(options: Value, frame: Frame): ModuleSummary {
  return options.kind === 'object' ? options.module : frame.module;
}
