import ts from 'typescript';
import { propertyValue } from '../../analysis/file-analysis';
import { unwrapExpression } from '../../analysis/syntax';
import type { RouteRegistration } from '../../analysis/types';
import type { FileChange, TextEdit } from '../../model/edit';
import { jsonSchemaSource } from './json-schema-from-fields';
import type { FieldNode, RequestPart } from './request-reads';
import { planNamedImport, type ImportContext } from './module-import';
import { insertPropertiesEdit } from './object-literal-edit';
import { indentationAt, sourceStyle } from './source-style';
import { zodMajorOf, zodModules, zodSchemaSource, type ZodSetting } from './zod-schema-from-fields';
import { localInitializer } from './local-binding';

const SCHEMA_KEY: Record<RequestPart, string> = { body: 'body', query: 'querystring', params: 'params' };

/** How a route's schemas are written: JSON schema, or zod for a route typed with fastify-type-provider-zod. */
export interface FastifySchemaDialect {
  /** zod source for one part, and the edit importing `z` when the file lacks it. */
  zod?: { source: (fields: FieldNode, part: RequestPart, indent: string) => string; importEdit?: TextEdit };
}

/**
 * Adds schemas for the parts a Fastify handler reads to its route: into an existing `schema`
 * object, as a new `schema` option, or as a new options object for the `fastify.post(path, handler)`
 * shorthand. Undefined when the route's schema is not an object literal we can extend.
 */
export function buildFastifySchemaChanges(
  fileName: string,
  sourceFile: ts.SourceFile,
  route: RouteRegistration,
  parts: { part: RequestPart; fields: FieldNode }[],
  dialect: FastifySchemaDialect = {},
): FileChange[] | undefined {
  const style = sourceStyle(sourceFile);
  const text = sourceFile.text;
  const { eol, indentUnit } = style;
  const partProperty = (part: RequestPart, fields: FieldNode, indent: string): string =>
    `${SCHEMA_KEY[part]}: ${dialect.zod ? dialect.zod.source(fields, part, indent) : jsonSchemaSource(fields, part, { indent, indentUnit, trailingCommas: style.trailingCommas, quote: style.quote, eol })}`;
  const schemaObject = (indent: string): string => {
    const inner = indent + indentUnit;
    const members = parts.map(({ part, fields }) => `${inner}${partProperty(part, fields, inner)}`);
    return `{${eol}${members.join(`,${eol}`)}${style.trailingCommas ? ',' : ''}${eol}${indent}}`;
  };

  let edit: TextEdit | undefined;
  if (route.options) {
    const schema = propertyValue(route.options, 'schema');
    if (schema) {
      const object = unwrapExpression(schema);
      if (!ts.isObjectLiteralExpression(object)) return undefined;
      edit = insertPropertiesEdit(object, sourceFile, style, parts.map(({ part, fields }) => (indent: string) => partProperty(part, fields, indent)));
    } else {
      // `route({ method, url, schema, handler })`: the schema goes right before the handler.
      const handler = route.options.properties.find((property) => property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === 'handler');
      edit = insertPropertiesEdit(route.options, sourceFile, style, [(indent: string) => `schema: ${schemaObject(indent)}`], handler);
    }
  } else {
    const handlerArgument = route.call.arguments[1];
    if (!handlerArgument || route.call.arguments.length !== 2) return undefined;
    const base = indentationAt(text, route.call.getStart(sourceFile));
    const inner = base + indentUnit;
    const options = `{${eol}${inner}schema: ${schemaObject(inner)}${style.trailingCommas ? ',' : ''}${eol}${base}}, `;
    const at = handlerArgument.getStart(sourceFile);
    edit = { start: at, end: at, newText: options };
  }
  if (!edit) return undefined;
  return [{ kind: 'edit', path: fileName, edits: dialect.zod?.importEdit ? [dialect.zod.importEdit, edit] : [edit] }];
}

/**
 * zod schemas for a route registered on an instance typed with fastify-type-provider-zod
 * (`const typed = app.withTypeProvider<ZodTypeProvider>()`): its validator compiler takes zod
 * schemas, and a JSON schema there fails when the route is called. JSON schema otherwise.
 */
export function schemaDialect(context: ImportContext & { project: ZodSetting }, route: RouteRegistration): FastifySchemaDialect {
  if (!isZodTyped(route)) return {};
  const style = sourceStyle(context.sourceFile);
  const zImport = planNamedImport(context, zodModules(context.project), 'z');
  const zodMajor = zodMajorOf(context.project);
  return {
    zod: {
      source: (fields, part, indent) => zodSchemaSource(fields, part, { z: zImport.local, indent, indentUnit: style.indentUnit, trailingCommas: style.trailingCommas, zodMajor, eol: style.eol }),
      importEdit: zImport.edit,
    },
  };
}

function isZodTyped(route: RouteRegistration): boolean {
  const callee = unwrapExpression(route.call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = unwrapExpression(callee.expression);
  if (ts.isCallExpression(receiver)) return isZodTypeProviderCall(receiver);
  if (!ts.isIdentifier(receiver)) return false;
  if (isZodTypedParameter(receiver.text, route.call)) return true;
  const initializer = localInitializer(receiver);
  const value = initializer && unwrapExpression(initializer);
  return value !== undefined && ts.isCallExpression(value) && isZodTypeProviderCall(value);
}

/**
 * The instance a plugin is given when the plugin is typed with zod: `const plugin: FastifyPluginAsyncZod =
 * async (app) => …`, or `(app: FastifyInstance<…, ZodTypeProvider>)`.
 */
function isZodTypedParameter(name: string, at: ts.Node): boolean {
  for (let current: ts.Node | undefined = at.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    const parameter = current.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
    if (!parameter) continue;
    const types = [parameter.type];
    let holder: ts.Node = current.parent;
    for (; ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder); holder = holder.parent) {
      if (!ts.isParenthesizedExpression(holder)) types.push(holder.type);
    }
    if (ts.isVariableDeclaration(holder)) types.push(holder.type);
    return types.some((type) => type !== undefined && /Zod/.test(type.getText()));
  }
  return false;
}

/** `app.withTypeProvider<ZodTypeProvider>()`, also at the end of the creation: `Fastify().withTypeProvider<ZodTypeProvider>()`. */
function isZodTypeProviderCall(call: ts.CallExpression): boolean {
  const callee = unwrapExpression(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'withTypeProvider' && (call.typeArguments ?? []).some((type) => /Zod/.test(type.getText()));
}
