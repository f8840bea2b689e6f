import ts from 'typescript';
import type { FileAnalysis } from '../../analysis/types';
import { alwaysExits, functionName, isFunctionLike, memberPath, parameterTypeName, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import { looksLikeErrReqRes } from './error-handler-detect';
import { assignedValues, assignmentTarget, definitelyAssigns, initializerReaches, isReassigned, localFunction, localInitializer, localPropertyInitializer, resolveLocal, type LocalBinding } from './local-binding';

/**
 * Which values are caught errors (catch clause variables, error-handler parameters, `.catch(e => …)`
 * and node-style callback errors) and how much of one an expression exposes: its stack, the raw
 * object, or its message. Also the conditions that make exposing a message deliberate (4xx error
 * classes, `expose`, status checks) or development-only (`NODE_ENV`, `isDev`).
 */

/** `stack`: a stack trace; `raw`: the error object (all its own properties); `message`: its message text. */
export type LeakLevel = 'stack' | 'raw' | 'message';

export interface ErrorRef {
  level: LeakLevel;
  /** The identifier of the caught error (`err`), for logging it. */
  error: ts.Identifier;
  /** How the message shows it: `err.stack`, `err`, `String(err)`. */
  text: string;
}

export interface Leak extends ErrorRef {
  node: ts.Expression;
  /** Chosen by an environment check (`isDev ? err.stack : undefined`). */
  devOnly: boolean;
  /** Chosen by a check that the error is a deliberate one (`err.expose ? err.message : '…'`). */
  guarded: boolean;
  /** The object property holding the leak when it is one property of an object literal payload. */
  property?: ts.ObjectLiteralElementLike;
}

const ERROR_NAME = /^(err|error|e|ex|exc|exception|er|cause)$/i;

/** Where a caught error comes from, or undefined when the identifier is not one. */
export function errorOrigin(identifier: ts.Identifier, analysis: FileAnalysis, depth = 0): ts.Identifier | undefined {
  if (depth > 3) return undefined;
  const binding = resolveLocal(identifier);
  if (!binding) return undefined;
  if (binding.kind === 'catch') return identifier;
  if (binding.kind === 'parameter') {
    const fn = binding.fn;
    if (!isFunctionLike(fn)) return undefined;
    const index = fn.parameters.indexOf(binding.parameter);
    return isErrorParameter(fn, index, analysis) ? identifier : undefined;
  }
  if (binding.kind === 'variable') {
    const declaration = binding.declaration;
    if (!declaration.initializer) return undefined;
    const init = unwrapExpression(declaration.initializer);
    if (isReassigned(declaration)) {
      return ts.isIdentifier(init) && errorOrigin(init, analysis, depth + 1) && reassignedOnlyToWrappers(declaration, [identifier.text, init.text]) ? identifier : undefined;
    }
    if (ts.isIdentifier(init)) return errorOrigin(init, analysis, depth + 1) ? identifier : undefined;
    // `const error = err instanceof Error ? err : new Error(String(err))`
    if (ts.isConditionalExpression(init)) {
      for (const branch of [init.whenTrue, init.whenFalse]) {
        const value = unwrapExpression(branch);
        if (ts.isIdentifier(value) && errorOrigin(value, analysis, depth + 1)) return identifier;
      }
    }
  }
  return undefined;
}

/**
 * `let error = err; if (!(error instanceof ApiError)) error = new ApiError(500, error.message)` (the
 * widely copied rewrapping middleware): every value the variable takes again is a new error carrying
 * the caught one's message, so it still stands for the caught error.
 */
function reassignedOnlyToWrappers(declaration: ts.VariableDeclaration, names: readonly string[]): boolean {
  const carried = new RegExp(`\\b(${names.join('|')})\\??\\.message\\b|\\bString\\(\\s*(${names.join('|')})\\s*\\)`);
  const carries = (argument: ts.Expression): boolean => {
    const value = unwrapExpression(argument);
    const initializer = ts.isIdentifier(value) ? localInitializer(value) : undefined;
    return carried.test(value.getText()) || (initializer !== undefined && carried.test(initializer.getText()));
  };
  return (
    assignedValues(declaration)?.every((assigned) => {
      const value = unwrapExpression(assigned);
      return ts.isNewExpression(value) && (value.arguments ?? []).some(carries);
    }) ?? false
  );
}

/**
 * `let error = { ...err }; error.message = err.message;` (the widely copied error middleware): a copy of
 * the error whose `message` and `stack` are the error's, whatever branches replace it later with.
 */
function copiedError(identifier: ts.Identifier, analysis: FileAnalysis): ts.Identifier | undefined {
  const binding = resolveLocal(identifier);
  if (binding?.kind !== 'variable' || !binding.declaration.initializer) return undefined;
  const init = unwrapExpression(binding.declaration.initializer);
  if (!ts.isObjectLiteralExpression(init)) return undefined;
  for (const property of init.properties) {
    const spread = ts.isSpreadAssignment(property) ? unwrapExpression(property.expression) : undefined;
    if (spread && ts.isIdentifier(spread) && errorOrigin(spread, analysis)) return spread;
  }
  return undefined;
}

function isPlainFunction(fn: ts.Node): fn is ts.FunctionExpression | ts.ArrowFunction | ts.FunctionDeclaration | ts.MethodDeclaration {
  return ts.isFunctionExpression(fn) || ts.isArrowFunction(fn) || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn);
}

/**
 * `(err, req, res)` with no `next`, named and called nowhere in its file: the error middleware whose
 * missing fourth parameter missing-error-handler reports. Express never hands it an error.
 */
function isMisdeclaredErrorMiddleware(fn: ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration, analysis: FileAnalysis): boolean {
  if (fn.parameters.length !== 3 || !looksLikeErrReqRes(fn)) return false;
  // an option's callback (http-proxy-middleware's `error: (err, req, res) => …`) is called with errors by its library
  const name = ts.isPropertyAssignment(fn.parent) ? undefined : functionName(fn);
  if (name === undefined) return false;
  return !analysis.calls.some((call) => {
    const callee = unwrapExpression(call.expression);
    return ts.isIdentifier(callee) && callee.text === name;
  });
}

