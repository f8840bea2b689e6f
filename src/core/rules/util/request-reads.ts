import ts from 'typescript';
import { forEachDescendant } from '../../analysis/descendants';
import { calleeName, calleeText, isEqualityOperator, isFallbackExpression, isFunctionLike, memberPath, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import {
  climbWrappers,
  isAllowListTest,
  isClamp,
  isDigestUpdate,
  isEmptyDefault,
  isFixedValue,
  isIgnoredVerdict,
  isNumberCheck,
  isRejectedUnlessListed,
  NUMBER_GUARDS,
  OFFSET_FIELD,
  rejectsUnless,
} from './request-checks';
import { localFunction, localInitializer, statementsAfter } from './local-binding';

/** The parts of a request a handler can read that carry client input we expect to be validated. */
export type RequestPart = 'body' | 'query' | 'params';
export const REQUEST_PARTS: readonly RequestPart[] = ['body', 'query', 'params'];

export function isRequestPart(name: string): name is RequestPart {
  return name === 'body' || name === 'query' || name === 'params';
}

/** Body fields whose names say they hold text, when the handler gives no other evidence. */
const TEXT_FIELD = /^(email|mail|password|newPassword|currentPassword|oldPassword|confirmPassword|passwordConfirmation|username|userName|login|firstName|lastName|fullName|displayName|name|title|description|bio|token|refreshToken|slug|content|text|message|subject|phone|phoneNumber|address|url|website|comment)$/;

export function isTextFieldName(name: string): boolean {
  return TEXT_FIELD.test(name);
}

export type FieldType = 'unknown' | 'string' | 'number' | 'boolean' | 'array' | 'object';

/** What a handler reveals about one value of the request: the part itself or one of its fields. */
export interface FieldNode {
  type: FieldType;
  /** A default, `??` / `||` fallback or optional chaining says the value may be absent. */
  optional: boolean;
  /** The value is used as a whole (passed on, spread, returned): members we never saw must be kept. */
  whole: boolean;
  children: Map<string, FieldNode>;
}

/**
 * How a read is used: `use` reaches the handler's logic; `capture` only binds it to local names
 * (judged through them); `validator` / `guard` are themselves validation; `log` and `write` are harmless;
 * `compare` only compares it with a literal (`req.query.flag === 'true'`) or tests it for a key
 * (`'x' in req.query`), so the value picks a branch and reaches nothing.
 */
export type ReadUsage = 'use' | 'capture' | 'validator' | 'guard' | 'log' | 'compare' | 'write';

export interface RequestRead {
  part: RequestPart;
  /** Where a finding is reported: `req.body`, or the binding element of `const { body } = req`. */
  node: ts.Node;
  start: number;
  usage: ReadUsage;
  /** Only named members are taken (`req.params.id`, `const { id } = req.params`), never the whole object. */
  namedOnly: boolean;
  /** A capture's first use through its alias that reaches the handler's logic (`const email = req.body.email; send(email)`). */
  firstUseAt?: number;
  /** `req.query.sort` after `if (!SORTS.includes(req.query.sort)) return …`: the field this read takes was checked on its own before it. */
  fieldChecked?: boolean;
  /** The call a whole part is handed to as one argument (`parsePagination(req.query)`): a project function may vet what it reads. */
  handedTo?: { call: ts.CallExpression; index: number };
}

export interface RequestUse {
  reads: RequestRead[];
  /** Field trees per part, from member accesses, destructuring and the uses of local aliases. */
  fields: Map<RequestPart, FieldNode>;
  /** Offset of the first validation of each part inside the handler: a validator call or a typeof guard. */
  validatedAt: Map<RequestPart, number>;
  /** How code at the top of the handler can name each part (`req.body`, or a destructured `body`). */
  partExpression: Map<RequestPart, string>;
  /** Fields the function sets on each part itself (`req.body.userId = decoded.id` in an auth middleware). */
  written: Map<RequestPart, Set<string>>;
  /** Calls handed the whole request (`saveUser(req)`, `createOrderService(req, res, next)`): what they read, the handler reads. */
  forwards: RequestForward[];
  /**
   * Offset of `validationResult(req)` / `matchedData(req)`: the outcome of the route's express-validator
   * chains, which say themselves which parts they check; all parts when the chains cannot be seen.
   */
  chainResultAt?: number;
  /** Parts read as raw bytes (`req.body.toString('utf8')` behind `express.raw()`): no object schema describes them. */
  rawText: Set<RequestPart>;
}

export interface RequestForward {
  call: ts.CallExpression;
  /** The argument position of the request. */
  index: number;
  /** The request as written in the call, where a finding about what the callee reads is reported. */
  node: ts.Expression;
}

/** Decides what a call does with the request values given to it. */
export interface CallClassifier {
  isValidator(call: ts.CallExpression): boolean;
  isLogger(call: ts.CallExpression): boolean;
  /** Whether the called function validates its argument at `index` (a service that parses its input). */
  validatesArgument?(call: ts.CallExpression, index: number): boolean;
}

interface Alias {
  part: RequestPart;
  path: string[];
  /** The read that created the alias. */
  read: RequestRead;
  declaredAt: number;
  /** `const { ownerName, ...data } = req.body`: the fields split off beside a top-level rest, which a check of `data` leaves unchecked. */
  splitOff?: readonly string[];
}

const constantTimeFiles = new WeakMap<ts.SourceFile, boolean>();

function comparesInConstantTime(sourceFile: ts.SourceFile): boolean {
  let compares = constantTimeFiles.get(sourceFile);
  if (compares === undefined) {
    compares = sourceFile.text.includes('timingSafeEqual') && sourceFile.text.includes('createHmac');
    constantTimeFiles.set(sourceFile, compares);
  }
  return compares;
}

/** The request methods express-validator 5 and older installed, with the parts each checks. */
const LEGACY_VALIDATORS = new Map<string, readonly RequestPart[]>([
  ['checkBody', ['body']], ['assertBody', ['body']],
  ['checkQuery', ['query']], ['assertQuery', ['query']],
  ['checkParams', ['params']], ['assertParams', ['params']],
  ['check', REQUEST_PARTS], ['assert', REQUEST_PARTS],
]);
/** How a handler reads the outcome of those checks; without it the checks reject nothing. */
const LEGACY_RESULT = /\.(validationErrors|asyncValidationErrors|getValidationResult)\(/;

const NUMBER_CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'Number.parseInt', 'Number.parseFloat', 'Math.min', 'Math.max', 'Math.abs', 'Math.floor', 'Math.ceil', 'Math.round', 'Date.parse']);
const STRING_METHODS = new Set([
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'split', 'startsWith', 'endsWith',
  'replace', 'replaceAll', 'match', 'matchAll', 'padStart', 'padEnd', 'normalize', 'localeCompare', 'charAt', 'charCodeAt', 'substring', 'substr',
]);
const ARRAY_METHODS = new Set(['map', 'filter', 'forEach', 'reduce', 'some', 'every', 'find', 'findIndex', 'flatMap', 'join', 'push', 'sort']);
/** Hashing and comparing functions that take strings: `bcrypt.hash(req.body.password, 10)`. */
const STRING_SINKS = /^(bcrypt|bcryptjs|argon2|crypto)\.(hash|hashSync|compare|compareSync|verify)$|^(hash|compare)Password$/;

/**
 * Reads of `req.body` / `req.query` / `req.params` in a handler (its Fastify `request.*` equivalents
 * too), including destructuring of the request or of a part, with what the handler does with each
 * read and which fields it takes. Nested callbacks count; functions that rebind the request name do not.
 */
export function collectRequestUse(fn: FunctionLike, requestParameter: ts.ParameterDeclaration | undefined, classifier: CallClassifier): RequestUse {
  return new RequestUseCollector(fn, requestParameter, classifier).run();
}

/**
 * What a helper does with the request part it is handed (`parsePagination(req.query)`): its
 * parameter read as that part, so clamps and checks of its fields count as they would in the handler.
 */
export function collectPartUse(fn: FunctionLike, parameter: ts.ParameterDeclaration & { name: ts.Identifier }, part: RequestPart, classifier: CallClassifier): RequestUse {
  return new RequestUseCollector(fn, undefined, classifier, { parameter, part }).run();
}

