import ts from 'typescript';
import { isFunctionLike } from '../analysis/syntax';
import type { Rule, RuleContext } from '../lint/rule';
import type { Fix } from '../model/finding';
import type { TextEdit } from '../model/edit';
import { findAllowOriginHeaders, setsAllowCredentials, type AllowOriginHeader } from './util/cors-headers';
import { allowedOriginsSource, findCorsUses, type CorsUse } from './util/cors-options';
import { importedMemberValue } from './util/imported-value';
import { appUsesCredentials } from './util/credentialed-app';
import { pathConditions } from './util/error-values';
import { insertPropertiesEdit } from './util/object-literal-edit';
import { indentationAt, semi, sourceStyle } from './util/source-style';
import { uniqueName } from './util/unique-name';

const rule: Rule = {
  meta: {
    id: 'permissive-cors',
    description: 'Disallow CORS that lets any origin make credentialed requests',
    category: 'security',
    defaultSeverity: 'warning',
    frameworks: ['express', 'fastify'],
    fixable: true,
  },
  create(ctx) {
    if (ctx.isTestFile || ctx.isBrowserAsset) return {};
    return {
      end() {
        // a router's own `cors()` (`sdkRouter.use(cors())`) answers for the routes it reaches, not for the app's others
        const usesCredentials = (use: CorsUse) => (): boolean => {
          const graph = ctx.routeGraph();
          const start = use.call.getStart(ctx.sourceFile);
          const reached = graph?.routes.filter((route) => route.chain.some((link) => link.at.file === ctx.fileName && link.at.start === start));
          return appUsesCredentials(ctx.sourceFile, ctx.analysis, ctx.project.dependencies, graph, ctx.settings.authMiddleware, reached?.length ? reached : undefined);
        };
        const uses = findCorsUses(ctx.analysis, (expression) => importedMemberValue(ctx, ctx.analysis, expression));
        for (const use of uses) {
          // `if (process.env.NODE_ENV !== 'production') app.use(cors())`: a dev server on another port, not the deployed app.
          if (pathConditions(use.call, ctx.sourceFile, ctx.analysis).devOnly) continue;
          if (use.credentials !== true && (choosesPerRequest(use, uses) || answersPreflightBehind(use, uses))) continue;
          const message = corsMessage(use, usesCredentials(use));
          if (!message) continue;
          // `server.register(cors, …)` may close a long chain: underline the `register(…)` part.
          const callee = use.call.expression;
          const start = use.socketIo ? use.socketIo.getStart(ctx.sourceFile) : use.framework === 'fastify' && ts.isPropertyAccessExpression(callee) ? callee.name.getStart(ctx.sourceFile) : use.call.getStart(ctx.sourceFile);
          ctx.report({ start, end: (use.socketIo ?? use.call).getEnd(), message, fix: corsFix(ctx, use) });
        }
        for (const header of findAllowOriginHeaders(ctx.analysis.calls)) {
          if (header.value === 'reflect' && header.guarded) continue;
          if (!setsAllowCredentials(header.call)) continue;
          // hand-written CORS headers set only under a development or debug switch, as for `cors()`
          if (pathConditions(header.call, ctx.sourceFile, ctx.analysis).devOnly) continue;
          const what = header.value === 'any' ? 'is `*`' : "echoes the request's Origin";
          ctx.report({
            node: header.call,
            message: `\`Access-Control-Allow-Origin\` ${what} together with \`Access-Control-Allow-Credentials: true\`; any site can make authenticated requests and read the responses. Echo only origins from an allowlist read from config.`,
            fix: headerFix(ctx, header),
          });
        }
      },
    };
  },
};
export default rule;

/**
 * `app.use((req, res, next) => isSessionPath(req) ? cors({ origin: allowList, credentials: true })(req, res, next)
 * : cors({ origin: '*' })(req, res, next))`: any origin only where the middleware chose no credentials.
 */
function choosesPerRequest(use: CorsUse, uses: readonly CorsUse[]): boolean {
  let fn: ts.Node | undefined = use.call.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  const chooser = fn;
  return uses.some((other) => other !== use && other.origin === 'restricted' && !other.opaque && isWithinNode(other.call, chooser));
}

/**
 * `app.use(cors(corsOptions)); app.options('*', cors())`: the middleware registered first ends every
 * preflight before the later route sees it. Configured, it decides; permissive, it is reported itself.
 */
function answersPreflightBehind(use: CorsUse, uses: readonly CorsUse[]): boolean {
  const route = use.call.parent;
  if (!ts.isCallExpression(route) || !ts.isPropertyAccessExpression(route.expression) || route.expression.name.text !== 'options') return false;
  const receiver = route.expression.expression.getText();
  return uses.some((other) => {
    const registration = other.call.parent;
    return other !== use && other.call.pos < use.call.pos && ts.isCallExpression(registration) && ts.isPropertyAccessExpression(registration.expression) && registration.expression.name.text === 'use' && registration.expression.expression.getText() === receiver;
  });
}