/** The first parameter of an error handler, of a `.catch` callback or `.then(_, onRejected)`, or a node-style callback `(err, result)`. */
function isUseArgument(fn: ts.Node): boolean {
  const parent = fn.parent;
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(fn as ts.Expression)) return false;
  const callee = unwrapExpression(parent.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'use';
}

function isErrorParameter(fn: ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration, index: number, analysis: FileAnalysis): boolean {
  // `app.use((err, req, res) => …)`: Express runs three parameters as ordinary middleware and hands it the
  // request, so nothing here is an error (missing-error-handler reports the handler)
  if (fn.parameters.length < 4 && isUseArgument(fn)) return false;
  // `function errorHandler(err, req, res)` registered with `use` elsewhere: Express runs it as ordinary middleware too
  if (isMisdeclaredErrorMiddleware(fn, analysis)) return false;
  // a response helper: sendError(res, err) / handleError(error, reply)
  const own = fn.parameters[index];
  if (own && ts.isIdentifier(own.name) && /^(err|error)$/.test(own.name.text) && fn.parameters.some((parameter) => isResponseParameter(parameter))) return true;
  if (index !== 0) return false;
  const handler = analysis.handlerOf(fn);
  if (handler?.role === 'error-handler') return true;
  const parameter = fn.parameters[0];
  const name = ts.isIdentifier(parameter.name) ? parameter.name.text : '';
  const type = parameterTypeName(parameter);
  // Express: (err, req, res, next); Fastify: (error: FastifyError, request, reply)
  if (fn.parameters.length === 4 && (ERROR_NAME.test(name) || type?.endsWith('Error'))) return true;
  if (fn.parameters.length === 3 && (type === 'FastifyError' || (ERROR_NAME.test(name) && /^(reply|rep)$/.test(parameterNameAt(fn, 2))))) return true;
  const parent = fn.parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression)) {
    const callee = unwrapExpression(parent.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (method === 'catch' && parent.arguments[0] === fn) return true;
    if (method === 'then' && parent.arguments[1] === fn) return true;
    if (method === 'setErrorHandler') return true;
    // node-style callback: db.query(sql, (err, rows) => …)
    if (ERROR_NAME.test(name) && name.length > 1 && fn.parameters.length >= 1 && method !== 'map' && method !== 'forEach' && method !== 'filter') return true;
  }
  return false;
}

function isResponseParameter(parameter: ts.ParameterDeclaration): boolean {
  const type = parameterTypeName(parameter);
  if (type === 'Response' || type === 'FastifyReply') return true;
  return ts.isIdentifier(parameter.name) && /^(res|reply)$/.test(parameter.name.text);
}

function parameterNameAt(fn: ts.SignatureDeclaration, index: number): string {
  const parameter = fn.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : '';
}

/** Error properties that carry validation details or classification, safe to show a client. */
const SAFE_PROPERTIES = new Set([
  'errors', 'issues', 'details', 'code', 'name', 'status', 'statusCode', 'type', 'validation', 'validationContext', 'path', 'keyValue', 'kind',
  'field', 'fields', 'expose', 'isOperational', 'title', 'data', 'meta', 'headers', 'value', 'context', 'reason', 'errorCode', 'httpCode',
]);
/** Error properties that carry internals: SQL text, driver errors, request configs. */
const INTERNAL_PROPERTIES = new Set(['sql', 'sqlMessage', 'sqlState', 'original', 'parent', 'response', 'config', 'request', 'cause', 'errno', 'syscall', 'address']);
/** String methods that keep the text they are called on. */
const TEXT_METHODS = new Set(['toString', 'split', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'trim', 'toUpperCase', 'toLowerCase', 'concat', 'join', 'at', 'padStart', 'padEnd', 'valueOf']);

/** Helpers that turn an error into its message: `getErrorMessage(err)`, `utils.errorMessage(e)`, `extractErrorMessage(error)`. */
const ERROR_MESSAGE_HELPER = /(^|\.)(get|extract|to|read)?Error(Message|Msg|Text)$/i;