class RequestUseCollector {
  private readonly reads: RequestRead[] = [];
  private readonly fields = new Map<RequestPart, FieldNode>();
  private readonly validatedAt = new Map<RequestPart, number>();
  private readonly aliases = new Map<string, Alias>();
  private readonly partExpression = new Map<RequestPart, string>();
  private readonly written = new Map<RequestPart, Set<string>>();
  private readonly forwards: RequestForward[] = [];
  /** Uses seen through each capture's aliases. */
  private readonly captureUses = new Map<RequestRead, ReadUsage[]>();
  private readonly captureNamedOnly = new Map<RequestRead, boolean>();
  /** Checks that vet the one field they test: type and number checks, allow-lists (`if (!STATUSES.includes(status)) return …`), clamps (`Math.min(Number(limit) || 10, 50)`). */
  private readonly fieldChecks: { part: RequestPart; path: readonly string[]; at: number }[] = [];
  /** `body.title`: fields some read uses as a value, not only compares or logs; only they need a check. */
  private readonly usedFields = new Set<string>();
  private chainResultAt: number | undefined;
  private readonly rawText = new Set<RequestPart>();
  private readonly requestName: string | undefined;
  /** The alias whose use is being followed, so a check of a rest alias knows what it leaves out. */
  private following: Alias | undefined;
  /** Part validations reached through a rest alias: they hold only if the fields split off beside it are unused or checked. */
  /** Reads of one top-level field (`req.query.sort`), marked when a check of that field comes before them. */
  private readonly fieldReads: { read: RequestRead; field: string }[] = [];
  private readonly restValidations: { part: RequestPart; at: number; splitOff: readonly string[] }[] = [];

  constructor(
    private readonly fn: FunctionLike,
    private readonly requestParameter: ts.ParameterDeclaration | undefined,
    private readonly classifier: CallClassifier,
    private readonly partParameter?: { parameter: ts.ParameterDeclaration & { name: ts.Identifier }; part: RequestPart },
  ) {
    this.requestName = requestParameter && ts.isIdentifier(requestParameter.name) ? requestParameter.name.text : undefined;
  }

  run(): RequestUse {
    if (this.partParameter) {
      const { parameter, part } = this.partParameter;
      const read: RequestRead = { part, node: parameter, start: parameter.getStart(), usage: 'capture', namedOnly: true };
      this.reads.push(read);
      this.captureUses.set(read, []);
      this.root(part);
      this.aliases.set(parameter.name.text, { part, path: [], read, declaredAt: parameter.getEnd() });
    } else if (this.requestName) {
      for (const part of REQUEST_PARTS) this.partExpression.set(part, `${this.requestName}.${part}`);
    } else if (this.requestParameter && ts.isObjectBindingPattern(this.requestParameter.name)) {
      this.destructureRequest(this.requestParameter.name);
    }
    if (this.fn.body) this.walk(this.fn.body);
    this.signatureCheck();
    for (const { part, at, splitOff } of this.restValidations) {
      const checked = new Set(this.fieldChecks.filter((check) => check.part === part && check.path.length === 1).map((check) => check.path[0]));
      if (splitOff.every((field) => !this.usedFields.has(`${part}.${field}`) || checked.has(field))) this.markValidated(part, at);
    }
    // a part is vetted by field checks only when they cover every field the handler reads of it
    for (const part of new Set(this.fieldChecks.map((check) => check.part))) {
      const checks = this.fieldChecks.filter((check) => check.part === part && check.path.length === 1);
      const checked = new Set(checks.map((check) => check.path[0]));
      const root = this.fields.get(part);
      const unchecked = root ? [...root.children.keys()].filter((field) => this.usedFields.has(`${part}.${field}`) && !checked.has(field)) : [];
      // from the first check on: a field read between the checks is read to build a later check or a log line
      if (checks.length > 0 && root && !root.whole && unchecked.length === 0) this.markValidated(part, Math.min(...checks.map((check) => check.at)));
    }
    for (const { read, field } of this.fieldReads) {
      read.fieldChecked = this.fieldChecks.some((check) => check.part === read.part && check.path.length === 1 && check.path[0] === field && check.at <= read.start);
    }
    for (const [read, uses] of this.captureUses) {
      // Values bound only to be logged are harmless; any other capture is judged like a use.
      if (uses.length > 0 && uses.every((usage) => usage === 'log' || usage === 'compare')) read.usage = uses.includes('compare') ? 'compare' : 'log';
      read.namedOnly = read.namedOnly && (this.captureNamedOnly.get(read) ?? true);
    }
    this.reads.sort((a, b) => a.start - b.start);
    return { reads: this.reads, fields: this.fields, validatedAt: this.validatedAt, partExpression: this.partExpression, written: this.written, forwards: this.forwards, chainResultAt: this.chainResultAt, rawText: this.rawText };
  }

  /**
   * A webhook handler comparing the payload's signature by hand (`createHmac(…).update(raw)` then
   * `if (!crypto.timingSafeEqual(a, b)) return reply.code(400)…`): the body comes from the provider,
   * as after Stripe's `constructEvent`.
   */
  private signatureCheck(): void {
    const body = this.fn.body;
    const sourceFile = this.fn.getSourceFile();
    // most files compare no signature: asked once per file, not searched from every handler to the end
    if (!body || !comparesInConstantTime(sourceFile)) return;
    const text = sourceFile.text;
    const at = text.indexOf('timingSafeEqual', body.pos);
    const digest = text.indexOf('createHmac', body.pos);
    // an API key compared in constant time vets no payload: the signature must be computed over the request here,
    // or by a function of this file handed the request's body (`if (!signatureMatches(req.body, header)) return 401`)
    const computedHere = at >= 0 && at <= body.end && digest >= 0 && digest <= body.end;
    forEachDescendant(body, (node) => {
      if (!ts.isCallExpression(node) || !(rejectsUnless(node) || rejectsUnlessHeld(node))) return;
      if (computedHere && calleeText(node)?.endsWith('timingSafeEqual')) this.markValidated('body', node.getStart());
      else if (node.arguments.some((argument) => this.isBodyRead(argument)) && verifiesSignature(localFunction(node.expression))) this.markValidated('body', node.getStart());
    });
  }

  private walk(root: ts.Node): void {
    const visit = (node: ts.Node): boolean => {
      if (node !== this.fn && isFunctionLike(node) && this.rebindsRequest(node)) return false;
      if (ts.isIdentifier(node)) this.identifier(node);
      return true;
    };
    if (visit(root)) forEachDescendant(root, visit);
  }

  /** `req.body`, `request.body`. */
  private isBodyRead(expression: ts.Expression): boolean {
    const value = unwrapExpression(expression);
    return ts.isPropertyAccessExpression(value) && value.name.text === 'body' && this.isRequest(value.expression);
  }

  private isRequest(expression: ts.Expression): boolean {
    const value = unwrapExpression(expression);
    return this.requestName !== undefined && ts.isIdentifier(value) && value.text === this.requestName;
  }