function isWithinNode(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

function corsMessage(use: CorsUse, usesCredentials: () => boolean): string | undefined {
  if (use.opaque || use.origin === 'restricted' || use.credentials === false) return undefined;
  if (use.socketIo) {
    // a handshake open to any origin carries no cookies unless `credentials: true` lets it
    if (use.credentials !== true) return undefined;
    const allows = use.origin === 'reflect' ? 'reflects any request origin' : 'allows any origin (`*`)';
    return `socket.io's \`cors\` option ${allows} with \`credentials: true\`; any site can open a connection with the user's cookies and read what the server sends. Allow a list of origins read from config.`;
  }
  const subject = use.framework === 'fastify' ? '`@fastify/cors`' : use.options ? 'CORS' : '`cors()`';
  if (use.credentials === true) {
    const allows = use.origin === 'reflect' ? 'reflects any request origin' : 'allows any origin (`*`)';
    return `${subject} ${allows} with \`credentials: true\`; any site can make authenticated requests and read the responses. Allow a list of origins read from config.`;
  }
  if (!usesCredentials()) return undefined;
  const allows = use.origin === 'reflect' ? 'reflects any request origin' : use.origin === 'default' && !use.options ? 'without options allows any origin' : 'allows any origin (`*`)';
  return `${subject} ${allows} in an app that uses cookies or auth headers; allow a list of origins read from config.`;
}

function corsFix(ctx: RuleContext, use: CorsUse): Fix {
  return {
    title: 'Read allowed CORS origins from config',
    build: () => {
      // options imported from a config module are fixed where they are written
      const sourceFile = use.options?.getSourceFile() ?? ctx.sourceFile;
      const path = sourceFile === ctx.sourceFile ? ctx.fileName : sourceFile.fileName;
      const style = sourceStyle(sourceFile);
      const origins = allowedOriginsSource(style);
      let edit: TextEdit;
      const property = use.originProperty;
      if (use.options && property && ts.isPropertyAssignment(property)) {
        edit = { start: property.initializer.getStart(sourceFile), end: property.initializer.getEnd(), newText: origins };
      } else if (use.options && property) {
        edit = { start: property.getStart(sourceFile), end: property.getEnd(), newText: `origin: ${origins}` };
      } else if (use.options) {
        edit = insertPropertiesEdit(use.options, sourceFile, style, [() => `origin: ${origins}`]);
      } else if (use.framework === 'fastify' && use.call.arguments?.[0]) {
        const plugin = use.call.arguments[0];
        edit = { start: plugin.getEnd(), end: plugin.getEnd(), newText: `, { origin: ${origins} }` };
      } else {
        const close = use.call.getEnd() - 1;
        edit = { start: close, end: close, newText: `{ origin: ${origins} }` };
      }
      return [{ kind: 'edit', path, edits: [edit] }];
    },
  };
}

/**
 * `res.setHeader('Access-Control-Allow-Origin', …)` becomes an allowlist check that echoes only
 * allowed origins (and says so with `Vary: Origin`). Needs the two-argument form as a statement of
 * its own and the request in scope.
 */
function headerFix(ctx: RuleContext, header: AllowOriginHeader): Fix | undefined {
  const statement = header.call.parent;
  const valueNode = header.valueNode;
  if (!valueNode || !ts.isExpressionStatement(statement)) return undefined;
  const callee = header.call.expression as ts.PropertyAccessExpression;
  const requestName = requestNameAround(ctx, header.call);
  if (!requestName || ts.isCallExpression(callee.expression)) return undefined;
  return {
    title: 'Echo only allowed origins read from config',
    build: () => {
      const style = sourceStyle(ctx.sourceFile);
      const end = semi(style);
      const indent = indentationAt(ctx.text, statement.getStart(ctx.sourceFile));
      const inner = indent + style.indentUnit;
      const variable = uniqueName('requestOrigin', ctx.text, new Set());
      const callText = ctx.text.slice(header.call.getStart(ctx.sourceFile), valueNode.getStart(ctx.sourceFile)) + variable + ctx.text.slice(valueNode.getEnd(), header.call.getEnd());
      const receiver = callee.expression.getText(ctx.sourceFile);
      const q = style.quote;
      const lines = [
        `const ${variable} = ${requestName}.headers.origin${end}`,
        `${indent}if (${variable} && (${allowedOriginsSource(style)}).includes(${variable})) {`,
        `${inner}${callText}${end}`,
        `${inner}${receiver}.${callee.name.text}(${q}Vary${q}, ${q}Origin${q})${end}`,
        `${indent}}`,
      ];
      return [{ kind: 'edit', path: ctx.fileName, edits: [{ start: statement.getStart(ctx.sourceFile), end: statement.getEnd(), newText: lines.join(style.eol) }] }];
    },
  };
}

/** The request parameter of the function setting the header (`req`, `request`). */
function requestNameAround(ctx: RuleContext, node: ts.Node): string | undefined {
  let current: ts.Node = node.parent;
  while (!isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  if (!isFunctionLike(current)) return undefined;
  const handler = ctx.analysis.handlerOf(current);
  if (handler?.req) return handler.req;
  const first = current.parameters[0];
  return first && ts.isIdentifier(first.name) && /^(req|request)$/.test(first.name.text) ? first.name.text : undefined;
}
