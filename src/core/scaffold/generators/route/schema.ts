import type { FieldSpec } from '../resource/fields';
import { usesZod4 } from '../resource/model';
import type { Flavour } from '../types';

export type SchemaPart = 'params' | 'query' | 'body';

/** zod source of one field of a route's body, query or path parameters (`z` is the local zod name). */
export function fieldSource(field: FieldSpec, part: SchemaPart, flavour: Flavour, z = 'z'): string {
  const v4 = usesZod4(flavour);
  const text = part !== 'body';
  let source: string;
  switch (field.type) {
    case 'string':
      source = text ? `${z}.string().min(1)` : `${z}.string().trim().min(1)`;
      break;
    case 'number':
      source = text ? `${z}.coerce.number()` : `${z}.number()`;
      break;
    case 'integer':
      source = text ? `${z}.coerce.number().int()` : v4 ? `${z}.int()` : `${z}.number().int()`;
      break;
    case 'boolean':
      source = text ? `${z}.enum(['true', 'false']).transform((value) => value === 'true')` : `${z}.boolean()`;
      break;
    case 'date':
      source = v4 ? `${z}.iso.datetime({ offset: true })` : `${z}.string().datetime({ offset: true })`;
      break;
    case 'uuid':
      source = v4 ? `${z}.uuid()` : `${z}.string().uuid()`;
      break;
    case 'email':
      source = v4 ? `${z}.email()` : `${z}.string().email()`;
      break;
    case 'url':
      source = v4 ? `${z}.url()` : `${z}.string().url()`;
      break;
    case 'enum':
      source = `${z}.enum([${(field.values ?? []).map((value) => `'${value}'`).join(', ')}])`;
      break;
  }
  if (field.array) source = `${z}.array(${source})`;
  return field.optional && part !== 'params' ? `${source}.optional()` : source;
}

/** `z.object({ … })` for a list of fields, one property per line. */
export function objectSource(fields: readonly FieldSpec[], part: SchemaPart, flavour: Flavour, z = 'z'): string {
  if (fields.length === 0) return `${z}.object({})`;
  const lines = fields.map((field) => `  ${field.name}: ${fieldSource(field, part, flavour, z)},`);
  return `${z}.object({\n${lines.join('\n')}\n})`;
}