  private rebindsRequest(fn: FunctionLike): boolean {
    return fn.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === this.requestName);
  }

  private identifier(node: ts.Identifier): void {
    // Most identifiers of a body are neither the request nor an alias of a part: skip them before the syntax checks.
    if (node.text !== this.requestName && !this.aliases.has(node.text)) return;
    if (!isReference(node)) return;
    if (node.text === this.requestName) {
      this.requestReference(node);
      return;
    }
    const alias = this.aliases.get(node.text);
    if (alias && node.getStart() > alias.declaredAt) {
      this.following = alias;
      const usage = this.followValue(node, alias.part, alias.path, alias.read);
      this.following = undefined;
      this.captureUses.get(alias.read)?.push(usage.usage);
      if (usage.usage === 'use' && (alias.read.firstUseAt === undefined || node.getStart() < alias.read.firstUseAt)) alias.read.firstUseAt = node.getStart();
      if (!usage.named) this.captureNamedOnly.set(alias.read, false);
    }
  }

  /** `req` itself: a part access, a destructuring of parts, or the whole request handed to a call. */
  private requestReference(node: ts.Identifier): void {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node && isRequestPart(parent.name.text)) {
      this.partAccess(parent, parent.name.text);
      return;
    }
    if (ts.isElementAccessExpression(parent) && parent.expression === node && ts.isStringLiteralLike(parent.argumentExpression) && isRequestPart(parent.argumentExpression.text)) {
      this.partAccess(parent, parent.argumentExpression.text);
      return;
    }
    // express-validator before v6: `req.checkBody('email').isEmail()`, `req.assert(…)`, then `req.validationErrors()`
    const legacy = ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent ? LEGACY_VALIDATORS.get(parent.name.text) : undefined;
    if (legacy) {
      if (LEGACY_RESULT.test(this.fn.getText())) for (const part of legacy) this.markValidated(part, parent.getStart());
      return;
    }
    const top = climbWrappers(node);
    if (ts.isVariableDeclaration(top.parent) && top.parent.initializer === top && ts.isObjectBindingPattern(top.parent.name)) {
      this.destructureRequest(top.parent.name);
      return;
    }
    const call = enclosingCallOfArgument(top);
    if (call && isChainResult(call)) {
      this.chainResultAt = Math.min(this.chainResultAt ?? Infinity, call.getStart());
    } else if (call && this.classifier.isValidator(call)) {
      for (const part of REQUEST_PARTS) this.markValidated(part, call.getStart());
    } else if (call && !this.classifier.isLogger(call)) {
      const index = call.arguments.indexOf(top);
      if (index >= 0) this.forwards.push({ call, index, node: top });
    }
  }

  /**
   * `{ body, query: q, params: { id } }` bound from the request. Only a parameter's bindings exist at
   * the top of the handler, so only they can name the part there.
   */
  private destructureRequest(pattern: ts.ObjectBindingPattern): void {
    const isParameter = ts.isParameter(pattern.parent);
    for (const element of pattern.elements) {
      const key = bindingKey(element);
      if (!key || !isRequestPart(key)) continue;
      const read: RequestRead = { part: key, node: element, start: element.getStart(), usage: 'capture', namedOnly: true };
      this.reads.push(read);
      this.captureUses.set(read, []);
      const root = this.root(key);
      if (ts.isIdentifier(element.name)) {
        if (isParameter) this.partExpression.set(key, element.name.text);
        if (element.initializer) root.optional = true;
        this.aliases.set(element.name.text, { part: key, path: [], read, declaredAt: element.getEnd() });
      } else if (ts.isObjectBindingPattern(element.name)) {
        if (isParameter) this.partExpression.delete(key);
        this.bindPattern(element.name, key, [], read);
      } else {
        read.namedOnly = false;
      }
    }
  }

  private partAccess(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, part: RequestPart): void {
    const read: RequestRead = { part, node: access, start: access.getStart(), usage: 'use', namedOnly: false };
    const result = this.followValue(access, part, [], read);
    if (result.usage === 'write' && result.path.length === 0) return;
    // a field set from server-side facts (`req.body.userId = decoded.id`), not copied from the request (`= req.headers['x-user-id']`)
    if (result.usage === 'write' && this.setsServerFact(access)) {
      const fields = this.written.get(part) ?? new Set<string>();
      fields.add(result.path[0]);
      this.written.set(part, fields);
    }
    read.usage = result.usage;
    read.namedOnly = result.named;
    if (result.path.length > 0) this.fieldReads.push({ read, field: result.path[0] });
    const top = climbWrappers(access);
    const handedTo = result.usage === 'use' && ts.isCallExpression(top.parent) ? top.parent : undefined;
    const index = handedTo ? handedTo.arguments.indexOf(top) : -1;
    if (handedTo && index >= 0) read.handedTo = { call: handedTo, index };
    this.reads.push(read);
  }

  /** `req.headers['x-user-id']`, `req.query.uid || null`: a value read straight off the request (a call given the request computes one). */
  private copiesRequest(expression: ts.Expression): boolean {
    const value = unwrapExpression(expression);
    if (isFallbackExpression(value)) return this.copiesRequest(value.left) || this.copiesRequest(value.right);
    if (ts.isConditionalExpression(value)) return this.copiesRequest(value.whenTrue) || this.copiesRequest(value.whenFalse);
    let root: ts.Expression = value;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrapExpression(root.expression);
    return ts.isIdentifier(root) && root.text === this.requestName;
  }

  /**
   * Whether a write of `access` always sets a server-side fact: not copied from the request itself
   * (`= req.headers['x-user-id']`) and not only on some paths (`if (token) req.body.userId = …`, where
   * the other path keeps what the client posted). A branch that returns first is fine.
   */
  private setsServerFact(access: ts.Expression): boolean {
    let node: ts.Node = access;
    while (node.parent && !ts.isBinaryExpression(node.parent) && !ts.isStatement(node.parent)) node = node.parent;
    const assignment = node.parent;
    if (!ts.isBinaryExpression(assignment)) return false;
    if (this.copiesRequest(assignment.right)) return false;
    for (let current: ts.Node = assignment; current !== this.fn && current.parent; current = current.parent) {
      const parent = current.parent;
      if ((ts.isIfStatement(parent) && current !== parent.expression) || (ts.isConditionalExpression(parent) && current !== parent.condition)) return false;
      if (ts.isBinaryExpression(parent) && parent.right === current && parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    }
    return true;
  }

  /**
   * Climbs from an expression holding the request value at `path` through member accesses to where
   * the value is used, recording fields, types and validation on the way.
   */
  private followValue(expression: ts.Expression, part: RequestPart, path: readonly string[], read: RequestRead): { usage: ReadUsage; named: boolean; path: string[] } {
    let current: ts.Expression = expression;
    const fieldPath = [...path];
    let optional = false;
    for (;;) {
      const parent: ts.Node = current.parent;
      // `(request.body ?? {}) as Body`: the empty default stands for the same value
      if (ts.isBinaryExpression(parent) && parent.left === current && isEmptyDefault(parent)) {
        optional = true;
        current = parent;
        continue;
      }
      if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) {
        if ((ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) && ts.isTypeLiteralNode(parent.type)) {
          this.typeLiteralEvidence(this.node(part, fieldPath), parent.type);
        }
        current = parent;
        continue;
      }
      if (ts.isPropertyAccessExpression(parent) && parent.expression === current) {
        const name = parent.name.text;
        const grand = parent.parent;
        if (ts.isCallExpression(grand) && grand.expression === parent) {
          // `createHmac(…).update(`${timestamp}.${req.body.toString('utf8')}`)`: the raw payload signed with a timestamp, as hashed
          // whole; handed that way to a signature check (`verifyHmac(Buffer.from(`${t}.${req.body.toString()}`), …)`), checked
          if (name === 'toString' && fieldPath.length === 0) this.rawText.add(part);
          const receiver = name === 'toString' && fieldPath.length === 0 ? signedTextReceiver(grand) : undefined;
          if (receiver && isDigestUpdate(receiver)) return { usage: 'log', named: false, path: fieldPath };
          if (receiver && this.classifier.isValidator(receiver)) {
            this.markValidated(part, receiver.getStart());
            return { usage: 'validator', named: false, path: fieldPath };
          }
          // `const rawBody = req.body.toString('utf8')`: the payload's text stands for the payload, judged through its uses
          const holder = name === 'toString' && fieldPath.length === 0 ? climbWrappers(grand).parent : undefined;
          if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) {
            this.aliases.set(holder.name.text, { part, path: [], read: this.captureRead(read), declaredAt: holder.getEnd() });
            return { usage: 'capture', named: false, path: fieldPath };
          }
          this.methodEvidence(part, fieldPath, name);
          if (fieldPath.length > 0 && TIDYING_METHODS.has(name) && grand.arguments.length === 0) {
            const usage = this.usageAt(climbWrappers(grand), part, fieldPath, this.node(part, fieldPath), read);
            if (usage === 'use') this.usedFields.add(`${part}.${fieldPath[0]}`);
            return { usage, named: true, path: fieldPath };
          }
          const write = this.isWrite(grand);
          // `fields.split(',')`: the value is used, whatever was checked of the other fields
          if (!write && fieldPath.length > 0) this.usedFields.add(`${part}.${fieldPath[0]}`);
          return { usage: write ? 'write' : 'use', named: fieldPath.length > 0, path: fieldPath };
        }
        if (name === 'length' || name === 'hasOwnProperty') return { usage: 'use', named: fieldPath.length > 0, path: fieldPath };
        if (parent.questionDotToken) optional = true;
        fieldPath.push(name);
        current = parent;
        continue;
      }
      if (ts.isElementAccessExpression(parent) && parent.expression === current) {
        // `req.body['email']`, and `req.params[0]` (the match of a wildcard route)
        if (ts.isStringLiteralLike(parent.argumentExpression) || ts.isNumericLiteral(parent.argumentExpression)) {
          fieldPath.push(parent.argumentExpression.text);
          current = parent;
          continue;
        }
        this.node(part, fieldPath).whole = true;
        // `typeof req.body[key] === 'string'` checks each field it lets through
        if (ts.isTypeOfExpression(parent.parent)) {
          this.markValidated(part, parent.parent.getStart());
          return { usage: 'guard', named: false, path: fieldPath };
        }
        return { usage: this.isWrite(parent) ? 'write' : 'use', named: false, path: fieldPath };
      }
      break;
    }
    if (this.isWrite(current)) return { usage: 'write', named: fieldPath.length > 0, path: fieldPath };
    const node = this.node(part, fieldPath);
    if (optional) node.optional = true;
    const usage = this.usageAt(current, part, fieldPath, node, read);
    if (usage === 'use' && fieldPath.length > 0) this.usedFields.add(`${part}.${fieldPath[0]}`);
    return { usage, named: fieldPath.length > 0 || usage === 'capture', path: fieldPath };
  }

  /** What the code around `expression` (the request value at `path`) does with it. */
  private usageAt(expression: ts.Expression, part: RequestPart, path: string[], node: FieldNode, read: RequestRead): ReadUsage {
    // `if (req.query.current)`, `!req.query.all ? a : b`: like a comparison with a literal, the value only picks a branch
    if (isTruthinessTest(expression)) return 'compare';
    // `if (status === 'issued' || status === 'returned') filter.status = status`: only a listed value gets here
    if (keptOnlyWhenListed(expression, this.fn)) return 'compare';
    const parent = expression.parent;
    // `String(req.body.email || '').trim().toLowerCase()`: the same text tidied, judged where it goes
    if (ts.isPropertyAccessExpression(parent) && TIDYING_METHODS.has(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent && parent.parent.arguments.length === 0) {
      this.setType(node, 'string');
      return this.usageAt(climbWrappers(parent.parent), part, path, node, read);
    }
    // `switch (zero) { case 'more': … }`: compared with each case's literal, the value only picks one
    if (ts.isSwitchStatement(parent) && parent.expression === expression && parent.caseBlock.clauses.every((clause) => ts.isDefaultClause(clause) || isFixedValue(clause.expression))) return 'compare';
    if (ts.isVariableDeclaration(parent) && parent.initializer === expression) {
      if (ts.isIdentifier(parent.name)) {
        this.aliases.set(parent.name.text, { part, path, read: this.captureRead(read), declaredAt: parent.getEnd() });
        return 'capture';
      }
      if (ts.isObjectBindingPattern(parent.name)) {
        const capture = this.captureRead(read);
        const named = this.bindPattern(parent.name, part, path, capture);
        if (!named) this.captureNamedOnly.set(capture, false);
        return 'capture';
      }
      if (ts.isArrayBindingPattern(parent.name)) this.setType(node, 'array');
      return 'use';
    }
    if (ts.isTypeOfExpression(parent)) {
      const comparison = parent.parent;
      if (ts.isBinaryExpression(comparison) && isEqualityOperator(comparison.operatorToken.kind)) {
        const other = comparison.left === parent ? comparison.right : comparison.left;
        const typeName = ts.isStringLiteralLike(other) ? other.text : undefined;
        if (typeName === 'string' || typeName === 'number' || typeName === 'boolean' || typeName === 'object') this.setType(node, typeName);
        // `typeof email === 'undefined'` only asks whether it was sent, like `if (!email)`
        if (typeName === 'undefined') return 'compare';
      }
      this.checked(part, path, parent.getStart());
      return 'guard';
    }
    // `let data; … data = request.body; data = Schema.parse(data)`: assigned later, an alias all the same
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === expression && ts.isIdentifier(parent.left)) {
      this.aliases.set(parent.left.text, { part, path, read: this.captureRead(read), declaredAt: parent.getEnd() });
      return 'capture';
    }
    if (ts.isBinaryExpression(parent) && !(isFallback(parent, expression) && enclosingCallOfArgument(expression))) return this.binaryUsage(parent, expression, part, path, node, read);
    if (ts.isPrefixUnaryExpression(parent)) {
      if (parent.operator === ts.SyntaxKind.PlusToken || parent.operator === ts.SyntaxKind.MinusToken) this.setType(node, 'number');
      // `PaginationDto.create(+page, +limit)`: the number goes straight to a validator
      const call = enclosingCallOfArgument(parent);
      if (call && this.classifier.isValidator(call)) {
        this.markValidated(part, call.getStart());
        return 'validator';
      }
      return 'use';
    }
    if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) {
      node.whole = true;
      // `schema.parse({ ...req.body, roomId })`: the merged object is what the validator checks
      const container = parent.parent;
      const call = ts.isObjectLiteralExpression(container) || ts.isArrayLiteralExpression(container) ? enclosingCallOfArgument(container) : undefined;
      // …and `usersService.create({ ...req.body, userId })`, a service that parses what it is given
      if (call && (this.classifier.isValidator(call) || this.classifier.validatesArgument?.(call, argumentIndexHolding(container)))) {
        this.markValidated(part, call.getStart());
        return 'validator';
      }
      return 'use';
    }
    if (ts.isForOfStatement(parent) && parent.expression === expression) {
      this.setType(node, 'array');
      return 'use';
    }
    // `const day = new Date(String(req.query.date)); if (Number.isNaN(day.getTime())) return res.status(400)…`: an invalid date refused
    const dateGuard = this.dateGuardOf(expression);
    if (dateGuard) {
      this.setType(node, 'string');
      this.checked(part, path, dateGuard.getStart());
      return 'guard';
    }
    // `logger.warn(`Invalid name: ${req.body.name}`)`, `logger.error(`Invalid body: ${JSON.stringify(req.body)}`)`: text written to the log uses no field
    if (ts.isTemplateSpan(parent) && this.onlyLogged(expression)) return 'log';
    const call = enclosingCallOfArgument(expression);
    if (call && SERIALIZERS.has(calleeText(call) ?? '') && this.onlyLogged(call)) return 'log';
    if (call) {
      // `Number(req.query.page || 1)` hands the value over as directly as `Number(req.query.page)`.
      const handed = isFallback(expression.parent, expression) ? climbWrappers(expression.parent) : expression;
      const direct = call.arguments.some((argument) => argument === handed);
      if (handed !== expression) {
        node.optional = true;
        const fallback = unwrapExpression((expression.parent as ts.BinaryExpression).right);
        if (ts.isNumericLiteral(fallback)) this.setType(node, 'number');
        else if (ts.isStringLiteralLike(fallback)) this.setType(node, 'string');
      }
      // `parseInt(String(query.page ?? '1'), 10)`, `SORT_FIELDS.includes(String(req.query.sort))`: the text of the value
      // goes where the value would, judged there
      if (direct && calleeText(call) === 'String' && call.arguments.length === 1) {
        this.setType(node, 'string');
        return this.usageAt(call, part, path, node, read);
      }
      // Handed on whole (to a validator, a logger or anything else): members we never saw are used.
      node.whole = true;
      if (this.classifier.isValidator(call)) {
        // `validateEmail(req.body.email)` vets that field; the part only when it is all the handler reads of it
        this.checked(part, path, call.getStart(), direct);
        return 'validator';
      }
      // `const check = Schema.safeParse(req.body); if (!check.success) console.warn(…)`: checked for a log line only; the reads after it count
      if (this.classifier.isLogger(call) || isIgnoredVerdict(call)) return 'log';
      // `transport.handleRequest(req, res, req.body)`: the part rides along with the whole request handed over,
      // judged like that request (what a project function does with it is followed as a forward)
      if (direct && path.length === 0 && call.arguments.some((argument) => this.isRequest(argument))) return 'log';
      // `const q = normalize(req.query); schema.parse(q)`: what the helper returns is validated
      const validated = this.resultValidated(call);
      if (validated) {
        this.markValidated(part, validated.getStart());
        return 'validator';
      }
      // `crypto.createHmac('sha256', secret).update(req.body)`: hashed to check a signature, like logging it reaches nothing
      if (isDigestUpdate(call)) return 'log';
      // `?key=${encodeURIComponent(req.query.key)}`: encoded into a URL component, whatever it holds
      if (direct && /^(encodeURIComponent|encodeURI)$/.test(calleeText(call) ?? '')) return 'compare';
      // `for (const key of Object.keys(req.body))`: the names of the fields, not their values
      if (direct && calleeText(call) === 'Object.keys') return 'compare';
      // `/^[0-9]+(,[0-9]+)?$/.test(req.query.from)` only tests the value, like a comparison; it vets
      // neither the other fields nor what is done with this one afterwards…
      if (direct && isPatternTest(call)) {
        this.setType(node, 'string');
        // …unless the whole value must match or the request is turned away: `if (!/^\d{4}-\d{2}$/.test(month)) return res.status(400)…`
        if (rejectsUnless(call) && matchesWholeValue(call)) {
          this.fieldChecks.push({ part, path, at: call.getStart() });
          return 'guard';
        }
        return 'compare';
      }
      // A service that parses its argument vets what the argument holds: `createAccount({ fullName, email })`;
      // handed one field (`getList(userId, search, status)`), it vets that field
      if (this.classifier.validatesArgument?.(call, argumentIndexHolding(handed))) {
        this.checked(part, path, call.getStart(), direct);
        return 'validator';
      }
      const callee = calleeText(call);
      if (direct && callee !== undefined) {
        if (NUMBER_CONVERSIONS.has(callee)) {
          this.setType(node, 'number');
          if (isDefaulted(call)) node.optional = true;
          // `isNaN(Number(req.query.t))`, or `const cursor = Number(req.query.cursor)` then `Number.isInteger(cursor)`
          const guard = this.numberGuardOf(call);
          if (guard && isClamp(guard)) {
            // a lower bound alone leaves a page size free to ask for everything, unless an upper one wraps it: `Math.min(200, Math.max(1, n))`
            const upper = calleeText(guard) === 'Math.min' || isUpperClamp(enclosingCallOfArgument(guard));
            if (!upper && !OFFSET_FIELD.test(path[path.length - 1] ?? '')) return 'use';
            this.fieldChecks.push({ part, path, at: guard.getStart() });
            return 'guard';
          }
          if (guard) {
            this.checked(part, path, guard.getStart());
            return 'guard';
          }
          return 'use';
        }
        if (NUMBER_GUARDS.has(callee)) {
          this.setType(node, 'number');
          this.checked(part, path, call.getStart());
          return 'guard';
        }
        // `if (!['To Do', 'Done'].includes(status)) return res.status(400)…`: an allow-list the value must be on
        if (isAllowListTest(call) && (rejectsUnless(call) || keepsOnlyListed(call))) {
          this.fieldChecks.push({ part, path, at: call.getStart() });
          return 'guard';
        }
        // `['true', '1'].includes(req.query.enabled) ? … : …` only compares it with literals, and so does
        // `if (STATUSES.includes(req.query.status))` choosing a branch (where the value is used, it is judged)
        if (isAllowListTest(call) && (ts.isArrayLiteralExpression(unwrapExpression((unwrapExpression(call.expression) as ts.PropertyAccessExpression).expression)) || isTruthinessTest(climbWrappers(call)))) return 'compare';
        if (callee === 'Array.isArray') {
          this.setType(node, 'array');
          // like a typeof guard: of one field, it vets that field
          this.checked(part, path, call.getStart());
          return 'guard';
        }
        if (callee === 'String') this.setType(node, 'string');
        else if (callee === 'Boolean') this.setType(node, 'boolean');
        else if (STRING_SINKS.test(callee) && call.arguments[0] === handed) this.setType(node, 'string');
        // `if (!sessionId && isInitializeRequest(req.body))`: a predicate choosing a branch only tests the value, as a
        // comparison does (one whose verdict turns the request away, `if (!isValidTodo(req.body)) return …`, is judged as a check)
        if (/^(is|has)[A-Z]/.test(calleeName(call) ?? '') && isTruthinessTest(climbWrappers(call)) && !rejectsUnless(call)) return 'compare';
      }
      return 'use';
    }
    node.whole = true;
    return 'use';
  }

  /**
   * The validator the result of a call goes to: `validate(normalize(req.query), schema)`, or through a
   * `const` holding it. Only a synchronous helper reshapes the request: an awaited call
   * (`await User.findOne({ email: req.body.email })`) returns something else, and a sanitizer checks no shape.
   */
  private resultValidated(call: ts.CallExpression): ts.CallExpression | undefined {
    const top = climbWrappers(call);
    if (ts.isAwaitExpression(top) || ts.isAwaitExpression(call.parent)) return undefined;
    const isSchemaCheck = (candidate: ts.CallExpression): boolean => this.classifier.isValidator(candidate) && !/sanitiz|xss/i.test(calleeText(candidate) ?? '');
    const outer = enclosingCallOfArgument(top);
    if (outer) return isSchemaCheck(outer) ? outer : undefined;
    const declaration = top.parent;
    if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== top || !ts.isIdentifier(declaration.name) || !this.fn.body) return undefined;
    const name = declaration.name.text;
    let validator: ts.CallExpression | undefined;
    forEachDescendant(this.fn.body, (node) => {
      if (validator) return false;
      const handsOver = (argument: ts.Expression): boolean => {
        const value = unwrapExpression(argument);
        return ts.isIdentifier(value) && value.text === name;
      };
      if (ts.isCallExpression(node) && node.pos > declaration.end && node.arguments.some(handsOver) && isSchemaCheck(node)) validator = node;
      return true;
    });
    return validator;
  }

  /** Whether the text of `expression` only reaches a logger, handed to it directly or inside a template or concatenation. */
  private onlyLogged(expression: ts.Expression): boolean {
    let current: ts.Node = expression;
    // `JSON.stringify(req.body).slice(0, 200)`: the text cut to length is still only text
    const cut = (node: ts.Node): boolean => ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node && /^(slice|substring|substr)$/.test(node.parent.name.text) && ts.isCallExpression(node.parent.parent);
    while (
      ts.isTemplateSpan(current.parent) || ts.isTemplateExpression(current.parent) || ts.isParenthesizedExpression(current.parent) ||
      (ts.isBinaryExpression(current.parent) && current.parent.operatorToken.kind === ts.SyntaxKind.PlusToken) || cut(current)
    ) {
      current = cut(current) ? current.parent.parent : current.parent;
    }
    const logger = ts.isCallExpression(current.parent) && current.parent.arguments.some((argument) => argument === current) ? current.parent : undefined;
    return logger !== undefined && this.classifier.isLogger(logger);
  }

  /** A number check of a converted value: the conversion handed straight to it, or the `const` holding the conversion handed to it later. */
  /** The `isNaN(…getTime())` check of a date built from a request value (`new Date(x)`, `new Date(String(x))`), inline or through a const. */
  private dateGuardOf(expression: ts.Expression): ts.CallExpression | undefined {
    let current = climbWrappers(expression);
    const wrapper = current.parent;
    if (ts.isCallExpression(wrapper) && wrapper.arguments[0] === current && calleeText(wrapper) === 'String') current = climbWrappers(wrapper);
    const construction = current.parent;
    if (!ts.isNewExpression(construction) || !ts.isIdentifier(construction.expression) || construction.expression.text !== 'Date' || construction.arguments?.[0] !== current) return undefined;
    const isDateGuard = (call: ts.CallExpression, subject: (argument: ts.Expression) => boolean): boolean => {
      const argument = call.arguments[0] && unwrapExpression(call.arguments[0]);
      if (!NUMBER_GUARDS.has(calleeText(call) ?? '') || !argument) return false;
      const tested = ts.isCallExpression(argument) && ts.isPropertyAccessExpression(argument.expression) && /^(getTime|valueOf)$/.test(argument.expression.name.text) ? unwrapExpression(argument.expression.expression) : ts.isPrefixUnaryExpression(argument) ? unwrapExpression(argument.operand) : argument;
      return subject(tested);
    };
    // `isNaN(new Date(x).getTime())`
    const read = climbWrappers(construction).parent;
    const inline = ts.isPropertyAccessExpression(read) && ts.isCallExpression(read.parent) ? enclosingCallOfArgument(read.parent) : undefined;
    if (inline && isDateGuard(inline, (tested) => tested === climbWrappers(construction) || tested === construction)) return inline;
    let held: ts.Node = climbWrappers(construction);
    // `const before = req.query.before ? new Date(String(req.query.before)) : undefined`: built only when sent
    const conditional = held.parent;
    if (ts.isConditionalExpression(conditional) && conditional.condition !== held && isNothing(conditional.whenTrue === held ? conditional.whenFalse : conditional.whenTrue)) {
      held = climbWrappers(conditional);
    }
    const declaration = held.parent;
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !this.fn.body) return undefined;
    const name = declaration.name.text;
    let guard: ts.CallExpression | undefined;
    forEachDescendant(this.fn.body, (node) => {
      if (guard) return false;
      if (ts.isCallExpression(node) && node.pos > declaration.end && isDateGuard(node, (tested) => ts.isIdentifier(tested) && tested.text === name)) guard = node;
      return true;
    });
    return guard;
  }

  private numberGuardOf(conversion: ts.CallExpression): ts.CallExpression | undefined {
    const outer = enclosingCallOfArgument(conversion);
    if (outer && isNumberCheck(outer)) return outer;
    const declaration = climbWrappers(conversion).parent;
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !this.fn.body) return undefined;
    const name = declaration.name.text;
    let guard: ts.CallExpression | undefined;
    forEachDescendant(this.fn.body, (node) => {
      if (guard) return false;
      if (ts.isCallExpression(node) && node.pos > declaration.end && isNumberCheck(node)) {
        const argument = node.arguments[0] && unwrapExpression(node.arguments[0]);
        if (argument && ts.isIdentifier(argument) && argument.text === name) guard = node;
      }
      return true;
    });
    return guard;
  }

  private binaryUsage(binary: ts.BinaryExpression, expression: ts.Expression, part: RequestPart, path: readonly string[], node: FieldNode, read: RequestRead): ReadUsage {
    const kind = binary.operatorToken.kind;
    const other = binary.left === expression ? binary.right : binary.left;
    if (kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken) {
      if (binary.left === expression) {
        node.optional = true;
        const fallback = unwrapExpression(binary.right);
        if (ts.isNumericLiteral(fallback)) this.setType(node, 'number');
        else if (ts.isStringLiteralLike(fallback)) this.setType(node, 'string');
        // `const title = req.body.title ?? ''`: the variable stands for the field, as without the default
        const declaration = climbWrappers(binary).parent;
        const literal = isFixedValue(fallback) || fallback.kind === ts.SyntaxKind.TrueKeyword || fallback.kind === ts.SyntaxKind.FalseKeyword || fallback.kind === ts.SyntaxKind.NullKeyword;
        if (path.length > 0 && literal && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer === climbWrappers(binary)) {
          this.aliases.set(declaration.name.text, { part, path: [...path], read: this.captureRead(read), declaredAt: declaration.getEnd() });
          return 'capture';
        }
      }
      return 'use';
    }
    if (isEqualityOperator(kind)) {
      const value = unwrapExpression(other);
      if (ts.isStringLiteralLike(value)) this.setType(node, 'string');
      else if (ts.isNumericLiteral(value)) this.setType(node, 'number');
      else if (value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword) this.setType(node, 'boolean');
      // `if (expectedSignature !== razorpay_signature) return 400`: the payload's signature checked against the HMAC the server
      // computed over it, as a webhook's (see signatureCheck)
      else if (isComputedDigest(value) && inIfCondition(binary)) {
        this.markValidated(part, binary.getStart());
        return 'guard';
      } else if (value.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(value) && value.text === 'undefined') && !isFixedValue(value)) return 'use';
      // `if (status !== 'open' && status !== Status.Closed) return res.status(400)…`: only the listed values get through
      if (isRejectedUnlessListed(binary)) {
        this.fieldChecks.push({ part, path, at: binary.getStart() });
        return 'guard';
      }
      return 'compare';
    }
    if (
      kind === ts.SyntaxKind.MinusToken || kind === ts.SyntaxKind.AsteriskToken || kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.PercentToken ||
      kind === ts.SyntaxKind.AsteriskAsteriskToken || kind === ts.SyntaxKind.LessThanToken || kind === ts.SyntaxKind.GreaterThanToken ||
      kind === ts.SyntaxKind.LessThanEqualsToken || kind === ts.SyntaxKind.GreaterThanEqualsToken
    ) {
      this.setType(node, 'number');
      return 'use';
    }
    // `const sign = order_id + '|' + payment_id; createHmac(…).update(sign)`: text built only to be signed, like a hashed raw body
    if (kind === ts.SyntaxKind.PlusToken && this.onlyHashed(binary)) return 'log';
    // `'includeInstruments' in req.query` only tests presence
    if (kind === ts.SyntaxKind.InKeyword && binary.right === expression) return 'compare';
    if (kind === ts.SyntaxKind.EqualsToken && binary.right === expression && ts.isIdentifier(binary.left)) {
      node.whole = true;
    }
    return 'use';
  }

  /** A text that goes only into `createHmac(…).update(…)`: inline, or held in a variable every use of which is hashed. */
  private onlyHashed(text: ts.Expression): boolean {
    let top: ts.Node = climbWrappers(text);
    while (ts.isBinaryExpression(top.parent) && top.parent.operatorToken.kind === ts.SyntaxKind.PlusToken) top = climbWrappers(top.parent);
    const hashed = (value: ts.Node): boolean => {
      let current = climbWrappers(value as ts.Expression);
      // `sign.toString()`
      if (ts.isPropertyAccessExpression(current.parent) && current.parent.name.text === 'toString' && ts.isCallExpression(current.parent.parent)) current = climbWrappers(current.parent.parent);
      return ts.isCallExpression(current.parent) && current.parent.arguments.includes(current) && isDigestUpdate(current.parent);
    };
    if (hashed(top)) return true;
    const declaration = top.parent;
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !this.fn.body) return false;
    const name = declaration.name.text;
    let uses = 0;
    let other = false;
    forEachDescendant(this.fn.body, (node) => {
      if (other) return false;
      if (ts.isIdentifier(node) && node.text === name && node.pos >= declaration.end && isReference(node)) {
        uses++;
        if (!hashed(node)) other = true;
      }
      return true;
    });
    return uses > 0 && !other;
  }

  /** `request.body as { email: string; age?: number }`: the author's own description of the fields. */
  private typeLiteralEvidence(node: FieldNode, type: ts.TypeLiteralNode): void {
    for (const member of type.members) {
      if (!ts.isPropertySignature(member) || !member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
      if (node.type === 'unknown') node.type = 'object';
      let child = node.children.get(member.name.text);
      if (!child) {
        child = newField();
        node.children.set(member.name.text, child);
      }
      if (member.questionToken) child.optional = true;
      const fieldType = member.type;
      if (!fieldType) continue;
      if (fieldType.kind === ts.SyntaxKind.StringKeyword) this.setType(child, 'string');
      else if (fieldType.kind === ts.SyntaxKind.NumberKeyword) this.setType(child, 'number');
      else if (fieldType.kind === ts.SyntaxKind.BooleanKeyword) this.setType(child, 'boolean');
      else if (ts.isArrayTypeNode(fieldType)) this.setType(child, 'array');
      else if (ts.isTypeLiteralNode(fieldType)) this.typeLiteralEvidence(child, fieldType);
    }
  }

  /** Binds names from `{ a, b: c, d = 1, e: { f }, ...rest }` to fields under `path`; false when `...rest` takes the rest. */
  private bindPattern(pattern: ts.ObjectBindingPattern, part: RequestPart, path: readonly string[], read: RequestRead): boolean {
    let named = true;
    const parentNode = this.node(part, [...path]);
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) {
        parentNode.whole = true;
        named = false;
        const splitOff = path.length === 0 ? pattern.elements.filter((sibling) => !sibling.dotDotDotToken).map(bindingKey).filter((key): key is string => key !== undefined) : [];
        if (ts.isIdentifier(element.name)) this.aliases.set(element.name.text, { part, path: [...path], read, declaredAt: element.getEnd(), splitOff: splitOff.length > 0 ? splitOff : undefined });
        continue;
      }
      const key = bindingKey(element);
      if (!key) {
        parentNode.whole = true;
        named = false;
        continue;
      }
      const fieldPath = [...path, key];
      const field = this.node(part, fieldPath);
      if (element.initializer) {
        field.optional = true;
        const value = unwrapExpression(element.initializer);
        if (ts.isNumericLiteral(value)) this.setType(field, 'number');
        else if (ts.isStringLiteralLike(value)) this.setType(field, 'string');
        else if (value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword) this.setType(field, 'boolean');
      }
      if (ts.isIdentifier(element.name)) this.aliases.set(element.name.text, { part, path: fieldPath, read, declaredAt: element.getEnd() });
      else if (ts.isObjectBindingPattern(element.name)) named = this.bindPattern(element.name, part, fieldPath, read) && named;
      else this.setType(field, 'array');
    }
    return named;
  }

  /** Captures are judged by their aliases' uses; the read that binds them keeps one list. */
  private captureRead(read: RequestRead): RequestRead {
    if (!this.captureUses.has(read)) this.captureUses.set(read, []);
    return read;
  }

  private methodEvidence(part: RequestPart, path: string[], method: string): void {
    const node = this.node(part, path);
    if (STRING_METHODS.has(method)) this.setType(node, 'string');
    else if (ARRAY_METHODS.has(method)) this.setType(node, 'array');
  }

  private isWrite(expression: ts.Expression): boolean {
    let current: ts.Node = expression;
    while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
    const parent = current.parent;
    if (ts.isBinaryExpression(parent) && parent.left === current && isAssignment(parent.operatorToken.kind)) return true;
    if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)) return true;
    return ts.isDeleteExpression(parent);
  }

  /**
   * A check of `path` (a type or number check, a validator or validating service handed the value): a
   * top-level field's check vets that field (the part only when such checks cover every field used of
   * it); a check of the part itself, of a nested field, or of a value built from the field (`direct`
   * false: `validate({ email })`) vets the part.
   */
  private checked(part: RequestPart, path: readonly string[], at: number, direct = true): void {
    if (path.length === 1 && direct) this.fieldChecks.push({ part, path, at });
    else this.markValidated(part, at);
  }

  private markValidated(part: RequestPart, at: number): void {
    const splitOff = this.following?.splitOff;
    if (splitOff) {
      this.restValidations.push({ part, at, splitOff });
      return;
    }
    const existing = this.validatedAt.get(part);
    if (existing === undefined || at < existing) this.validatedAt.set(part, at);
  }

  private root(part: RequestPart): FieldNode {
    let root = this.fields.get(part);
    if (!root) {
      root = newField();
      this.fields.set(part, root);
    }
    return root;
  }

  private node(part: RequestPart, path: readonly string[]): FieldNode {
    let node = this.root(part);
    for (const key of path) {
      if (node.type === 'unknown') node.type = 'object';
      let child = node.children.get(key);
      if (!child) {
        child = newField();
        node.children.set(key, child);
      }
      node = child;
    }
    return node;
  }

  private setType(node: FieldNode, type: FieldType): void {
    if (node.children.size > 0) return;
    if (node.type === 'unknown' || type === node.type) node.type = type;
    // Conflicting evidence (a value used as a string and as a number): say nothing.
    else if (!(node.type === 'array' && type === 'object')) node.type = node.type === 'number' && type === 'string' ? 'number' : 'unknown';
  }
}

