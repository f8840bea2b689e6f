import { isTextFieldName, type FieldNode, type RequestPart } from './request-reads';

export interface JsonSchemaSourceOptions {
  indent: string;
  indentUnit: string;
  trailingCommas: boolean;
  quote: string;
  eol: string;
}

/**
 * A JSON Schema object literal (Fastify route `schema.body` / `querystring` / `params`) for the
 * fields a handler reads. Fields with a known type and no fallback are `required` (all path params,
 * no query values); no `additionalProperties: false`, so Fastify strips nothing the handler may use.
 */
export function jsonSchemaSource(root: FieldNode, part: RequestPart, options: JsonSchemaSourceOptions): string {
  return objectSchema(root, part, options, options.indent);
}

function objectSchema(node: FieldNode, part: RequestPart, options: JsonSchemaSourceOptions, indent: string): string {
  const { eol, indentUnit } = options;
  const inner = indent + indentUnit;
  const lines = [`${inner}type: ${quote('object', options)}`];
  const required = [...node.children].filter(([key, child]) => isRequired(key, child, part)).map(([key]) => quote(key, options));
  if (required.length > 0) lines.push(`${inner}required: [${required.join(', ')}]`);
  if (node.children.size > 0) {
    const propertiesIndent = inner + indentUnit;
    const properties = [...node.children].map(([key, child]) => `${propertiesIndent}${propertyKey(key, options)}: ${fieldSchema(key, child, part, options, propertiesIndent)}`);
    lines.push(`${inner}properties: {${eol}${properties.join(`,${eol}`)}${options.trailingCommas ? ',' : ''}${eol}${inner}}`);
  }
  return `{${eol}${lines.join(`,${eol}`)}${options.trailingCommas ? ',' : ''}${eol}${indent}}`;
}

function fieldSchema(key: string, node: FieldNode, part: RequestPart, options: JsonSchemaSourceOptions, indent: string): string {
  if (node.children.size > 0) return objectSchema(node, part, options, indent);
  const type = typeOf(key, node, part);
  return type ? `{ type: ${quote(type, options)} }` : '{}';
}

function typeOf(key: string, node: FieldNode, part: RequestPart): string | undefined {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'array':
      return node.type;
    case 'boolean':
      return part === 'body' ? 'boolean' : 'string';
    default:
      return part !== 'body' || isTextFieldName(key) ? 'string' : undefined;
  }
}

function isRequired(key: string, node: FieldNode, part: RequestPart): boolean {
  if (part === 'params') return true;
  if (part === 'query' || node.optional) return false;
  return node.children.size > 0 || typeOf(key, node, part) !== undefined;
}

function propertyKey(key: string, options: JsonSchemaSourceOptions): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key, options);
}

function quote(value: string, options: JsonSchemaSourceOptions): string {
  return `${options.quote}${value.replace(/\\/g, '\\\\').replace(new RegExp(options.quote, 'g'), `\\${options.quote}`)}${options.quote}`;
}
