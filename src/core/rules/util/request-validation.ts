import ts from 'typescript';
import { callParameters, isFunctionLike, memberPath, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import { importsOf, type ImportBinding } from '../../analysis/imports';
import type { FileAnalysis, HandlerRef, RouteRegistration } from '../../analysis/types';
import type { RoutewiseSettings } from '../../model/settings';
import { localInitializer } from './local-binding';
import { propertyInitializer } from './secret-sinks';
import { decidesBadRequest } from './rejecting-helper';
import { isIgnoredVerdict } from './request-checks';
import { calleeText } from '../../analysis/syntax';
import { collectRequestUse, REQUEST_PARTS, type CallClassifier, type RequestPart } from './request-reads';

/** Which parts of the request something validates. */
export type PartCoverage = ReadonlySet<RequestPart>;

const ALL_PARTS: PartCoverage = new Set(REQUEST_PARTS);
const NO_PARTS: PartCoverage = new Set();

/** Libraries whose calls validate (or check) the values given to them. */
const VALIDATION_MODULES = new Set([
  'zod', 'zod/v4', 'zod/v3', 'zod/mini', 'joi', '@hapi/joi', 'yup', 'valibot', 'ajv', 'ajv/dist/2019', 'ajv/dist/2020', 'class-validator',
  'class-transformer', 'superstruct', 'typia', 'io-ts', 'runtypes', '@sinclair/typebox', '@sinclair/typebox/value', '@sinclair/typebox/compiler',
  'arktype', '@effect/schema', '@vinejs/vine', 'fastest-validator', 'ow', 'validator', 'express-validator', 'express-validator/check',
  'celebrate', 'express-joi-validation', 'express-zod-safe', 'zod-express-middleware', 'express-openapi-validator', 'openapi-backend',
]);

/** Names of middleware and functions that validate input. */
const VALIDATION_NAME = /valid|celebrate|checkSchema|schema/i;
const LIST_LOOKUPS = new Set(['includes', 'indexOf', 'lastIndexOf', 'has', 'find', 'findIndex', 'some', 'every']);
/** …unless the name says they check credentials rather than input: `validateToken`, `validatePassword(plain, hash)`. */
const CREDENTIAL_NAME = /token|jwt|session|auth|api_?key|captcha|csrf|signature|otp|permission|role|access|login|password|credential/i;
/** Always a credential check, whatever else the name says. */
const CREDENTIAL_CHECK_NAME = /token|jwt|session|auth|api_?key|captcha|csrf|signature|otp|permission|role|access/i;
/** Names of a login or password *form* being validated: `userLoginValidator`, `ChangePasswordRequest`, `validateLoginInput`. */
const INPUT_FORM_NAME = /validator|validation|input|body|form|payload|request|rules/i;

/** A schema is never a credential check, whatever it describes: `refreshTokenSchema`, `authenticateSchema`, `MemberRoleUpdateSchema`. */
const SCHEMA_NAME = /schema|dto/i;

/** A name that says it checks credentials, not the shape of a login or password form. */
function isCredentialName(name: string): boolean {
  if (!CREDENTIAL_NAME.test(name) || SCHEMA_NAME.test(name)) return false;
  // A module of validators named after a feature: `SessionValidation.post()`, `AuthValidator.register` (not `.verifyToken`).
  const segments = name.split('.');
  if (segments.length >= 2 && /validat(ion|or)s?$/i.test(segments[segments.length - 2]) && !CREDENTIAL_CHECK_NAME.test(segments[segments.length - 1])) return false;
  return CREDENTIAL_CHECK_NAME.test(name) || !INPUT_FORM_NAME.test(name);
}

/** zod-style methods that parse a value against a schema. */
const SCHEMA_PARSE_METHODS = new Set(['deserializeBinary', 'fromBinary', 'parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa', 'validate', 'validateSync', 'validateAsync', 'isValid', 'isValidSync', 'cast', 'decode', 'assert', 'check', 'Check', 'Parse', 'Decode', 'attempt', 'is']);
/** Methods only a schema has (zod, valibot's pipe aside): a credential-named receiver is still a schema. */
const ZOD_PARSE_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa']);
/** Static factories of a DTO class that check what they are given before building it. */
const DTO_FACTORIES = /^(create|from\w*|of|validate\w*|parse|build|make)$/;
/** `const [error, dto] = …`, `const [paginationError, page] = …` (awaited or not): a result that reports what failed. */
function returnsErrorFirst(call: ts.CallExpression): boolean {
  let node: ts.Node = call.parent;
  while (ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node)) node = node.parent;
  if (!ts.isVariableDeclaration(node) || !ts.isArrayBindingPattern(node.name)) return false;
  const first = node.name.elements[0];
  return first !== undefined && ts.isBindingElement(first) && ts.isIdentifier(first.name) && /err/i.test(first.name.text);
}

