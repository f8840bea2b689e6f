import ts from 'typescript';
import type { FileAnalysis } from '../../analysis/types';
import type { GraphRoute, RouteGraph } from '../../project/route-graph-types';

/** Packages that put cookies, sessions or auth tokens on requests. */
const CREDENTIAL_PACKAGES = [
  'cookie-parser', 'express-session', 'cookie-session', '@fastify/cookie', 'fastify-cookie', '@fastify/session', '@fastify/secure-session',
  'fastify-secure-session', 'passport', '@fastify/passport', 'jsonwebtoken', 'jose', '@fastify/jwt', 'fastify-jwt', 'express-jwt',
  'express-oauth2-jwt-bearer', '@fastify/auth', 'connect-redis', 'connect-mongo', 'csurf', 'lusca', 'better-auth', '@auth/express',
  'express-openid-connect', 'keycloak-connect', 'lucia',
];
const CREDENTIAL_PACKAGE_PREFIXES = ['passport-'];

/**
 * Cookie and auth-header reads and writes in code: `req.cookies`, `req.session`, `res.cookie(`,
 * `reply.setCookie(`, and the `Authorization` header of incoming requests (`req.headers.authorization`,
 * `req.get('Authorization')`); one set on an outgoing call to another API says nothing about this app's clients.
 */
const CREDENTIAL_CODE =
  /\b(req|request)\.(cookies|signedCookies|session)\b|\.(cookie|clearCookie|setCookie|signCookie)\(|\bheaders\??\.authorization\b|\bheaders\??\.?\[\s*['"`]authorization['"`]\s*\]|\b(req|request)\.(get|header)\(\s*['"`]authorization['"`]\s*\)|\{[^}]*\bauthorization\b[^}]*\}\s*=\s*(req|request)\.headers\b/i;

/** An OpenAPI document describing a header (`{ type: 'apiKey', name: 'Authorization', in: 'header' }`) says nothing about what requests carry. */
const OPENAPI_SECURITY_SCHEME = /name:\s*['"]authorization['"]\s*,\s*in:\s*['"]header['"]|in:\s*['"]header['"]\s*,\s*name:\s*['"]authorization['"]/gi;

/** Middleware names on route chains that say requests carry credentials. */
const AUTH_CHAIN_NAME = /auth|jwt|passport|session|protect|guard|requireUser|isLoggedIn|ensureLoggedIn|verifyToken|currentUser|requireAdmin|isAdmin|adminOnly|requireRole|checkRole|hasRole|permission|bearer/i;

function isCredentialPackage(name: string): boolean {
  return CREDENTIAL_PACKAGES.includes(name) || CREDENTIAL_PACKAGE_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * Whether requests to this app carry cookies or auth headers: the file imports or uses them, the
 * package depends on a cookie / session / auth library, or (when known) route chains run auth middleware
 * — of `routes` only when given (those a router-level middleware reaches), else of every route.
 */
export function appUsesCredentials(
  sourceFile: ts.SourceFile,
  analysis: FileAnalysis,
  dependencies: Record<string, string>,
  graph: RouteGraph | undefined,
  authMiddleware: readonly string[],
  routes?: readonly GraphRoute[],
): boolean {
  for (const binding of analysis.imports.values()) if (isCredentialPackage(binding.module)) return true;
  if (Object.keys(dependencies).some(isCredentialPackage)) return true;
  if (CREDENTIAL_CODE.test(sourceFile.text.replace(OPENAPI_SECURITY_SCHEME, ''))) return true;
  const isAuth = (name: string): boolean => AUTH_CHAIN_NAME.test(name) || authMiddleware.includes(name) || authMiddleware.includes(name.slice(name.lastIndexOf('.') + 1));
  return graph !== undefined && (routes ?? graph.routes).some((route) => route.chain.some((link) => link.name !== undefined && isAuth(link.name)));
}
