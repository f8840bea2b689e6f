import { middlewareDir, pluginsDir } from '../error-handler/layout';
import { folderExists } from '../resource/layout';
import type { GeneratorContext } from '../types';

/** The modules the auth generator writes, relative to the project root. */
export interface AuthFiles {
  /** zod schemas (register, login, refresh, user, tokens) and the roles. */
  schemas: string;
  /** scrypt password hashing. */
  password: string;
  /** JWT signing and verification (jose). */
  tokens: string;
  /** Refresh-token store interface + in-memory implementation. */
  refreshTokens: string;
  /** Users repository interface + in-memory implementation. */
  users: string;
  /** AuthService: register, login, refresh, me. */
  service: string;
  /** Express router / Fastify routes plugin. */
  routes: string;
  /** Express: requireAuth / requireRole middleware. Fastify: the plugin decorating `authenticate`. */
  guard: string;
}

/**
 * Where auth's modules go. By default one feature folder, `src/auth/` (under `src/modules/` when
 * the project has that folder); a project organised by layer keeps its layers, like resources do:
 * the routes into `src/routes/`, schemas into `src/schemas/`, the service into `src/services/`,
 * the stores into `src/repositories/`. The guard goes where the project's middleware (Express) or
 * plugins (Fastify) are, which is also where the resource generator looks for it.
 */
export function authFiles(context: GeneratorContext, autoloadsPlugins: boolean): AuthFiles {
  const feature = folderExists(context, 'src/modules') ? 'src/modules/auth' : 'src/auth';
  const layer = (folder: string, name: string, fallback: string): string => (folderExists(context, `src/${folder}`) ? `src/${folder}/${name}.ts` : `${feature}/${fallback}.ts`);
  const express = context.flavour.framework === 'express';
  return {
    schemas: layer('schemas', 'auth', 'auth.schemas'),
    password: `${feature}/password.ts`,
    tokens: `${feature}/tokens.ts`,
    refreshTokens: layer('repositories', 'refresh-tokens', 'refresh-tokens.repository'),
    users: layer('repositories', 'users', 'users.repository'),
    service: layer('services', 'auth', 'auth.service'),
    // @fastify/autoload would load a module in routes/ on its own: registered explicitly, it stays out.
    routes: !express && autoloadsPlugins ? `${feature}/auth.routes.ts` : layer('routes', 'auth', express ? 'auth.router' : 'auth.routes'),
    guard: express ? `${middlewareDir(context)}/auth.ts` : `${pluginsDir(context, autoloadsPlugins)}/auth.ts`,
  };
}