/** Receivers whose `parse` / `decode` is not schema validation. */
const NON_SCHEMA_RECEIVERS = /^(JSON|Number|qs|querystring|url|URL|path|Date|BigInt|Math|Buffer|YAML|yaml|cookie|cookies|csv|Papa|moment|dayjs|xml|xml2js|parser|jwt|jsonwebtoken|jose|base64|atob|he|marked|mime|ms|semver|bytes|contentType|mailparser|simpleParser|chrono|util|assert|console)$/;
/** Standalone functions that validate: superstruct `assert` / `is`, express-validator results, class-validator flows. */
const VALIDATING_FUNCTIONS = new Set(['assert', 'is', 'matchedData', 'validationResult', 'plainToInstance', 'plainToClass', 'validateOrReject']);

/** Webhook payloads are checked by their signature before use: Stripe's `constructEvent`, and project helpers named for checking a payload's signature: `verifyWebhookSignature`, `verifyHmac`, `isValidSignature`. */
const WEBHOOK_VERIFIER = /(^|\.)(constructEvent|constructEventAsync|(verify|validate|check|isValid)\w*(Signature|Hmac|HMAC|Webhook)\w*)$/;

const LOGGER = /(^|\.)(console|logger|log|logging|Logger|winston|pino|debug|consola|signale|bunyan)(\.|$)/;

/** What classifying calls needs: the file's imports and the user's settings. */
export interface ClassifierContext {
  analysis: Pick<FileAnalysis, 'moduleOf'>;
  settings: RoutewiseSettings;
}

export interface ValidationContext extends ClassifierContext {
  sourceFile: ts.SourceFile;
  analysis: FileAnalysis;
  /** What a name given to a validator holds when it is defined in another project module (`userValidation.createUser`). */
  importedValue?: (expression: ts.Expression) => ts.Node | undefined;
  /** The route's express-validator chains are all in view (`param('id').isInt(), validate`): a result collector adds nothing to them. */
  chainsInView?: boolean;
}

/** Whether a name says it validates input (user-named validation middleware included). */
export function isValidationName(name: string | undefined, settings: RoutewiseSettings): boolean {
  if (!name) return false;
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (settings.validationMiddleware.some((configured) => configured === name || configured === last)) return true;
  return VALIDATION_NAME.test(name) && !isCredentialName(name);
}

/**
 * Decides for calls inside handlers: does this call validate its arguments, or log them?
 * `validatesArgument` can look into the called function (a service that parses its input).
 */
export function createCallClassifier(
  context: ClassifierContext & Partial<Pick<ValidationContext, 'importedValue'>>,
  validatesArgument?: (call: ts.CallExpression, index: number) => boolean,
  options: { sanitizersValidate: boolean } = { sanitizersValidate: true },
): CallClassifier {
  const cache = new Map<ts.CallExpression, boolean>();
  return {
    isValidator(call) {
      let answer = cache.get(call);
      if (answer === undefined) {
        answer = isValidatorCall(call, context, options.sanitizersValidate);
        cache.set(call, answer);
      }
      return answer;
    },
    isLogger(call) {
      const text = calleeText(call);
      return text !== undefined && LOGGER.test(text);
    },
    validatesArgument,
  };
}