/** How an expression exposes a caught error, if it does. */
export function errorRef(expression: ts.Expression, analysis: FileAnalysis): ErrorRef | undefined {
  const value = unwrapExpression(expression);
  if (ts.isIdentifier(value)) {
    const origin = errorOrigin(value, analysis);
    if (origin) return { level: 'raw', error: origin, text: value.text };
    // const { message, stack } = err
    const binding = resolveLocal(value);
    if (binding?.kind === 'binding-element') {
      const element = binding.element;
      const pattern = element.parent;
      const declaration = pattern.parent;
      const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : value.text;
      // catch ({ message }) { … }, `.catch(({ message }) => …)`, `.then(ok, ({ code, message }) => …)`
      const caughtParameter = ts.isParameter(declaration) && isPlainFunction(declaration.parent) && isErrorParameter(declaration.parent, declaration.parent.parameters.indexOf(declaration), analysis);
      if (ts.isObjectBindingPattern(pattern) && ((ts.isVariableDeclaration(declaration) && ts.isCatchClause(declaration.parent)) || caughtParameter)) {
        if (key === 'stack') return { level: 'stack', error: value, text: value.text };
        if (key === 'message') return { level: 'message', error: value, text: value.text };
        // `.catch(({ response }) => res.status(502).json(response))`: the failed call's internals
        if (INTERNAL_PROPERTIES.has(key)) return { level: 'raw', error: value, text: value.text };
        return undefined;
      }
      if (ts.isObjectBindingPattern(pattern) && ts.isVariableDeclaration(declaration) && declaration.initializer && !isReassignedBinding(declaration, value.text)) {
        const init = unwrapExpression(declaration.initializer);
        if (ts.isIdentifier(init) && errorOrigin(init, analysis)) {
          if (key === 'stack') return { level: 'stack', error: init, text: `${init.text}.stack` };
          if (key === 'message') return { level: 'message', error: init, text: `${init.text}.message` };
        }
      }
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(value) || (ts.isElementAccessExpression(value) && ts.isStringLiteralLike(value.argumentExpression))) {
    const key = ts.isPropertyAccessExpression(value) ? value.name.text : (value.argumentExpression as ts.StringLiteralLike).text;
    const object = unwrapExpression(value.expression);
    // `err.response.data` (an upstream's body, from axios), `error.cause.message`: inside the internals
    if (ts.isPropertyAccessExpression(object) && ts.isIdentifier(unwrapExpression(object.expression)) && INTERNAL_PROPERTIES.has(object.name.text)) {
      const origin = errorOrigin(unwrapExpression(object.expression) as ts.Identifier, analysis);
      if (origin) return { level: 'raw', error: origin, text: value.getText() };
    }
    // `response?.data` of `({ response }) => …`: the same internals, destructured
    if (ts.isIdentifier(object) && errorRef(object, analysis)?.level === 'raw' && !errorOrigin(object, analysis)) return { level: 'raw', error: object, text: value.getText() };
    if (ts.isIdentifier(object)) {
      const origin = errorOrigin(object, analysis) ?? copiedError(object, analysis);
      if (origin) {
        if (key === 'stack') return { level: 'stack', error: origin, text: `${object.text}.stack` };
        if (key === 'message') return { level: 'message', error: origin, text: `${object.text}.message` };
        if (INTERNAL_PROPERTIES.has(key)) return { level: 'raw', error: origin, text: `${object.text}.${key}` };
        return undefined;
      }
    }
    // err.stack.length is a number, err.message.length too
    if (key === 'length') return undefined;
    return SAFE_PROPERTIES.has(key) ? undefined : errorRefOfChain(value, key, analysis);
  }
  if (ts.isCallExpression(value)) {
    const callee = unwrapExpression(value.expression);
    const path = memberPath(callee)?.join('.');
    const first = value.arguments[0];
    if (first && (path === 'String' || path === 'JSON.stringify' || path === 'util.inspect' || path === 'inspect' || path === 'serializeError' || path === 'Object.assign')) {
      const target = path === 'Object.assign' ? value.arguments[1] : first;
      const inner = target ? errorRef(target, analysis) : undefined;
      if (!inner) return undefined;
      if (inner.level !== 'raw') return { ...inner, text: `${path}(${inner.text})` };
      const level: LeakLevel = path === 'String' ? 'message' : path === 'JSON.stringify' || path === 'Object.assign' ? 'raw' : 'stack';
      return { level, error: inner.error, text: `${path}(${inner.text})` };
    }
    // getErrorMessage(error): a helper that returns the error's message
    if (first && path !== undefined && ERROR_MESSAGE_HELPER.test(path)) {
      const inner = errorRef(first, analysis);
      if (inner?.level === 'raw') return { level: 'message', error: inner.error, text: `${path}(${inner.text})` };
    }
    if (ts.isPropertyAccessExpression(callee) && TEXT_METHODS.has(callee.name.text)) {
      const inner = errorRef(callee.expression, analysis);
      if (!inner) return undefined;
      // err.toString() is the message with its class name
      if (inner.level === 'raw' && callee.name.text === 'toString') return { level: 'message', error: inner.error, text: `${inner.text}.toString()` };
      return inner.level === 'raw' ? undefined : inner;
    }
  }
  return undefined;
}

function errorRefOfChain(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, key: string, analysis: FileAnalysis): ErrorRef | undefined {
  const expression = access.expression;
  const inner = errorRef(expression, analysis);
  if (!inner) return undefined;
  if (inner.level !== 'raw') return inner;
  // `err.response.data.message`: the upstream's own error text, found inside the internals; the error
  // itself (`err.foo`) is not, as most of its other properties are the project's own safe fields
  const withinInternals = !ts.isIdentifier(unwrapExpression(expression));
  return withinInternals && (key === 'message' || key === 'error') ? { level: 'message', error: inner.error, text: access.getText() } : undefined;
}

function isReassignedBinding(declaration: ts.VariableDeclaration, name: string): boolean {
  const list = declaration.parent;
  if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) return false;
  let scope: ts.Node = list;
  while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let reassigned = false;
  const visit = (node: ts.Node): void => {
    if (reassigned) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && node.left.text === name) reassigned = true;
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return reassigned;
}

/**
 * The leaks in a response payload: stack traces, raw errors and messages of caught errors, in object
 * properties, template strings, concatenations, and locals holding a payload object.
 */
