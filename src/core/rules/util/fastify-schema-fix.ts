import ts from 'typescript';
import { propertyValue } from '../../analysis/file-analysis';
import { unwrapExpression } from '../../analysis/syntax';
import type { RouteRegistration } from '../../analysis/types';
import type { FileChange, TextEdit } from '../../model/edit';
import { jsonSchemaSource } from './json-schema-from-fields';
import type { FieldNode, RequestPart } from './request-reads';
import { insertPropertiesEdit } from './object-literal-edit';
import { indentationAt, sourceStyle } from './source-style';

const SCHEMA_KEY: Record<RequestPart, string> = { body: 'body', query: 'querystring', params: 'params' };

/**
 * Adds JSON schemas for the parts a Fastify handler reads to its route: into an existing `schema`
 * object, as a new `schema` option, or as a new options object for the `fastify.post(path, handler)`
 * shorthand. Undefined when the route's schema is not an object literal we can extend.
 */
export function buildFastifySchemaChanges(
  fileName: string,
  sourceFile: ts.SourceFile,
  route: RouteRegistration,
  parts: { part: RequestPart; fields: FieldNode }[],
): FileChange[] | undefined {
  const style = sourceStyle(sourceFile);
  const text = sourceFile.text;
  const { eol, indentUnit } = style;
  const partProperty = (part: RequestPart, fields: FieldNode, indent: string): string =>
    `${SCHEMA_KEY[part]}: ${jsonSchemaSource(fields, part, { indent, indentUnit, trailingCommas: style.trailingCommas, quote: style.quote, eol })}`;
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
  return edit ? [{ kind: 'edit', path: fileName, edits: [edit] }] : undefined;
}