function isValidatorCall(call: ts.CallExpression, context: ClassifierContext & Partial<Pick<ValidationContext, 'importedValue'>>, sanitizersValidate: boolean): boolean {
  const text = calleeText(call);
  if (!text) return false;
  const segments = text.split('.');
  const name = segments[segments.length - 1];
  const root = segments[0];
  if (name === 'parseInt' || name === 'parseFloat') return false;
  // `validRoles.includes(Number(role))` looks one value up in a list, named "valid" or not: an allow-list
  // test of that value (judged as one where it stands), never a validation of what the value came from
  if (segments.length >= 2 && LIST_LOOKUPS.has(name)) return false;
  if (isIgnoredVerdict(call)) return false;
  if (WEBHOOK_VERIFIER.test(text)) return true;
  // svix (Clerk, Resend): `new Webhook(secret).verify(payload, headers)`
  if (name === 'verify' && segments.length >= 2 && call.arguments.length >= 2 && /headers/i.test(call.arguments[1].getText())) return true;
  const module = context.analysis.moduleOf(root);
  if (module && VALIDATION_MODULES.has(module)) return true;
  // `assertOrderInput(req.body);`, a TypeScript `asserts x is NewComment` function: called for its throw, it lets only valid input on
  if (/^assert[A-Z]/.test(name) && ts.isExpressionStatement(call.parent) && !isCredentialName(text)) return true;
  // arktype: `const CreatePoll = type({ … }); CreatePoll(req.body)` — the type is called on the value
  const held = ts.isIdentifier(call.expression) ? localInitializer(call.expression) : undefined;
  if (held && ts.isCallExpression(unwrapExpression(held)) && madeByValidationLibrary(unwrapExpression(held) as ts.CallExpression, context.analysis.moduleOf)) return true;
  if (isValidationName(text, context.settings)) return true;
  // `loginShcema.validate(req.body)`: a parse method of a name holding a validation library's schema, whatever the name says
  const receiver = ts.isPropertyAccessExpression(call.expression) ? unwrapExpression(call.expression.expression) : undefined;
  if (receiver && SCHEMA_PARSE_METHODS.has(name) && isSchemaLike(receiver, context)) return true;
  // `credentials.safeParse(req.body)`, `loginSchema.parse(…)`: only a schema has these, whatever it is named after
  if (segments.length >= 2 && ZOD_PARSE_METHODS.has(name) && !NON_SCHEMA_RECEIVERS.test(segments[segments.length - 2]) && !NON_SCHEMA_RECEIVERS.test(root)) return true;
  // `user.validPassword(pw)`, `verifyToken(token, secret)` check a credential; `validatePassword(password)`,
  // `validators.auth.password(x)`, `TokenValidator({ name, permission })` check a value's format
  // (`validateAPIKey(req)` handed the whole request checks its credential, not its input)
  if (isCredentialName(text)) return call.arguments.length === 1 && (segments.length === 1 || /valid/i.test(root)) && /valid/i.test(text) && !/^(req|request|ctx|context)$|headers/.test(call.arguments[0].getText());
  // A sanitizer applied to the value itself (`sanitizeRegistrationDTO(req.body)`, `checkXSS(req.body)`)
  // vets it; an app-wide sanitizing middleware does not (nor a request logger redacting a copy).
  if (/sanitiz|xss/i.test(name)) return sanitizersValidate;
  // A DTO's checking factory: `const [error, dto] = CreateUserDto.create(req.body)` — the error it hands back says it checks
  if (segments.length >= 2 && /dto$/i.test(segments[segments.length - 2]) && DTO_FACTORIES.test(name) && returnsErrorFirst(call)) return true;
  if (segments.length >= 2 && SCHEMA_PARSE_METHODS.has(name)) {
    const receiver = segments[segments.length - 2];
    return !NON_SCHEMA_RECEIVERS.test(receiver) && !NON_SCHEMA_RECEIVERS.test(root);
  }
  if (segments.length === 1 && VALIDATING_FUNCTIONS.has(name)) return !(name === 'assert' && module === 'assert');
  return decidesBadRequest(call, (local) => context.analysis.moduleOf(local));
}