export function findLeaks(payload: ts.Expression, analysis: FileAnalysis): Leak[] {
  const leaks: Leak[] = [];
  const visit = (node: ts.Expression, state: { devOnly: boolean; guarded: boolean; property?: ts.ObjectLiteralElementLike }, depth: number): void => {
    if (depth > 6) return;
    const value = unwrapExpression(node);
    const ref = errorRef(value, analysis);
    if (ref) {
      leaks.push({ ...ref, node: value, ...state });
      return;
    }
    if (ts.isAwaitExpression(value)) return visit(value.expression, state, depth + 1);
    if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        const next = { ...state, property: depth === 0 || state.property === undefined ? property : state.property };
        if (ts.isPropertyAssignment(property)) visit(property.initializer, next, depth + 1);
        else if (ts.isShorthandPropertyAssignment(property)) visit(property.name, next, depth + 1);
        else if (ts.isSpreadAssignment(property)) {
          const spread = errorRef(property.expression, analysis);
          if (spread) leaks.push({ ...spread, level: spread.level === 'raw' ? 'raw' : spread.level, node: property.expression, ...next });
          else visit(property.expression, next, depth + 1);
        }
      }
      return;
    }
    if (ts.isArrayLiteralExpression(value)) {
      for (const element of value.elements) visit(ts.isSpreadElement(element) ? element.expression : element, state, depth + 1);
      return;
    }
    if (ts.isTemplateExpression(value)) {
      for (const span of value.templateSpans) {
        const inner = errorRef(span.expression, analysis);
        if (inner) leaks.push({ ...inner, level: inner.level === 'raw' ? 'message' : inner.level, node: span.expression, ...state });
        else visit(span.expression, state, depth + 1);
      }
      return;
    }
    if (ts.isBinaryExpression(value)) {
      const operator = value.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
        // `err.response && err.response.data`: a presence check of what is read (the old spelling of `?.`), no guard
        if (unwrapExpression(value.right).getText().startsWith(`${unwrapExpression(value.left).getText()}.`)) {
          visit(value.right, state, depth + 1);
          return;
        }
        const condition = classifyCondition(value.left, true, analysis);
        visit(value.right, { ...state, devOnly: state.devOnly || condition.devOnly, guarded: state.guarded || condition.guarded }, depth + 1);
        return;
      }
      if (operator === ts.SyntaxKind.PlusToken) {
        for (const side of [value.left, value.right]) {
          const inner = errorRef(side, analysis);
          if (inner) leaks.push({ ...inner, level: inner.level === 'raw' ? 'message' : inner.level, node: side, ...state });
          else visit(side, state, depth + 1);
        }
        return;
      }
      if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        visit(value.left, state, depth + 1);
        visit(value.right, state, depth + 1);
      }
      return;
    }
    if (ts.isConditionalExpression(value)) {
      const whenTrue = classifyCondition(value.condition, true, analysis);
      const whenFalse = classifyCondition(value.condition, false, analysis);
      visit(value.whenTrue, { ...state, devOnly: state.devOnly || whenTrue.devOnly, guarded: state.guarded || whenTrue.guarded }, depth + 1);
      visit(value.whenFalse, { ...state, devOnly: state.devOnly || whenFalse.devOnly, guarded: state.guarded || whenFalse.guarded }, depth + 1);
      return;
    }
    if (ts.isPropertyAccessExpression(value)) {
      // const errorObj = { message: err.message || 'Failed' }; res.json({ message: errorObj.message })
      const initializer = localPropertyInitializer(value);
      const binding = ts.isIdentifier(value.expression) ? resolveLocal(value.expression) : undefined;
      if (!initializer || binding?.kind !== 'variable') return;
      // `let customError = { msg: err.message }; if (err.name === 'ValidationError') customError.msg = …`: as for a variable, below
      const target = `${value.expression.getText()}.${value.name.text}`;
      const kept = keptPath(binding.declaration, value, analysis, target);
      visit(initializer, { ...state, devOnly: state.devOnly || kept.devOnly, guarded: state.guarded || kept.guarded }, depth + 1);
      for (const assigned of assignmentsBefore(binding.declaration, value, analysis, target)) {
        visit(assigned.value, { ...state, devOnly: state.devOnly || assigned.meaning.devOnly, guarded: state.guarded || assigned.meaning.guarded }, depth + 1);
      }
      return;
    }
    const helper = ts.isCallExpression(value) ? localFunction(value.expression) : undefined;
    if (helper && ts.isCallExpression(value)) {
      // a helper written in this file is read: `function formatError(err) { return { message: err.message } }`
      value.arguments.forEach((argument, index) => {
        const whole = errorRef(argument, analysis);
        const kept = whole?.level === 'raw' ? errorPartSent(helper, index) : undefined;
        if (whole?.level === 'raw') {
          if (kept) leaks.push({ ...whole, level: kept, text: kept === 'raw' ? whole.text : `${whole.text}.${kept}`, node: unwrapExpression(argument), ...state });
        } else if (helperPassesOn(value, argument) !== false) visit(argument, state, depth + 1);
      });
      return;
    }
    if ((ts.isCallExpression(value) || ts.isNewExpression(value)) && isResponseBuilder(value)) {
      // formatResponse(500, 'Failed to get tasks', null, error.message), new ErrorResponse(status, code, message)
      // build the payload from what they are given
      const before = leaks.length;
      for (const argument of value.arguments ?? []) {
        if (!ts.isSpreadElement(argument) && !(ts.isCallExpression(value) && helperPassesOn(value, argument) === false)) visit(argument, state, depth + 1);
      }
      // a whole error handed over may be reduced to safe fields by the helper; its internals
      // (`new ApiResponse(502, err.response?.data, …)`) are data the helper sends as they are
      const added = leaks.splice(before);
      leaks.push(...added.filter((leak) => leak.level !== 'raw' || !ts.isIdentifier(leak.node)));
      return;
    }
    if (ts.isIdentifier(value)) {
      // const body = { message: err.message }; res.json(body)
      const binding = resolveLocal(value);
      if (binding?.kind === 'variable' && binding.declaration.initializer && initializerReaches(binding.declaration, value)) {
        const init = unwrapExpression(binding.declaration.initializer);
        // `let message = err.message; if (!(err instanceof AppError)) message = 'Internal error'`: the first value survives only for a recognised error
        const kept = keptPath(binding.declaration, value, analysis);
        const keptState = { ...state, devOnly: state.devOnly || kept.devOnly, guarded: state.guarded || kept.guarded };
        if (ts.isObjectLiteralExpression(init)) {
          // `if (env !== 'development') delete response.stack` takes the property out again
          const removed = removedProperties(binding.declaration, value.text);
          const before = leaks.length;
          visit(init, keptState, depth + 1);
          const added = leaks.splice(before);
          leaks.push(...added.filter((leak) => !leak.property?.name || !removed.has(propertyKey(leak.property.name) ?? '')));
        } else if (ts.isTemplateExpression(init) || ts.isBinaryExpression(init) || ts.isConditionalExpression(init) || ts.isPropertyAccessExpression(init) || ts.isCallExpression(init)) {
          visit(init, keptState, depth + 1);
        }
      }
      // `let message = 'Unknown error'; if (err instanceof Error) message = err.message;`: what a branch puts there is sent too
      if (binding?.kind === 'variable' && isReassigned(binding.declaration)) {
        for (const assigned of assignmentsBefore(binding.declaration, value, analysis)) {
          visit(assigned.value, { ...state, devOnly: state.devOnly || assigned.meaning.devOnly, guarded: state.guarded || assigned.meaning.guarded }, depth + 1);
        }
      }
    }
  };
  visit(payload, { devOnly: false, guarded: false }, 0);
  return leaks;
}

