import { Node, SyntaxKind } from 'ts-morph';
import { z } from 'zod';
import { ensureNodeTypes, requireDependency, zodRange } from '../config';
import { ensureExpressErrorHandler } from '../../transforms/express-registration';
import { findEquivalentCall, isAppCall } from '../../transforms/registration';
import { classifyScope } from '../../transforms/registration-kinds';
import { ensureStackRegistration, importedModules, importIntoApp, openApp } from '../middleware/placement';
import { defineGenerator, type GeneratorContext } from '../types';
import { findAppTarget, type AppTarget } from './app-target';
import { asyncHandlerModule, errorHandlerModule, errorsModule } from './layout';

const options = z.object({});

export function fastifyPluginRange(context: GeneratorContext): string {
  return context.flavour.major === 4 ? '^4.5.1' : '^5.0.1';
}

/** Whether the Fastify app's file autoloads a plugins folder (our plugin modules then go elsewhere). */
export function autoloadsPlugins(context: GeneratorContext, target: AppTarget): boolean {
  const { sourceFile } = openApp(context, target);
  return [...importedModules(sourceFile).values()].includes('@fastify/autoload');
}

/**
 * The error-handler generator's work, callable from other generators and from the
 * `missing-error-handler` quick fix (through `errorHandlerChanges`).
 */
export function applyErrorHandler(context: GeneratorContext): void {
  const target = findAppTarget(context);
  const errors = errorsModule(context);
  context.writeFile(errors, context.render('error-handler/errors.ts.ejs'), { ifExists: 'keep' });
  requireDependency(context, 'zod', zodRange(context));
  ensureNodeTypes(context);

  if (context.flavour.framework === 'express') {
    const handlerModule = errorHandlerModule(context);
    context.writeFile(
      handlerModule,
      context.render('error-handler/error-handler.ts.ejs', { errorsImport: context.importPath(handlerModule, errors) }),
      { ifExists: 'keep' },
    );
    if (context.flavour.major === 4) {
      context.writeFile(asyncHandlerModule(context), context.render('error-handler/async-handler.ts.ejs'), { ifExists: 'keep' });
    }
    registerExpress(context, target, handlerModule);
    return;
  }

  const handlerModule = errorHandlerModule(context, autoloadsPlugins(context, target));
  context.writeFile(
    handlerModule,
    context.render('error-handler/error-handler.ts.ejs', { errorsImport: context.importPath(handlerModule, errors) }),
    { ifExists: 'keep' },
  );
  requireDependency(context, 'fastify-plugin', fastifyPluginRange(context));
  registerFastify(context, target, handlerModule);
}

/**
 * The project's own Express error handler, when the app registers one that is not Routewise's:
 * generated routers then answer their own client errors (`scopedErrorHandler`), since that handler
 * may turn a validation error into a 500 or answer in another shape.
 */
export function foreignErrorHandler(context: GeneratorContext, target: AppTarget = findAppTarget(context)): Node | undefined {
  if (target.framework !== 'express') return undefined;
  const { scope } = openApp(context, target);
  const existing = classifyScope(scope).find((statement) => statement.kind === 'error-handler');
  if (!existing) return undefined;
  return findEquivalentCall(scope, 'use', ['errorHandler']) === undefined ? existing.statement : undefined;
}

function registerExpress(context: GeneratorContext, target: AppTarget, handlerModule: string): void {
  const { scope } = openApp(context, target);
  const statements = classifyScope(scope);
  const ours = (name: string) => findEquivalentCall(scope, 'use', [name]) !== undefined;
  const existing = statements.find((statement) => statement.kind === 'error-handler');
  if (existing && !ours('errorHandler')) {
    context.note(
      `${target.relative} already registers an error handler (line ${existing.statement.getStartLineNumber()}); it was kept. ${handlerModule} has Routewise's version if you want to switch.`,
    );
    return;
  }
  const lastRoute = [...statements].reverse().find((statement) => statement.kind === 'route' || statement.kind === 'mount' || statement.kind === 'opaque');
  const inlineFallback = statements.find(
    (statement) =>
      (statement.kind === 'fallback' || (statement.kind === 'middleware' && statement.statement.getText().includes('404'))) &&
      (lastRoute === undefined || statement.index > lastRoute.index),
  );
  const names = importIntoApp(context, target, handlerModule, inlineFallback && !ours('notFoundHandler') ? ['errorHandler'] : ['errorHandler', 'notFoundHandler']);
  if (names.notFoundHandler) ensureExpressErrorHandler(openApp(context, target).node, names.notFoundHandler);
  else context.note(`${target.relative} already answers unknown routes (line ${inlineFallback!.statement.getStartLineNumber()}); kept it. notFoundHandler in ${handlerModule} answers in the standard error shape.`);
  ensureExpressErrorHandler(openApp(context, target).node, names.errorHandler);
}

function registerFastify(context: GeneratorContext, target: AppTarget, handlerModule: string): void {
  const { scope } = openApp(context, target);
  const setsHandler = (method: string) =>
    scope.container.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => isAppCall(call, scope.name, method) && Node.isExpressionStatement(call.getParent()));
  const existing = setsHandler('setErrorHandler') ?? setsHandler('setNotFoundHandler');
  if (existing) {
    context.note(
      `${target.relative} already sets an error or not-found handler (line ${existing.getStartLineNumber()}); it was kept. ${handlerModule} (errorHandlerPlugin) has Routewise's version if you want to switch.`,
    );
    return;
  }
  const names = importIntoApp(context, target, handlerModule, ['errorHandlerPlugin']);
  ensureStackRegistration(context, target, 'error-handler', names.errorHandlerPlugin);
}

export const errorHandlerGenerator = defineGenerator({
  meta: {
    id: 'error-handler',
    title: 'Add Error Handler…',
    description: 'Error classes, a structured error body ({ error: { code, message, details?, requestId } }), zod errors as 422, 5xx logged and hidden, a 404 fallback.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context) {
    applyErrorHandler(context);
  },
});