/** `validator` of `const validator = createValidator()` / `require('express-joi-validation').createValidator({})`. */
function madeByJoiValidation(callee: ts.Expression, binding: ImportBinding | undefined): boolean {
  if (binding?.module === 'express-joi-validation') return true;
  let receiver = unwrapExpression(callee);
  while (ts.isPropertyAccessExpression(receiver)) receiver = unwrapExpression(receiver.expression);
  const initializer = ts.isIdentifier(receiver) ? localInitializer(receiver) : undefined;
  return initializer !== undefined && /express-joi-validation|createValidator\(/.test(initializer.getText());
}

/** The parts a route-chain member validates, or undefined when it is not validation. */
export function middlewareCoverage(ref: HandlerRef, context: ValidationContext, depth = 0): PartCoverage | undefined {
  const expression = unwrapExpression(ref.expression);
  // `const createUserRules = [body('email').isEmail(), …]` passed by name.
  if (ts.isIdentifier(expression) && !ref.fn && depth < 2) {
    const initializer = localInitializer(expression);
    const value = initializer ? unwrapExpression(initializer) : undefined;
    // `const credentials = celebrate({ … })` / `const checkBody = validate(schema)`: the middleware a call made
    const made = value && ts.isCallExpression(value) ? middlewareCoverage({ expression: value }, context, depth + 1) : undefined;
    if (made) return made;
    if (value && ts.isArrayLiteralExpression(value)) {
      const parts = new Set<RequestPart>();
      let any = false;
      for (const element of value.elements) {
        const coverage = ts.isSpreadElement(element) ? undefined : middlewareCoverage({ expression: element }, context, depth + 1);
        if (coverage) {
          any = true;
          for (const part of coverage) parts.add(part);
        }
      }
      if (any) return parts;
    }
  }
  // with the route's express-validator chains in view, the middleware reporting their results checks nothing more
  if (context.chainsInView && !ts.isCallExpression(expression) && collectsChainResults(ref.fn ?? (ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression) ? context.importedValue?.(expression) : undefined))) return NO_PARTS;
  const innermost = innermostCall(expression);
  const rootName = innermost ? rootIdentifier(innermost.expression) : rootIdentifier(expression);
  const binding = rootName ? context.analysis.imports.get(rootName) : undefined;
  // `app.use(expressValidator())` (before v6) only adds `req.checkBody()` and the like: the handler validates, or nothing does
  if (binding && binding.module === 'express-validator' && (binding.imported === 'default' || binding.imported === '*') && innermost && ts.isIdentifier(unwrapExpression(innermost.expression))) return NO_PARTS;
  if (binding && (binding.module === 'express-validator' || binding.module === 'express-validator/check')) {
    return expressValidatorCoverage(binding.imported === 'default' || binding.imported === '*' ? lastSegment(innermost ? memberPath(innermost.expression) : undefined) : binding.imported);
  }
  if (binding && binding.module === 'celebrate' && innermost) return celebrateCoverage(innermost, context);
  // express-joi-validation: `validator.query(schema)`, `validator.body(schema)` check the part they are named after
  const method = innermost ? lastSegment(memberPath(innermost.expression)) : undefined;
  const part = method === 'fields' ? 'body' : method !== undefined ? partOfSchemaKey(method) : undefined;
  if (part && innermost && madeByJoiValidation(innermost.expression, binding)) return new Set<RequestPart>([part]);
  if (binding && VALIDATION_MODULES.has(binding.module)) return (innermost && keyedParts(innermost, context)) ?? ALL_PARTS;
  // Imported from the project's own validation code: `../validators/user`, `./middleware/validation`.
  const name = ref.name ?? (innermost ? memberPath(innermost.expression)?.join('.') : undefined);
  if (binding && /^[.#~@]/.test(binding.module) && /valid|schema/i.test(binding.module) && !isCredentialName(binding.local)) return (innermost && keyedParts(innermost, context)) ?? partNamed(name) ?? ALL_PARTS;
  if (isValidationName(name, context.settings)) return (innermost && keyedParts(innermost, context)) ?? partNamed(name) ?? ALL_PARTS;
  if (name && isCredentialName(name)) return undefined;
  // `validate(createUserSchema)`, `route({ requestBody: 'LoginSchema' })`: a factory given a schema (or a registry's name of one)
  if (innermost && innermost.arguments.some((argument) => isSchemaArgument(argument, context))) return keyedParts(innermost, context) ?? ALL_PARTS;
  // A middleware written in this file that validates the request itself.
  return ref.fn ? selfValidatedParts(ref.fn, context) : undefined;
}

/** `param('id').isInt()`, `body('email').isEmail()`: an express-validator chain written on the route. */
function isExpressValidatorChain(expression: ts.Expression, context: ValidationContext): boolean {
  const innermost = innermostCall(unwrapExpression(expression));
  const root = innermost ? rootIdentifier(innermost.expression) : undefined;
  const module = root ? context.analysis.moduleOf(root) : undefined;
  return module === 'express-validator' || module === 'express-validator/check';
}

/**
 * A middleware that only reports what express-validator's chains found (`const result = validationResult(req);
 * if (!result.isEmpty()) return res.status(422)…`): it validates nothing the route's chains did not check.
 */
export function collectsChainResults(fn: ts.Node | undefined): boolean {
  return fn !== undefined && isFunctionLike(fn) && /\bvalidationResult\s*\(/.test(fn.getText()) && !/\.(safeParse|parse|validate|validateAsync)\s*\(/.test(fn.getText());
}

/** What a `(req, res, next)` middleware does to the request for the handlers after it. */
export interface MiddlewareEffect {
  /** The parts it validates itself (`schema.validate(req.query)`), if any. */
  validated?: PartCoverage;
  /** Body fields it sets from server-side facts (`req.body.userId = decoded.id`): not client input when read after it. */
  bodyFields: ReadonlySet<string>;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

export function middlewareEffect(fn: FunctionLike, context: ValidationContext): MiddlewareEffect {
  const parameters = callParameters(fn);
  if (parameters.length < 2) return { bodyFields: NO_FIELDS };
  const use = collectRequestUse(fn, parameters[0], createCallClassifier(context, undefined, { sanitizersValidate: false }));
  return { validated: use.validatedAt.size > 0 ? new Set(use.validatedAt.keys()) : undefined, bodyFields: use.written.get('body') ?? NO_FIELDS };
}

export function selfValidatedParts(fn: FunctionLike, context: ValidationContext): PartCoverage | undefined {
  return middlewareEffect(fn, context).validated;
}

function expressValidatorCoverage(imported: string | undefined): PartCoverage {
  switch (imported) {
    case 'body':
      return new Set<RequestPart>(['body']);
    case 'query':
      return new Set<RequestPart>(['query']);
    case 'param':
      return new Set<RequestPart>(['params']);
    case 'cookie':
    case 'header':
      return NO_PARTS;
    default:
      return ALL_PARTS;
  }
}

/** `celebrate({ body: …, [Segments.QUERY]: … })`, also held in a const or exported by a module (`celebrate(userValidation.updateUser)`). */
function celebrateCoverage(call: ts.CallExpression, context: ValidationContext): PartCoverage {
  const first = call.arguments[0] ? schemaObject(unwrapExpression(call.arguments[0]), context) : undefined;
  if (!first) return ALL_PARTS;
  const parts = new Set<RequestPart>();
  for (const property of first.properties) {
    if (!ts.isPropertyAssignment(property)) return ALL_PARTS;
    let key: string | undefined;
    if (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) key = property.name.text;
    else if (ts.isComputedPropertyName(property.name)) {
      const inner = unwrapExpression(property.name.expression);
      key = ts.isPropertyAccessExpression(inner) ? inner.name.text : ts.isStringLiteralLike(inner) ? inner.text : undefined;
    }
    const part = key ? partOfSchemaKey(key.toLowerCase()) : undefined;
    if (key === undefined) return ALL_PARTS;
    if (part) parts.add(part);
  }
  return parts;
}

/**
 * `validate({ params: idParams })`, `validateRequest({ body, query })`, `validate(schema, 'query')`: a
 * factory given one schema per part checks those parts only, also when the object is held in a const or
 * exported by a module of schemas (`validate(userValidation.getUsers)` with `getUsers = { query: … }`).
 * Undefined unless every key names a part of the request.
 */
function keyedParts(call: ts.CallExpression, context: ValidationContext): PartCoverage | undefined {
  // `validate(schema, 'query')`: the part named after the schema
  const named = call.arguments.length === 2 ? unwrapExpression(call.arguments[1]) : undefined;
  if (named && ts.isStringLiteralLike(named)) {
    const part = partOfSchemaKey(named.text.toLowerCase());
    return part ? new Set<RequestPart>([part]) : undefined;
  }
  const argument = call.arguments.length === 1 ? unwrapExpression(call.arguments[0]) : undefined;
  const first = argument && schemaObject(argument, context);
  if (!first || first.properties.length === 0) return undefined;
  const parts = new Set<RequestPart>();
  for (const property of first.properties) {
    if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
    const key = property.name.text.toLowerCase();
    const part = partOfSchemaKey(key);
    if (part) parts.add(part);
    else if (key !== 'headers' && key !== 'cookies') return undefined;
  }
  return parts;
}

/** The object literal a validator's argument is, or holds through a const or an import. */
function schemaObject(argument: ts.Expression, context: ValidationContext): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(argument)) return argument;
  const local = ts.isIdentifier(argument) ? localInitializer(argument) : undefined;
  const value = local ?? (ts.isIdentifier(argument) || ts.isPropertyAccessExpression(argument) ? context.importedValue?.(argument) : undefined);
  const unwrapped = value && ts.isExpression(value) ? unwrapExpression(value) : undefined;
  return unwrapped && ts.isObjectLiteralExpression(unwrapped) ? unwrapped : undefined;
}

/** `validateObjectId('id')`, `validateParams(…)`, `validateQuery`, `validateBody`: a validator whose name says which part it checks. */
function partNamed(name: string | undefined): PartCoverage | undefined {
  const last = name?.slice(name.lastIndexOf('.') + 1);
  if (!last) return undefined;
  if (/(Query|QueryParams|Querystring)$/.test(last)) return new Set<RequestPart>(['query']);
  if (/(ObjectId|MongoId|Id|Uuid|Params?)$/.test(last)) return new Set<RequestPart>(['params']);
  if (/Body$/.test(last)) return new Set<RequestPart>(['body']);
  return undefined;
}

function partOfSchemaKey(key: string): RequestPart | undefined {
  if (key === 'body') return 'body';
  if (key === 'querystring' || key === 'query') return 'query';
  if (key === 'params') return 'params';
  return undefined;
}

/** `createUserSchema`, `schemas.user`, `z.object(…)`, `Joi.object(…)`, `UserDto` given to a middleware factory. */
function isSchemaLike(argument: ts.Expression, context: ClassifierContext & Partial<Pick<ValidationContext, 'importedValue'>>): boolean {
  const value = unwrapExpression(argument);
  if (ts.isStringLiteralLike(value)) return /[a-z](Schema|Dto|DTO)$/.test(value.text);
  const path = memberPath(value);
  if (path && /(schema|validation|validator|dto)$/i.test(path[path.length - 1]) && !isCredentialName(path.join('.'))) return true;
  if (ts.isCallExpression(value)) return madeByValidationLibrary(value, context.analysis.moduleOf);
  // `parseWith(RoomBody)`, `check(NewOrder)`: a name holding `z.object(…)` here or in the module it is imported from
  const local = ts.isIdentifier(value) ? localInitializer(value) : undefined;
  if (local) return ts.isCallExpression(unwrapExpression(local)) && madeByValidationLibrary(unwrapExpression(local) as ts.CallExpression, context.analysis.moduleOf);
  const imported = path ? context.importedValue?.(value) : undefined;
  const made = imported && ts.isExpression(imported) ? unwrapExpression(imported) : undefined;
  return made !== undefined && ts.isCallExpression(made) && madeByValidationLibrary(made, (name) => importsOf(made.getSourceFile()).get(name)?.module);
}

/** `z.object(…)`, `Joi.object(…).keys(…)`, `type({ … })` (arktype): a call rooted in a validation library's import. */
function madeByValidationLibrary(call: ts.CallExpression, moduleOf: (localName: string) => string | undefined): boolean {
  const root = rootIdentifier(call.expression);
  const module = root ? moduleOf(root) : undefined;
  return module !== undefined && VALIDATION_MODULES.has(module);
}

/** A schema, or an object of schemas (`{ body: CreateUser }`, `{ ...LogInDto }`), given to a wrapper. */
function isSchemaArgument(argument: ts.Expression, context: ClassifierContext & Partial<Pick<ValidationContext, 'importedValue'>>): boolean {
  const value = unwrapExpression(argument);
  if (!ts.isObjectLiteralExpression(value)) return isSchemaLike(value, context);
  return value.properties.some((property) =>
    ts.isSpreadAssignment(property) ? isSchemaLike(property.expression, context) : ts.isPropertyAssignment(property) && isSchemaLike(property.initializer, context),
  );
}

/**
 * Parts validated by a Fastify route `schema`: `{ body, querystring, params }` keys of an object
 * literal (a local const is followed); anything we cannot read is assumed to validate every part.
 */
export function fastifySchemaCoverage(schema: ts.Expression, context?: ValidationContext): PartCoverage {
  const value = resolveLocalObject(unwrapExpression(schema)) ?? (context && schemaObject(unwrapExpression(schema), context));
  if (!value) return ALL_PARTS;
  const parts = new Set<RequestPart>();
  for (const property of value.properties) {
    if (ts.isSpreadAssignment(property)) return ALL_PARTS;
    const name = property.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return ALL_PARTS;
    const part = partOfSchemaKey(name.text);
    if (part) parts.add(part);
  }
  return parts;
}

/** Follows an identifier to the object literal a local variable holds. */
export function resolveLocalObject(expression: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(expression)) return expression;
  if (!ts.isIdentifier(expression) || depth > 3) return undefined;
  const initializer = localInitializer(expression);
  return initializer ? resolveLocalObject(unwrapExpression(initializer), depth + 1) : undefined;
}

/** Coverage from the route's own chain, same-file `use` / hooks on its receiver, and its Fastify schema. */
export function routeCoverage(route: RouteRegistration, context: ValidationContext): Set<RequestPart> {
  const covered = new Set<RequestPart>();
  const add = (coverage: PartCoverage | undefined): void => {
    if (coverage) for (const part of coverage) covered.add(part);
  };
  const chainsInView = route.middleware.some((ref) => isExpressValidatorChain(ref.expression, context));
  for (const ref of route.middleware) add(middlewareCoverage(ref, chainsInView ? { ...context, chainsInView } : context));
  if (route.schema) add(fastifySchemaCoverage(route.schema, context));
  // `openAPIRoute({ ...LogInDto }, async (req) => …)`: a wrapper given a schema checks the request before the handler runs.
  const wrapper = route.handler?.fn?.parent;
  if (wrapper && ts.isCallExpression(wrapper) && wrapper.parent === route.call && wrapper.arguments.some((argument) => isSchemaArgument(argument, context))) add(ALL_PARTS);
  if (route.framework === 'fastify' && !route.options) add(indirectFastifyOptionsCoverage(route, context));
  // `{ ...baseOptions, handler }`: the spread may carry the schema.
  if (route.options && !route.schema && route.options.properties.some((property) => ts.isSpreadAssignment(property))) add(ALL_PARTS);
  for (const use of context.analysis.uses) {
    if (use.kind !== 'use' || use.call.getStart() > route.call.getStart()) continue;
    if (use.receiver !== route.receiver && use.receiverKind !== 'express-app') continue;
    // `router.use('/settings', validate(schema))` runs for the paths under /settings only
    if (use.path !== undefined && route.path !== undefined && !isUnderPath(route.path, use.path)) continue;
    for (const ref of use.args) if (route.path === undefined || !skipsPath(ref.expression, route.path)) add(middlewareCoverage(ref, context));
  }
  for (const hook of context.analysis.hooks) {
    if (hook.receiver !== route.receiver || !hook.fn || !/^(onRequest|preParsing|preValidation|preHandler)$/.test(hook.hook)) continue;
    add(middlewareCoverage(hook.fn, context));
  }
  return covered;
}

/**
 * Fastify route options that are not an inline object: a variable (`fastify.post(path, opts, handler)`)
 * or a wrapper call (`fastify.post(path, secureRoute({ schema, preHandler }), handler)`). What we
 * cannot read may hold a schema, so it counts as validating everything.
 */
function indirectFastifyOptionsCoverage(route: RouteRegistration, context: ValidationContext): PartCoverage | undefined {
  const args = route.call.arguments;
  if (args.length < 3) return undefined;
  const options = unwrapExpression(args[1]);
  const objects: ts.ObjectLiteralExpression[] = [];
  const resolved = resolveLocalObject(options);
  if (resolved) objects.push(resolved);
  else if (ts.isCallExpression(options)) {
    for (const argument of options.arguments) {
      const object = resolveLocalObject(unwrapExpression(argument));
      if (object) objects.push(object);
    }
  }
  if (objects.length === 0) return ALL_PARTS;
  const parts = new Set<RequestPart>();
  for (const object of objects) {
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) return ALL_PARTS;
      const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
      if (!name || !ts.isPropertyAssignment(property)) continue;
      if (name === 'schema') for (const part of fastifySchemaCoverage(property.initializer, context)) parts.add(part);
      if (/^(onRequest|preParsing|preValidation|preHandler)$/.test(name)) {
        const hooks = unwrapExpression(property.initializer);
        const refs = ts.isArrayLiteralExpression(hooks) ? hooks.elements.filter((element) => !ts.isSpreadElement(element)) : [hooks];
        for (const hook of refs) for (const part of middlewareCoverage({ expression: hook, name: memberPath(hook)?.join('.') }, context) ?? []) parts.add(part);
      }
    }
  }
  return parts;
}

