import { z } from 'zod';
import { ScaffoldError } from '../../errors';
import { ensureExpressRouterMount } from '../../transforms/express-registration';
import { ensureFastifyRegister } from '../../transforms/fastify-registration';
import { findAppTarget } from '../error-handler/app-target';
import { foreignErrorHandler } from '../error-handler';
import { asyncHandlerModule, errorHandlerModule, errorsModule } from '../error-handler/layout';
import { importIntoApp, openApp } from '../middleware/placement';
import { defineGenerator, type GeneratorContext } from '../types';
import { ensureValidateModule } from '../validation/validate-module';
import { findAuthGuard, type AuthGuard } from './auth';
import { addSchemaDependencies, typeProviderRange } from './dependencies';
import { checkFields, formatFields, type FieldSpec } from './fields';
import { resourceFiles, type ResourceFiles } from './layout';
import { buildModel, type ResourceModel } from './model';
import { articleFor, checkResourceName, resourceNames, type ResourceNames } from './names';

export { checkFields, parseFields, FieldSyntaxError, type FieldSpec, type FieldCheck } from './fields';

/** `/api/v1`, `/v2`, `/` or empty: path segments without parameters or wildcards. */
export const PREFIX = /^(?:\/[A-Za-z0-9._~-]+)*\/?$/;

const options = z
  .object({
    name: z.string().min(1).describe('Singular resource name, e.g. product or orderItem'),
    plural: z.string().min(1).optional().describe('Plural, when the derived one is wrong (category → categories is derived)'),
    fields: z
      .string()
      .describe('Fields: name:type with ? for optional, ! for unique, [] for lists; types string, number, integer, boolean, date, uuid, email, url, enum(a,b). E.g. "title:string price:number? sku:string!"'),
    prefix: z.string().regex(PREFIX, 'a path prefix such as /api/v1').default('/api/v1').describe('API prefix the resource is mounted under'),
    idType: z.enum(['uuid', 'number']).default('uuid').describe('Record ids: uuid (random) or number (auto-increment)'),
    put: z.boolean().default(false).describe('Also add PUT /:id (full replacement)'),
    tests: z.boolean().default(true).describe('Also write tests for the routes (the tests generator)'),
  })
  .superRefine((value, ctx) => {
    const nameProblem = checkResourceName(value.name);
    if (nameProblem) ctx.addIssue({ code: 'custom', path: ['name'], message: nameProblem });
    if (value.plural !== undefined) {
      const pluralProblem = checkResourceName(value.plural, 'plural');
      if (pluralProblem) ctx.addIssue({ code: 'custom', path: ['plural'], message: pluralProblem });
    }
    if (!nameProblem) {
      try {
        resourceNames(value.name, value.plural);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: [value.plural ? 'plural' : 'name'], message: (error as Error).message });
      }
    }
    const fields = checkFields(value.fields);
    if (!fields.ok) ctx.addIssue({ code: 'custom', path: ['fields'], message: fields.message });
  });

export type ResourceOptions = z.output<typeof options>;

/** The mount path: prefix + plural in kebab case (`/api/v1` + `order-items`). */
export function mountPathOf(prefix: string, names: ResourceNames): string {
  const base = prefix.replace(/\/+$/, '');
  return `${base}/${names.plural.kebab}`;
}

function parsedFields(text: string): FieldSpec[] {
  const result = checkFields(text);
  if (!result.ok) throw new ScaffoldError(`Invalid fields: ${result.message}`);
  return result.fields;
}