/** Adds what another function found about the request's fields (`saveUser(req)` reading `req.body.name`) to a handler's field trees. */
export function mergeFields(into: Map<RequestPart, FieldNode>, from: ReadonlyMap<RequestPart, FieldNode>): void {
  const merge = (target: FieldNode, source: FieldNode): void => {
    if (target.type === 'unknown') target.type = source.type;
    target.optional ||= source.optional;
    target.whole ||= source.whole;
    for (const [key, child] of source.children) {
      const existing = target.children.get(key);
      if (existing) merge(existing, child);
      else target.children.set(key, copy(child));
    }
  };
  // the callee's trees are shared by every handler that hands it the request: copy, never alias them
  const copy = (field: FieldNode): FieldNode => ({ ...field, children: new Map([...field.children].map(([key, child]) => [key, copy(child)])) });
  for (const [part, field] of from) {
    const existing = into.get(part);
    if (existing) merge(existing, field);
    else into.set(part, copy(field));
  }
}

function newField(): FieldNode {
  return { type: 'unknown', optional: false, whole: false, children: new Map() };
}

function bindingKey(element: ts.BindingElement): string | undefined {
  const property = element.propertyName;
  if (property) return ts.isIdentifier(property) || ts.isStringLiteralLike(property) ? property.text : undefined;
  return ts.isIdentifier(element.name) ? element.name.text : undefined;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** A function computing an HMAC and comparing it in constant time: a webhook signature check. */
function verifiesSignature(fn: FunctionLike | undefined): boolean {
  const text = fn?.body?.getText();
  return text !== undefined && text.includes('createHmac') && text.includes('timingSafeEqual');
}

function isUpperClamp(call: ts.CallExpression | undefined): boolean {
  return call !== undefined && calleeText(call) === 'Math.min' && isClamp(call);
}

/** `Number(x) || 1`, `parseInt(x) ?? 10`: the converted value has a fallback. */
function isDefaulted(call: ts.CallExpression): boolean {
  const top = climbWrappers(call);
  const parent = top.parent;
  return isFallback(parent, top);
}


/**
 * The call that receives `expression` as an argument, directly or inside object / array literals
 * (`schema.parse({ body: req.body })`, `logger.info({ query: req.query })`), also when the object is
 * first held in a const handed on once (`const credentials = { email, password }; login(credentials)`).
 */
export function enclosingCallOfArgument(expression: ts.Expression): ts.CallExpression | undefined {
  return enclosingArgument(expression)?.call;
}

/** The call receiving `expression` (see enclosingCallOfArgument) and which of its arguments holds it. */
function enclosingArgument(expression: ts.Expression): { call: ts.CallExpression; index: number } | undefined {
  let current: ts.Node = climbWrappers(expression);
  for (;;) {
    const parent = current.parent;
    if (ts.isCallExpression(parent)) {
      const index = parent.arguments.indexOf(current as ts.Expression);
      return index >= 0 ? { call: parent, index } : undefined;
    }
    if (isFallback(parent, current)) current = climbWrappers(parent);
    else if (ts.isPropertyAssignment(parent) && parent.initializer === current) current = parent.parent;
    else if (ts.isShorthandPropertyAssignment(parent) || ts.isSpreadAssignment(parent)) current = parent.parent;
    else if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent)) current = parent;
    else if ((ts.isObjectLiteralExpression(current) || ts.isArrayLiteralExpression(current)) && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent))) current = parent;
    else if (ts.isObjectLiteralExpression(current) && ts.isVariableDeclaration(parent) && parent.initializer === current) {
      const handed = soleArgumentUse(parent);
      if (!handed) return undefined;
      current = handed;
    } else return undefined;
  }
}