/**
 * Whether a helper defined in this file passes the argument on: into what it returns or into a
 * `json` / `send` it makes. Undefined when the helper is not written here (an import is judged by name).
 */
export function helperPassesOn(call: ts.CallExpression, argument: ts.Expression): boolean | undefined {
  const fn = localFunction(call.expression);
  const parameter = fn?.parameters[call.arguments.indexOf(argument)];
  if (!fn?.body || !parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const name = parameter.name.text;
  const isReference = (node: ts.Node): boolean =>
    ts.isIdentifier(node) && node.text === name && !((ts.isPropertyAssignment(node.parent) || ts.isPropertyAccessExpression(node.parent)) && node.parent.name === node);
  const mentions = (node: ts.Node): boolean => isReference(node) || (ts.forEachChild(node, (child) => (mentions(child) ? true : undefined)) ?? false);
  if (!ts.isBlock(fn.body)) return mentions(fn.body);
  let passes = false;
  const visit = (node: ts.Node): void => {
    if (passes) return;
    if (ts.isReturnStatement(node) && node.expression && mentions(node.expression)) passes = true;
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(json|jsonp|send|end|render|write)$/.test(node.expression.name.text) && node.arguments.some(mentions)) passes = true;
    else ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return passes;
}


/**
 * What a project function puts in what it returns or sends of the error given as its parameter at
 * `index`: `formatError(err)` returning `{ message: err.message }` gives `message`, `handleError(reply,
 * 500, error)` sending `{ details: error.stack }` gives `stack`. A part chosen by a condition
 * (`status >= 500 ? 'Internal' : error.message`) is not counted; undefined when nothing of it goes out.
 */
export function errorPartSent(fn: FunctionLike, index: number): LeakLevel | undefined {
  const parameter = fn.parameters[index];
  if (!fn.body || !parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const name = parameter.name.text;
  let worst: LeakLevel | undefined;
  const note = (level: LeakLevel): void => {
    if (worst === undefined || LEVEL_RANK[level] < LEVEL_RANK[worst]) worst = level;
  };
  const inspect = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    // `...(error ? { error } : {})` sends the error whenever there is one; `isDev ? err.stack : undefined` only in development
    if (ts.isConditionalExpression(node)) {
      if (!isDevelopmentCheck(node.condition)) [node.whenTrue, node.whenFalse].forEach(inspect);
      return;
    }
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
        if (parent.name.text === 'stack') note('stack');
        else if (parent.name.text === 'message') note('message');
      } else if (!(ts.isPropertyAccessExpression(parent) && parent.name === node) && !(ts.isPropertyAssignment(parent) && parent.name === node)) {
        note('raw');
      }
      return;
    }
    ts.forEachChild(node, inspect);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIfStatement(node) || (isFunctionLike(node) && node !== fn)) return;
    if (ts.isReturnStatement(node) && node.expression) inspect(node.expression);
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(json|jsonp|send|end|render|write)$/.test(node.expression.name.text)) node.arguments.forEach(inspect);
    else ts.forEachChild(node, visit);
  };
  if (ts.isBlock(fn.body)) visit(fn.body);
  else inspect(fn.body);
  return worst;
}

/** How much a leak gives away, most first. */
export const LEVEL_RANK: Record<LeakLevel, number> = { stack: 0, raw: 1, message: 2 };

/** Project helpers that wrap values in a response body: `formatResponse(…)`, `ApiResponse.error(…)`, `errorResponse({ … })`. */
const RESPONSE_BUILDER = /response|result|reply|payload|format|envelope|body|fail|json/i;

function isResponseBuilder(call: ts.CallExpression | ts.NewExpression): boolean {
  const callee = unwrapExpression(call.expression);
  const path = memberPath(callee);
  if (!path) return false;
  // `createError(500, err.message)` builds an error, whose message JSON leaves out
  return path.some((segment) => RESPONSE_BUILDER.test(segment)) && !/(Error|Exception)$/.test(path[path.length - 1]);
}

function propertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Properties of a local payload object that are deleted or blanked later: `delete body.stack`, `body.stack = undefined`. */
function removedProperties(declaration: ts.VariableDeclaration, name: string): Set<string> {
  const removed = new Set<string>();
  let scope: ts.Node = declaration;
  while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const target = (expression: ts.Expression): string | undefined => {
    const value = unwrapExpression(expression);
    if (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === name) return value.name.text;
    if (ts.isElementAccessExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === name && ts.isStringLiteralLike(value.argumentExpression)) {
      return value.argumentExpression.text;
    }
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isDeleteExpression(node)) {
      const key = target(node.expression);
      if (key) removed.add(key);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const key = target(node.left);
      const right = unwrapExpression(node.right);
      const blank = right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(right) && right.text === 'undefined') || ts.isVoidExpression(right);
      if (key && (blank || (ts.isStringLiteralLike(right) && onServerErrorSide(node)))) removed.add(key);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return removed;
}

/** An assignment `name = value` between a variable's declaration and a use, and the `if` branch holding it. */
interface Reassignment {
  /** What is assigned; none for `delete x.key`, which takes the property out. */
  value?: ts.Expression;
  /** The innermost `if` around it, and whether it sits in the `then` branch. */
  branch?: { statement: ts.IfStatement; inThen: boolean };
  /** A later statement gives the variable a value again on every path, so this one never reaches the use. */
  overwritten: boolean;
}

