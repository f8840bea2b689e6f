import ts from 'typescript';
import { calleeName, isFunctionLike, memberPath, type FunctionLike } from '../analysis/syntax';
import type { FileAnalysis, HandlerRef } from '../analysis/types';
import { textChange, type TextChange } from '../model/text-change';

/**
 * While the user types inside one route handler, the findings of rules that judge handler by handler
 * (`Rule.scope`) elsewhere in the file cannot change — provided the edit stays inside that handler's
 * body and leaves unchanged everything other code can see of it. Other handlers see a handler only
 * through what the file analysis lists: the names it calls and hands to calls, the functions and
 * imports it declares, the routes and middleware it registers. This module decides, from the tree
 * before the edit and the tree after it, whether an edit is such a handler edit.
 */

/** A request handler whose body holds the whole edit (see handlerAround). */
export interface HandlerEdit {
  change: TextChange;
  /** Where the handler starts (unchanged by the edit: the edit is inside its body). */
  start: number;
  /** Where it ended before the edit, and where it ends after it. */
  oldEnd: number;
  newEnd: number;
}

/** What a handler edit must leave unchanged, read from the tree before the edit (which the incremental parser is about to take apart). */
export interface HandlerEditPlan {
  change: TextChange;
  start: number;
  oldEnd: number;
  outline: string;
}

/** Reads the handler around the edit from the previous lint's tree; undefined when the edit is not inside one. */
export function planHandlerEdit(previousText: string, previous: FileAnalysis, nextText: string): HandlerEditPlan | undefined {
  const change = textChange(previousText, nextText);
  if (!change) return undefined;
  const handler = handlerAround(previous, change.start, change.oldEnd);
  const outline = handler && handlerOutline(previous, handler);
  if (!handler || outline === undefined) return undefined;
  return { change, start: handler.getStart(previous.sourceFile), oldEnd: handler.end, outline };
}

/** The same handler in the tree after the edit, when what other code sees of it did not change. */
export function confirmHandlerEdit(plan: HandlerEditPlan, next: FileAnalysis): HandlerEdit | undefined {
  const { change } = plan;
  const handler = handlerAround(next, change.start, change.newEnd);
  if (!handler || handler.getStart(next.sourceFile) !== plan.start) return undefined;
  const newEnd = plan.oldEnd + change.newEnd - change.oldEnd;
  if (handler.end !== newEnd || handlerOutline(next, handler) !== plan.outline) return undefined;
  return { change, start: plan.start, oldEnd: plan.oldEnd, newEnd };
}

/**
 * The request handler whose block body holds `[start, end)` strictly between its braces, when no
 * other code of the file reads its body: it is not a middleware of any chain here, nothing here
 * calls it by name, and no other request handler encloses it. Route handlers written inline and
 * controllers exported for another file's router are such handlers.
 */
function handlerAround(analysis: FileAnalysis, start: number, end: number): FunctionLike | undefined {
  for (const handler of analysis.handlers) {
    const fn = handler.fn;
    if (handler.role !== 'handler' || !fn.body || !ts.isBlock(fn.body)) continue;
    if (start <= fn.body.getStart(analysis.sourceFile) || end >= fn.body.end) continue;
    if (isReadElsewhere(analysis, fn)) return undefined;
    for (let outer: ts.Node | undefined = fn.parent; outer; outer = outer.parent) {
      if (isFunctionLike(outer) && analysis.handlerOf(outer)) return undefined;
    }
    return fn;
  }
  return undefined;
}

function isReadElsewhere(analysis: FileAnalysis, fn: FunctionLike): boolean {
  const isFn = (ref: HandlerRef | undefined): boolean => ref?.fn === fn;
  if (analysis.routes.some((route) => route.middleware.some(isFn)) || analysis.uses.some((use) => use.args.some(isFn)) || analysis.hooks.some((hook) => isFn(hook.fn))) return true;
  const names = boundNames(fn);
  return names.length > 0 && analysis.calls.some((call) => names.includes(calleeName(call) ?? ''));
}

/** The names a function is known by: its own, a method's, and the variable it (or a wrapper call around it) is assigned to. */
function boundNames(fn: FunctionLike): string[] {
  const names: string[] = [];
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) names.push(fn.name.text);
  let holder: ts.Node = fn.parent;
  while (ts.isCallExpression(holder) || ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder)) holder = holder.parent;
  if ((ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) && ts.isIdentifier(holder.name)) names.push(holder.name.text);
  if (ts.isBinaryExpression(holder) && ts.isPropertyAccessExpression(holder.left)) names.push(holder.left.name.text);
  return names;
}

/**
 * Everything the analysis lists of a handler that other code can look up, as text: the calls in it
 * (by callee and the names handed to them), the functions it declares and the imports it makes.
 * Undefined when it registers routes or middleware, or holds other request handlers: then its text
 * shapes the file's routing and the whole file is judged again. A suppression comment typed inside
 * it may reach the line after it, so it counts too.
 */
function handlerOutline(analysis: FileAnalysis, handler: FunctionLike): string | undefined {
  const start = handler.pos;
  const end = handler.end;
  const inside = (node: ts.Node): boolean => node.pos >= start && node.end <= end;
  if (analysis.routes.some((route) => inside(route.call)) || analysis.uses.some((use) => inside(use.call)) || analysis.hooks.some((hook) => inside(hook.call))) return undefined;
  if (analysis.apps.some((app) => inside(app.node)) || analysis.handlers.some((other) => other.fn !== handler && inside(other.fn))) return undefined;
  const text = handler.getText(analysis.sourceFile);
  if (text.includes('routewise-disable')) return undefined;
  const lines: string[] = [];
  for (const call of analysis.calls) {
    if (call.pos < start) continue;
    if (call.pos >= end) break;
    const names = call.arguments.map((argument) => (ts.isIdentifier(argument) ? argument.text : ''));
    lines.push(`call ${memberPath(call.expression)?.join('.') ?? `…${calleeName(call) ?? ''}`}(${names.join(',')})`);
  }
  for (const fn of analysis.functions) {
    if (fn !== handler && inside(fn)) lines.push(`function ${declaredName(fn) ?? ''}`);
  }
  for (const binding of analysis.imports.values()) {
    if (inside(binding.node)) lines.push(`import ${binding.local} ${binding.imported} ${binding.module}`);
  }
  return lines.sort().join('\n');
}

function declaredName(fn: FunctionLike): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  return ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
}