/** The one use of a const that is only handed to a call as an argument: `const data = { … }; save(data)`. */
function soleArgumentUse(declaration: ts.VariableDeclaration): ts.Identifier | undefined {
  const list = declaration.parent;
  if (!ts.isIdentifier(declaration.name) || !ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
  const name = declaration.name.text;
  let found: ts.Identifier | undefined;
  let uses = 0;
  for (const statement of statementsAfter(declaration) ?? []) {
    forEachDescendant(statement, (node) => {
      if (ts.isIdentifier(node) && node.text === name && !isPropertyName(node)) {
        uses++;
        found = node;
      }
      return uses <= 1;
    });
    if (uses > 1) return undefined;
  }
  const parent = found && climbWrappers(found).parent;
  return uses === 1 && found && parent && ts.isCallExpression(parent) && parent.arguments.includes(climbWrappers(found)) ? found : undefined;
}

/** `x` in `a.x` or `{ x: 1 }`: a name, not a reference to a variable. */
function isPropertyName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === identifier) || (ts.isPropertyAssignment(parent) && parent.name === identifier);
}

/** Which of the call's arguments holds `expression`, itself or inside object and array literals (see enclosingCallOfArgument). */
function argumentIndexHolding(expression: ts.Expression): number {
  return enclosingArgument(expression)?.index ?? -1;
}