/** `target`: what is assigned, the variable itself or one of its properties (`customError.msg`, see assignmentTarget). */
function reassignmentsBefore(declaration: ts.VariableDeclaration, use: ts.Node, target?: string): Reassignment[] {
  const name = declaration.name;
  const block = declaration.parent.parent.parent;
  const found: Reassignment[] = [];
  if (!ts.isIdentifier(name) || !(ts.isBlock(block) || ts.isSourceFile(block))) return found;
  const assigned = target ?? name.text;
  const statements = block.statements.filter((statement) => statement.pos > declaration.end && statement.pos < use.pos);
  statements.forEach((statement, index) => {
    const overwritten = statements.slice(index + 1).some((later) => definitelyAssigns(later, assigned));
    const visit = (node: ts.Node): void => {
      if (node.pos >= use.pos || isFunctionLike(node)) return;
      const assignment = ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && assignmentTarget(node.left) === assigned;
      if (assignment || (ts.isDeleteExpression(node) && assignmentTarget(node.expression) === assigned)) {
        let branch: Reassignment['branch'];
        for (let child: ts.Node = node, parent = node.parent; parent !== block && !branch; child = parent, parent = parent.parent) {
          if (ts.isIfStatement(parent) && child !== parent.expression) branch = { statement: parent, inThen: child === parent.thenStatement };
        }
        found.push({ value: assignment ? node.right : undefined, branch, overwritten });
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
  });
  return found;
}

/** The values a branch gives a variable before `use` (`if (err instanceof Error) message = err.message`), with what the branch says about the error. */
function assignmentsBefore(declaration: ts.VariableDeclaration, use: ts.Node, analysis: FileAnalysis, target?: string): { value: ts.Expression; meaning: ConditionMeaning }[] {
  return reassignmentsBefore(declaration, use, target).flatMap(({ value, branch, overwritten }) =>
    value && !overwritten ? [{ value, meaning: branch ? classifyCondition(branch.statement.expression, branch.inThen, analysis) : { devOnly: false, guarded: false } }] : [],
  );
}

/**
 * What the path on which a variable keeps its initializer says about the error: the branches that
 * assign it again (`if (!(err instanceof AppError)) message = '…'`) do not run there.
 */
function keptPath(declaration: ts.VariableDeclaration, use: ts.Node, analysis: FileAnalysis, target?: string): ConditionMeaning {
  const meaning: ConditionMeaning = { devOnly: false, guarded: false };
  for (const { branch } of reassignmentsBefore(declaration, use, target)) {
    if (!branch) continue;
    const other = classifyCondition(branch.statement.expression, !branch.inThen, analysis);
    meaning.devOnly ||= other.devOnly;
    meaning.guarded ||= other.guarded;
  }
  return meaning;
}

/** `if (statusCode >= 500) { body.message = 'Internal server error' }`: the statement runs for server errors only. */
function onServerErrorSide(node: ts.Node): boolean {
  for (let child: ts.Node = node, parent = node.parent; parent && !isFunctionLike(parent); child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression) {
      const condition = unwrapExpression(parent.expression);
      if (!ts.isBinaryExpression(condition)) continue;
      const clientSide = statusComparison(condition);
      if (clientSide !== undefined) return (child === parent.thenStatement) !== clientSide;
    }
  }
  return false;
}

export interface ConditionMeaning {
  /** The branch runs only in development / test. */
  devOnly: boolean;
  /** The branch runs only for a recognised, deliberate error (a client error class, `expose`, a status below 500). */
  guarded: boolean;
}

/** Environment checks: `process.env.NODE_ENV !== 'production'`, `app.get('env') === 'development'`, `isDev`, `config.isProduction`. */
export function isDevelopmentCheck(condition: ts.Expression): boolean {
  return /NODE_ENV|\b(send|show|expose|include)(Stack|Stacktraces?|ErrorDetails|ErrorStack)(ToClient|InResponses?)?\b|\b(is|IS_)?(Dev|DEV|dev|Development|development|DEVELOPMENT|Prod|PROD|prod|Production|production|PRODUCTION|Debug|DEBUG|debug)\b|\bis(Dev|Development|Prod|Production|Debug|Local|Test)\b|get\(\s*['"]env['"]\s*\)|\benv\b\s*[!=]==?/.test(condition.getText());
}

/**
 * What a condition tells about the error when it holds (`positive`) or not: an environment check
 * gates either branch; `err instanceof NotFoundError`, `err.expose`, `err.isOperational`,
 * `isHttpError(err)`, `err.name === …`, `err.statusCode < 500` make the branch a deliberate error.
 */
export function classifyCondition(condition: ts.Expression, positive: boolean, analysis: FileAnalysis): ConditionMeaning {
  const value = unwrapExpression(condition);
  // `err.isOperational ?? false`, `err.expose || false`: the flag itself
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || value.operatorToken.kind === ts.SyntaxKind.BarBarToken) && unwrapExpression(value.right).kind === ts.SyntaxKind.FalseKeyword) {
    return classifyCondition(value.left, positive, analysis);
  }
  // `a && b` / `a || b` first: `isDev || process.env.ALLOW_ALL` mentions the environment but is not dev-only
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || value.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    // `a && b` holding means both hold; `a || b` failing means both fail
    const both = (value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) === positive;
    const left = classifyCondition(value.left, positive, analysis);
    const right = classifyCondition(value.right, positive, analysis);
    if (both) return { devOnly: left.devOnly || right.devOnly, guarded: left.guarded || right.guarded };
    // either may hold: safe when each alternative is development-only or a recognised error (`!isProd || err.isOperational`)
    const devOnly = left.devOnly && right.devOnly;
    const safe = (meaning: ConditionMeaning): boolean => meaning.devOnly || meaning.guarded;
    return { devOnly, guarded: (left.guarded && right.guarded) || (!devOnly && safe(left) && safe(right)) };
  }
  if (isDevelopmentCheck(value)) {
    const holdsInDevelopment = developmentPolarity(value);
    // an environment check whose direction syntax cannot tell gates both branches
    return { devOnly: holdsInDevelopment === undefined || holdsInDevelopment === positive, guarded: false };
  }
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) return classifyCondition(value.operand, !positive, analysis);
  if (ts.isIdentifier(value)) {
    // const showStack = process.env.NODE_ENV !== 'production'
    const binding = resolveLocal(value);
    if (binding?.kind === 'variable' && binding.declaration.initializer && !isReassigned(binding.declaration) && !isFunctionLike(binding.declaration.initializer)) {
      return classifyCondition(binding.declaration.initializer, positive, analysis);
    }
  }
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator === ts.SyntaxKind.InstanceOfKeyword) {
      const right = memberPath(value.right)?.join('.') ?? '';
      const generic = /^(Error|TypeError|RangeError|SyntaxError|Object)$/.test(right);
      return { devOnly: false, guarded: positive && !generic };
    }
    const comparison = statusComparison(value);
    if (comparison !== undefined) return { devOnly: false, guarded: comparison === positive };
    if (isEquality(operator) && positive && (mentionsErrorProperty(value.left, analysis) || mentionsErrorProperty(value.right, analysis))) return { devOnly: false, guarded: true };
    return { devOnly: false, guarded: false };
  }
  // `err.isOperational`, `err.expose`, `err.statusCode` mark an expected error; `err.message ? err.message : '…'` only tests for text
  const testsText = ts.isPropertyAccessExpression(value) && /^(message|stack|msg)$/.test(value.name.text);
  if (positive && !testsText && (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) && mentionsErrorProperty(value, analysis)) return { devOnly: false, guarded: true };
  if (positive && ts.isCallExpression(value)) {
    const callee = memberPath(value.expression);
    const name = callee?.[callee.length - 1] ?? '';
    // isHttpError(err), Boom.isBoom(err), isCelebrateError(err), err.message.includes('not found')
    if (/^is[A-Z]/.test(name) && value.arguments.some((argument) => errorMentioned(argument, analysis))) return { devOnly: false, guarded: !/^is(Error|NativeError)$/.test(name) };
    if (/^(includes|startsWith|endsWith|match|test)$/.test(name) && errorMentioned(value, analysis)) return { devOnly: false, guarded: true };
  }
  return { devOnly: false, guarded: false };
}