function innermostCall(expression: ts.Expression): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  let current: ts.Expression = expression;
  for (;;) {
    current = unwrapExpression(current);
    if (ts.isCallExpression(current)) {
      found = current;
      current = current.expression;
    } else if (ts.isPropertyAccessExpression(current)) {
      current = current.expression;
    } else {
      return found;
    }
  }
}

function rootIdentifier(expression: ts.Expression): string | undefined {
  let current = unwrapExpression(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current) || ts.isElementAccessExpression(current)) current = unwrapExpression(current.expression);
  return ts.isIdentifier(current) ? current.text : undefined;
}

function lastSegment(path: string[] | undefined): string | undefined {
  return path?.[path.length - 1];
}

/** Packages that validate request input; a project without any cannot be validating a controller elsewhere. */
const VALIDATION_PACKAGES = [
  'zod', 'joi', '@hapi/joi', 'yup', 'valibot', 'ajv', 'class-validator', 'superstruct', 'typia', 'io-ts', 'runtypes', '@sinclair/typebox',
  'arktype', '@effect/schema', '@vinejs/vine', 'fastest-validator', 'ow', 'validator', 'express-validator', 'celebrate', 'express-joi-validation',
  'express-zod-safe', 'zod-express-middleware', 'express-openapi-validator', 'express-json-validator-middleware', 'express-validation', 'openapi-backend',
];