const SERIALIZERS = new Set(['JSON.stringify', 'util.inspect', 'inspect']);

/**
 * A verdict held in a const and tested next: `const valid = a.length === b.length && timingSafeEqual(a, b);
 * if (!valid) return res.status(400)…`.
 */
function rejectsUnlessHeld(test: ts.Expression): boolean {
  let node: ts.Node = climbWrappers(test);
  while (ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) node = climbWrappers(node.parent);
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== node || !ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  const next = statementsAfter(declaration)?.find((statement) => ts.isIfStatement(statement));
  if (!next || !ts.isIfStatement(next)) return false;
  let tested: ts.Identifier | undefined;
  forEachDescendant(next.expression, (candidate) => {
    if (!tested && ts.isIdentifier(candidate) && candidate.text === name) tested = candidate;
    return tested === undefined;
  });
  return tested !== undefined && rejectsUnless(tested);
}

/** The call a text is handed to, itself, inside a template literal or turned into bytes (`Buffer.from(`${t}.${text}`)`). */
function signedTextReceiver(expression: ts.Expression): ts.CallExpression | undefined {
  let current: ts.Node = climbWrappers(expression);
  if (ts.isTemplateSpan(current.parent)) current = climbWrappers(current.parent.parent);
  let call = current.parent;
  if (ts.isCallExpression(call) && call.arguments[0] === current && memberPath(call.expression)?.join('.') === 'Buffer.from') {
    current = climbWrappers(call);
    call = current.parent;
  }
  return ts.isCallExpression(call) && call.arguments.includes(current as ts.Expression) ? call : undefined;
}