const DEV_VALUES = /^(dev|development|test|testing|local|debug)$/i;
const PROD_VALUES = /^(prod|production|staging)$/i;

/**
 * Whether an environment check holds in development (true) or in production (false):
 * `NODE_ENV !== 'production'` and `isDev` hold in development, `isProduction` in production.
 */
function developmentPolarity(condition: ts.Expression): boolean | undefined {
  const value = unwrapExpression(condition);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = developmentPolarity(value.operand);
    return inner === undefined ? undefined : !inner;
  }
  if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value)) {
    const path = memberPath(value);
    const name = (path?.[path.length - 1] ?? '').replace(/^is_?/i, '');
    // `config.sendStacktracesToClient`, `showErrorDetails`: a switch a deployment turns on to debug
    if (DEV_VALUES.test(name) || /^(development|debug)mode$/i.test(name) || /^(send|show|expose|include)(stack|stacktraces?|errordetails|errorstack)(toclient|inresponses?)?$/i.test(name)) return true;
    if (PROD_VALUES.test(name)) return false;
    return undefined;
  }
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
      return developmentPolarity(value.left) ?? developmentPolarity(value.right);
    }
    const literal = ts.isStringLiteralLike(value.right) ? value.right : ts.isStringLiteralLike(value.left) ? value.left : undefined;
    if (!literal) return undefined;
    const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
    const notEqual = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !notEqual) return undefined;
    const dev = DEV_VALUES.test(literal.text) ? true : PROD_VALUES.test(literal.text) ? false : undefined;
    return dev === undefined ? undefined : equal ? dev : !dev;
  }
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'includes') {
    const list = unwrapExpression(value.expression.expression);
    if (ts.isArrayLiteralExpression(list)) {
      const values = list.elements.filter(ts.isStringLiteralLike).map((element) => element.text);
      if (values.length > 0 && values.every((text) => DEV_VALUES.test(text))) return true;
      if (values.length > 0 && values.every((text) => PROD_VALUES.test(text))) return false;
    }
  }
  return undefined;
}

function isEquality(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
}

/** `err.expose`, `error.code`, `err['name']` on a caught error (not its message or stack). */
function mentionsErrorProperty(expression: ts.Expression, analysis: FileAnalysis): boolean {
  const value = unwrapExpression(expression);
  if (!ts.isPropertyAccessExpression(value) && !ts.isElementAccessExpression(value)) return false;
  const key = ts.isPropertyAccessExpression(value) ? value.name.text : ts.isStringLiteralLike(value.argumentExpression) ? value.argumentExpression.text : '';
  if (key === 'stack') return false;
  const object = unwrapExpression(value.expression);
  if (ts.isIdentifier(object)) return errorOrigin(object, analysis) !== undefined;
  // err.message === 'Not found', err.response.status === 404
  return mentionsErrorProperty(object, analysis) || (ts.isPropertyAccessExpression(object) && ts.isIdentifier(object.expression) && errorOrigin(object.expression, analysis) !== undefined);
}

function errorMentioned(node: ts.Node, analysis: FileAnalysis): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && errorOrigin(child, analysis)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * `status < 500`, `err.statusCode >= 500`, `statusCode === 500`: whether the comparison holding means
 * a client error (true), a server error (false), or undefined when it is not a status comparison.
 */
