import { isTextFieldName, type FieldNode, type RequestPart } from './request-reads';

export interface SchemaSourceOptions {
  /** Local name of the zod namespace (`z`). */
  z: string;
  /** Indentation of the line the schema expression starts on. */
  indent: string;
  indentUnit: string;
  trailingCommas: boolean;
  /** zod 4 (and `zod/v4`) writes loose objects as `z.looseObject`, zod 3 as `.passthrough()`. */
  zodMajor: 3 | 4;
  eol: string;
}

/** What a project says of its zod: the module it imports (`zod` or `zod/v4`) and its major. */
export interface ZodSetting {
  zodMajor?: number;
  zodImport?: string;
}

/** The modules `z` may be imported from, the project's own first. */
export function zodModules(project: ZodSetting): string[] {
  return project.zodImport === 'zod/v4' ? ['zod/v4', 'zod'] : ['zod', 'zod/v4'];
}

/** The zod API to write: 3 only where the project has zod 3 and does not import `zod/v4`. */
export function zodMajorOf(project: ZodSetting): 3 | 4 {
  return project.zodMajor === 3 && project.zodImport !== 'zod/v4' ? 3 : 4;
}

/**
 * zod source for the fields a handler reads from one request part: objects for member accesses,
 * `z.coerce.number()` where the value is used as a number, `z.string()` for text, `z.unknown()` when
 * nothing tells. Query values are optional strings unless used otherwise; objects used as a whole
 * keep their unknown members. Also the seam the `validation` generator builds on.
 */
export function zodSchemaSource(root: FieldNode, part: RequestPart, options: SchemaSourceOptions): string {
  return objectSource(root, part, options, options.indent);
}

function objectSource(node: FieldNode, part: RequestPart, options: SchemaSourceOptions, indent: string): string {
  const { z } = options;
  const loose = node.whole;
  const factory = loose && options.zodMajor === 4 ? `${z}.looseObject` : `${z}.object`;
  const suffix = loose && options.zodMajor === 3 ? '.passthrough()' : '';
  if (node.children.size === 0) return `${factory}({})${suffix}`;
  const inner = indent + options.indentUnit;
  const lines = [...node.children].map(([key, child]) => `${inner}${propertyKey(key)}: ${fieldSource(key, child, part, options, inner)}`);
  return `${factory}({${options.eol}${lines.join(`,${options.eol}`)}${options.trailingCommas ? ',' : ''}${options.eol}${indent}})${suffix}`;
}

function fieldSource(key: string, node: FieldNode, part: RequestPart, options: SchemaSourceOptions, indent: string): string {
  const { z } = options;
  let source: string;
  let canBeAbsent = false;
  if (node.children.size > 0) source = objectSource(node, part, options, indent);
  else {
    switch (node.type) {
      case 'number':
        source = `${z}.coerce.number()`;
        break;
      case 'string':
        source = `${z}.string()`;
        break;
      case 'boolean':
        source = part === 'body' ? `${z}.boolean()` : `${z}.string()`;
        break;
      case 'array':
        source = part === 'body' ? `${z}.array(${z}.unknown())` : `${z}.union([${z}.string(), ${z}.array(${z}.string())])`;
        break;
      default:
        if (part !== 'body' || isTextFieldName(key)) source = `${z}.string()`;
        else {
          source = `${z}.unknown()`;
          canBeAbsent = true;
        }
    }
  }
  const optional = part === 'query' || (part === 'body' && node.optional);
  return optional && !canBeAbsent ? `${source}.optional()` : source;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}