/** `SORTABLE.includes(sort) ? sort : 'position'` (or `: undefined`, no filter): only a listed value, or a fixed default, goes on. */
function keepsOnlyListed(test: ts.CallExpression): boolean {
  const conditional = climbWrappers(test).parent;
  const value = test.arguments[0];
  return ts.isConditionalExpression(conditional) && conditional.condition === climbWrappers(test) && value !== undefined &&
    unwrapExpression(conditional.whenTrue).getText() === unwrapExpression(value).getText() && (isFixedValue(conditional.whenFalse) || isNothing(conditional.whenFalse));
}

function inIfCondition(node: ts.Node): boolean {
  let condition: ts.Node = node;
  while (ts.isBinaryExpression(condition.parent) || ts.isParenthesizedExpression(condition.parent) || ts.isPrefixUnaryExpression(condition.parent)) condition = condition.parent;
  return ts.isIfStatement(condition.parent) && condition.parent.expression === condition;
}

/** `expectedSignature` of `const expectedSignature = crypto.createHmac(…).update(…).digest('hex')`: a value the server computed. */
function isComputedDigest(expression: ts.Expression): boolean {
  const held = ts.isIdentifier(expression) ? localInitializer(expression) : expression;
  const digest = held && unwrapExpression(held);
  if (!digest || !ts.isCallExpression(digest) || !ts.isPropertyAccessExpression(digest.expression) || digest.expression.name.text !== 'digest') return false;
  let call: ts.Expression = unwrapExpression(digest.expression.expression);
  while (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text !== 'createHmac') call = unwrapExpression(call.expression.expression);
  return ts.isCallExpression(call) && /(^|\.)createHmac$/.test(calleeText(call) ?? '');
}