function render(context: GeneratorContext, files: ResourceFiles, model: ResourceModel, auth: AuthGuard | undefined): void {
  const express = context.flavour.framework === 'express';
  const errors = errorsModule(context);
  const from = (file: string, target: string) => context.importPath(file, target);
  context.writeFile(files.schemas, context.render('resource/schemas.ts.ejs', { m: model, imports: {} }));
  context.writeFile(files.repository, context.render('resource/repository.ts.ejs', { m: model, imports: { schemas: from(files.repository, files.schemas) } }));
  context.writeFile(
    files.service,
    context.render('resource/service.ts.ejs', {
      m: model,
      article: articleFor,
      imports: { errors: from(files.service, errors), repository: from(files.service, files.repository), schemas: from(files.service, files.schemas) },
    }),
  );
  const routeImports = {
    schemas: from(files.routes, files.schemas),
    repository: from(files.routes, files.repository),
    service: from(files.routes, files.service),
  };
  if (express) {
    const validate = ensureValidateModule(context);
    const asyncHandler = asyncHandlerModule(context);
    if (context.flavour.major === 4) context.writeFile(asyncHandler, context.render('error-handler/async-handler.ts.ejs'), { ifExists: 'keep' });
    context.writeFile(
      files.routes,
      context.render('resource/router.ts.ejs', {
        m: model,
        auth: auth?.framework === 'express' ? { guard: auth.guard } : undefined,
        imports: {
          ...routeImports,
          validate: from(files.routes, validate),
          asyncHandler: from(files.routes, asyncHandler),
          guards: auth ? from(files.routes, auth.module) : '',
          // The app's own error handler may not answer 422 / 404 / 409 in the standard shape.
          scopedErrorHandler: foreignErrorHandler(context) ? from(files.routes, errorHandlerModule(context)) : '',
        },
      }),
    );
  } else {
    context.writeFile(
      files.routes,
      context.render('resource/routes.ts.ejs', {
        m: model,
        auth: auth?.framework === 'fastify' ? { hook: `app.${auth.decorator}` } : undefined,
        imports: routeImports,
      }),
    );
  }
}

/** Mounts the router / registers the plugin on the app, under the resource's path. */
function mount(context: GeneratorContext, files: ResourceFiles, names: ResourceNames, mountPath: string): string {
  const target = findAppTarget(context);
  if (context.flavour.framework === 'express') {
    const factory = `create${names.plural.pascal}Router`;
    const local = importIntoApp(context, target, files.routes, [factory])[factory];
    ensureExpressRouterMount(openApp(context, target).node, mountPath, `${local}()`);
  } else {
    const plugin = `${names.singular.camel}Routes`;
    const local = importIntoApp(context, target, files.routes, [plugin])[plugin];
    ensureFastifyRegister(openApp(context, target).node, local, { prefix: mountPath });
  }
  return target.relative;
}

/**
 * The resource generator's work: schemas, repository (interface + in-memory), service and
 * router / plugin, mounted on the app under `<prefix>/<plural>`; the error handler is ensured
 * (errors become the structured 4xx bodies), and tests are written through the `tests` generator.
 */
export function applyResource(context: GeneratorContext, values: ResourceOptions): void {
  const fields = parsedFields(values.fields);
  const names = resourceNames(values.name, values.plural);
  if (context.flavour.framework === 'fastify') typeProviderRange(context); // refuses unsupported combinations first
  const mountPath = mountPathOf(values.prefix, names);
  const model = buildModel(names, fields, context.flavour, { idType: values.idType, mountPath, put: values.put });
  const files = resourceFiles(context, names);

  context.invoke('error-handler', {});
  const auth = findAuthGuard(context);
  render(context, files, model, auth);
  addSchemaDependencies(context);
  const appFile = mount(context, files, names, mountPath);

  const routes = `GET/POST ${mountPath}, GET/PATCH${values.put ? '/PUT' : ''}/DELETE ${mountPath}/:id`;
  context.note(`Added ${names.plural.words} (${formatFields(fields)}): ${routes}, mounted in ${appFile}. Records live in memory (${files.repository}); implement ${names.singular.pascal}Repository over your database to keep them.`);
  if (auth) {
    context.note(`Creating, changing and deleting ${names.plural.words} requires authentication (${auth.framework === 'express' ? auth.guard : `app.${auth.decorator}`} from ${auth.module}); reading is public.`);
  } else {
    context.note(`The ${names.plural.words} routes are open to anyone: run the auth generator, then add ${context.flavour.framework === 'express' ? 'requireAuth' : 'onRequest: [app.authenticate]'} to the routes that change data.`);
  }
  if (values.tests) {
    try {
      context.invoke('tests', { target: files.routes });
    } catch (error) {
      // The resource stands without its tests; say why they are missing.
      if (!(error instanceof ScaffoldError)) throw error;
      context.note(`No tests were written for ${names.plural.words}: ${error.message}`);
    }
  }
}

export const resourceGenerator = defineGenerator({
  meta: {
    id: 'resource',
    title: 'Add Resource…',
    description:
      'A CRUD resource from a name and a field list: zod schemas, a repository (in-memory default), a service and a router / plugin with list (pagination, filters, sort), get, create, update and delete, mounted under /api/v1, with tests.',
    frameworks: ['express', 'fastify'],
    options,
  },
  generate(context, values) {
    applyResource(context, values);
  },
});