function statusComparison(comparison: ts.BinaryExpression): boolean | undefined {
  const left = unwrapExpression(comparison.left);
  const right = unwrapExpression(comparison.right);
  const flip = ts.isNumericLiteral(left);
  let subject = flip ? right : left;
  const literal = flip ? left : right;
  if (!ts.isNumericLiteral(literal)) return undefined;
  // `(err.statusCode ?? 500) >= 500` compares the status the error handler answers with
  if (ts.isBinaryExpression(subject) && (subject.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || subject.operatorToken.kind === ts.SyntaxKind.BarBarToken)) subject = unwrapExpression(subject.left);
  const path = memberPath(subject);
  const name = path?.[path.length - 1] ?? '';
  if (!/^(status|statusCode|code|httpStatus|httpCode|status_code)$/i.test(name)) return undefined;
  const bound = Number(literal.text);
  // `err.code === 11000` (MongoDB's duplicate key) is a driver's code, not an HTTP status
  if (bound < 100 || bound > 599) return undefined;
  let operator: ts.SyntaxKind = comparison.operatorToken.kind;
  if (flip) {
    const mirrored: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
      [ts.SyntaxKind.LessThanToken]: ts.SyntaxKind.GreaterThanToken,
      [ts.SyntaxKind.GreaterThanToken]: ts.SyntaxKind.LessThanToken,
      [ts.SyntaxKind.LessThanEqualsToken]: ts.SyntaxKind.GreaterThanEqualsToken,
      [ts.SyntaxKind.GreaterThanEqualsToken]: ts.SyntaxKind.LessThanEqualsToken,
    };
    operator = mirrored[operator] ?? operator;
  }
  switch (operator) {
    case ts.SyntaxKind.LessThanToken:
      return bound <= 500 ? true : undefined;
    case ts.SyntaxKind.LessThanEqualsToken:
      return bound < 500 ? true : undefined;
    case ts.SyntaxKind.GreaterThanEqualsToken:
      return bound >= 500 ? false : bound <= 400 && bound >= 400 ? true : undefined;
    case ts.SyntaxKind.GreaterThanToken:
      return bound >= 499 ? false : undefined;
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
      return bound < 500;
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
      return bound >= 500 ? true : undefined;
    default:
      return undefined;
  }
}

/** Whether a statement always leaves its block: `return`, `throw`, `next(err); return`, a block ending in one. */
/**
 * Whether an earlier `if (err) { …; return }` in the blocks around `node` (inside `boundary`) leaves
 * `err` empty where `node` runs: `if (err) return res.status(500)…; res.send({ err: err, data })`.
 */
export function isEmptiedBefore(error: ts.Identifier, node: ts.Node, boundary: ts.Node): boolean {
  let declaration: ts.Node | undefined;
  const declared = (): ts.Node | undefined => (declaration ??= bindingNode(resolveLocal(error)));
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== boundary; child = current, current = current.parent) {
    if (!ts.isBlock(current)) continue;
    for (const previous of exitingIfsBefore(current.statements, child)) {
      const condition = unwrapExpression(previous.expression);
      // the same binding: nested callbacks often name their own error `err` too
      if (ts.isIdentifier(condition) && condition.text === error.text && declared() !== undefined && bindingNode(resolveLocal(condition)) === declared()) return true;
    }
  }
  return false;
}

function bindingNode(binding: LocalBinding | undefined): ts.Node | undefined {
  if (!binding) return undefined;
  switch (binding.kind) {
    case 'parameter':
      return binding.parameter;
    case 'catch':
      return binding.clause;
    case 'variable':
      return binding.declaration;
    case 'binding-element':
      return binding.element;
    case 'function':
      return binding.declaration;
    default:
      return binding.node;
  }
}

/** The `if (…) return` statements (no `else`) a block runs before `child`: the code after them runs only when they did not. */
function exitingIfsBefore(statements: ts.NodeArray<ts.Statement>, child: ts.Node): ts.IfStatement[] {
  const index = statements.indexOf(child as ts.Statement);
  return statements.slice(0, Math.max(index, 0)).filter((previous): previous is ts.IfStatement => ts.isIfStatement(previous) && !previous.elseStatement && alwaysExits(previous.thenStatement));
}


/**
 * The conditions a node runs under, up to `boundary`: enclosing `if` / `?:` / `&&` / `switch (err.x)`
 * branches, and earlier `if (…) return` statements it runs after.
 */
export function pathConditions(node: ts.Node, boundary: ts.Node, analysis: FileAnalysis): ConditionMeaning {
  let devOnly = false;
  let guarded = false;
  const add = (meaning: ConditionMeaning): void => {
    devOnly ||= meaning.devOnly;
    guarded ||= meaning.guarded;
  };
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== boundary; child = current, current = current.parent) {
    if (ts.isIfStatement(current) && child !== current.expression) {
      add(classifyCondition(current.expression, child === current.thenStatement, analysis));
    } else if (ts.isConditionalExpression(current) && child !== current.condition) {
      add(classifyCondition(current.condition, child === current.whenTrue, analysis));
    } else if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === current.right) {
      add(classifyCondition(current.left, true, analysis));
    } else if (ts.isCaseClause(current) && ts.isCaseBlock(current.parent)) {
      const subject = current.parent.parent.expression;
      if (isDevelopmentCheck(subject)) add({ devOnly: true, guarded: false });
      else if (mentionsErrorProperty(subject, analysis) || statusSubject(subject)) add({ devOnly: false, guarded: statusCaseIsClientError(current) });
    }
    if (ts.isBlock(current) || ts.isCaseClause(current) || ts.isDefaultClause(current)) {
      for (const previous of exitingIfsBefore(current.statements, child)) add(classifyCondition(previous.expression, false, analysis));
    }
  }
  return { devOnly, guarded };
}

function statusSubject(expression: ts.Expression): boolean {
  const path = memberPath(expression);
  return /^(status|statusCode)$/.test(path?.[path.length - 1] ?? '');
}

function statusCaseIsClientError(clause: ts.CaseClause): boolean {
  const value = unwrapExpression(clause.expression);
  if (ts.isNumericLiteral(value)) return Number(value.text) < 500;
  return true;
}