export function projectHasValidationLibrary(dependencies: Record<string, string>): boolean {
  return VALIDATION_PACKAGES.some((name) => name in dependencies);
}

/** express-openapi-validator's `ignorePaths: /\/internal\//` (a literal pattern) skips the routes it matches. */
/** Whether a route's path lies under a mount path (`/settings` covers `/settings` and `/settings/:id`); patterns count as covering. */
function isUnderPath(path: string, mount: string): boolean {
  if (/[*(:?[]/.test(mount)) return true;
  const base = mount.replace(/\/+$/, '');
  return base === '' || path === base || path.startsWith(`${base}/`);
}

export function skipsPath(registration: ts.Expression, path: string): boolean {
  // the `app.use(…)` registration or the middleware call itself
  const value = unwrapExpression(registration);
  let call = ts.isCallExpression(value) ? value : undefined;
  const first = call?.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
  if (first && ts.isCallExpression(first)) call = first;
  const options = call?.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
  const ignore = options && ts.isObjectLiteralExpression(options) ? propertyInitializer(options, 'ignorePaths') : undefined;
  const pattern = ignore ? unwrapExpression(ignore) : undefined;
  if (!pattern || !ts.isRegularExpressionLiteral(pattern)) return false;
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern.text);
  try {
    return literal !== null && new RegExp(literal[1], literal[2]).test(path);
  } catch {
    return false;
  }
}