/**
 * Whether a value is used only inside the `then` branch of an `if` that lets it in when it is on a list:
 * `if (STATUSES.includes(req.query.status)) filter.status = req.query.status`, or an `||` of comparisons with literals.
 */
function keptOnlyWhenListed(value: ts.Expression, fn: FunctionLike): boolean {
  const text = unwrapExpression(value).getText();
  for (let current: ts.Node = value; current !== fn && current.parent; current = current.parent) {
    const parent = current.parent;
    if (isFunctionLike(parent)) return false;
    if (ts.isIfStatement(parent) && parent.thenStatement === current && listsValue(parent.expression, text)) return true;
  }
  return false;
}

function listsValue(condition: ts.Expression, text: string): boolean {
  const test = unwrapExpression(condition);
  if (ts.isCallExpression(test)) return isAllowListTest(test) && unwrapExpression(test.arguments[0]).getText() === text;
  if (!ts.isBinaryExpression(test)) return false;
  if (test.operatorToken.kind === ts.SyntaxKind.BarBarToken) return listsValue(test.left, text) && listsValue(test.right, text);
  if (test.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && test.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const [left, right] = [unwrapExpression(test.left), unwrapExpression(test.right)];
  return (left.getText() === text && ts.isStringLiteralLike(right)) || (right.getText() === text && ts.isStringLiteralLike(left));
}

/** String methods that return the same text tidied: what is done with the result is what is done with the value. */
const TIDYING_METHODS: ReadonlySet<string> = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'normalize']);

function isNothing(expression: ts.Expression): boolean {
  const value = unwrapExpression(expression);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || ts.isVoidExpression(value);
}

function isChainResult(call: ts.CallExpression): boolean {
  return /(^|\.)(validationResult|matchedData)$/.test(calleeText(call) ?? '');
}

/** `regex.test(value)` on a regular expression (written there or held in a local), or a name like `emailPattern` / `idRegex`. */
function isPatternTest(call: ts.CallExpression): boolean {
  const callee = unwrapExpression(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'test') return false;
  let receiver = unwrapExpression(callee.expression);
  const initializer = ts.isIdentifier(receiver) ? localInitializer(receiver) : undefined;
  if (initializer) receiver = unwrapExpression(initializer);
  if (ts.isRegularExpressionLiteral(receiver) || (ts.isNewExpression(receiver) && receiver.expression.getText() === 'RegExp')) return true;
  const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : '';
  return /(regex|regexp|pattern)$/i.test(name) || /^re$|[a-z]Re$|_RE$/.test(name);
}

/** `/^\d{4}-(0[1-9]|1[0-2])$/.test(x)`: a pattern, written in the file, anchored at both ends, so nothing else gets through. */
function matchesWholeValue(test: ts.CallExpression): boolean {
  let receiver = unwrapExpression((unwrapExpression(test.expression) as ts.PropertyAccessExpression).expression);
  const initializer = ts.isIdentifier(receiver) ? localInitializer(receiver) : undefined;
  if (initializer) receiver = unwrapExpression(initializer);
  if (!ts.isRegularExpressionLiteral(receiver)) return false;
  const source = receiver.text.slice(1, receiver.text.lastIndexOf('/'));
  // a top-level alternation (`^a|b$`) anchors each side only once
  return source.startsWith('^') && source.endsWith('$') && !source.endsWith('\\$') && !/^\^[^()]*\|/.test(source);
}

/** Whether a value is only tested for truthiness: an `if` / loop / ternary condition, through `!`, `&&`, `||` and parentheses. */
function isTruthinessTest(expression: ts.Expression): boolean {
  let current: ts.Node = expression;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === current;
    if (ts.isConditionalExpression(parent)) return parent.condition === current;
    const logical = ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken);
    const negation = ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken;
    // `isMainWindow: !req.query.extraWindow`: what goes on is a boolean, not the value
    if (negation) return true;
    if (!logical && !ts.isParenthesizedExpression(parent)) return false;
    current = parent;
  }
}

/** `value || fallback`, `value ?? fallback` with `value` on the left. */
function isFallback(parent: ts.Node, value: ts.Node): parent is ts.BinaryExpression {
  return isFallbackExpression(parent) && parent.left === value;
}

/** Whether an identifier is an expression referring to a binding (not a property name or a declaration). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && (parent.name === node || parent.propertyName === node)) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassDeclaration(parent)) && parent.name === node) return false;
  if (ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodSignature(parent)) return parent.name !== node;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isTypeQueryNode(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isExportSpecifier(parent)) return false;
  return true;
}
