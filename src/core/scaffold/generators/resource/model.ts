import type { Flavour } from '../types';
import { dateFilterNames, isScalar, type FieldSpec } from './fields';
import { articleFor, type ResourceNames } from './names';

export type IdType = 'uuid' | 'number';

/** What the list endpoint accepts for one field. */
export interface FilterModel {
  /** Query parameter name. */
  name: string;
  /** zod source of the parameter (optional is added by the template). */
  schema: string;
  /** How a record matches: equal value, or at/after / at/before an instant. */
  match: 'equals' | 'from' | 'to';
  field: string;
}

export interface FieldModel extends FieldSpec {
  /** zod source for create input (`.nullish()` on optional fields). */
  create: string;
  /** zod source for responses (`.nullable()` on optional fields). */
  response: string;
  /** The name of the `as const` values array of an enum field. */
  valuesName?: string;
  /** A valid sample value, as TypeScript source; `index` makes unique fields unique. */
  sample: (index: string) => string;
  /** A value of the wrong type, as TypeScript source (tests send it to get a 422). */
  invalid: string;
  /** A second valid value, different from the sample (tests update with it). */
  other: (index: string) => string;
}

export interface ResourceModel {
  names: ResourceNames;
  /** `a` / `an` before the singular in prose. */
  article: 'a' | 'an';
  fields: FieldModel[];
  filters: FilterModel[];
  /** `title`, `-title`, … in field order, then createdAt / updatedAt. */
  sortValues: string[];
  idType: IdType;
  /** zod source of the id in responses and in path parameters. */
  idResponse: string;
  idParam: string;
  /** Whether the schemas module defines the shared date-time schema. */
  usesDateTime: boolean;
  uniqueFields: FieldModel[];
  /** The API path the router is mounted at, e.g. /api/v1/products. */
  mountPath: string;
  put: boolean;
}

/** zod 4 API (also zod 3.25's `zod/v4` subpath) or zod 3's. */
export function usesZod4(flavour: Flavour): boolean {
  return flavour.zodMajor === 4 || flavour.zodImport === 'zod/v4';
}

function baseSchema(field: FieldSpec, flavour: Flavour, valuesName: string | undefined, forInput: boolean): string {
  const v4 = usesZod4(flavour);
  switch (field.type) {
    case 'string':
      return forInput ? 'z.string().trim().min(1)' : 'z.string()';
    case 'number':
      return 'z.number()';
    case 'integer':
      return v4 ? 'z.int()' : 'z.number().int()';
    case 'boolean':
      return 'z.boolean()';
    case 'date':
      return forInput ? 'DateTimeSchema' : v4 ? 'z.iso.datetime()' : 'z.string().datetime()';
    case 'uuid':
      return v4 ? 'z.uuid()' : 'z.string().uuid()';
    case 'email':
      return v4 ? 'z.email()' : 'z.string().email()';
    case 'url':
      return v4 ? 'z.url()' : 'z.string().url()';
    case 'enum':
      return `z.enum(${valuesName})`;
  }
}

function filterSchema(field: FieldSpec, flavour: Flavour, valuesName: string | undefined): string {
  switch (field.type) {
    case 'number':
      return 'z.coerce.number()';
    case 'integer':
      return 'z.coerce.number().int()';
    case 'boolean':
      return "z.enum(['true', 'false']).transform((value) => value === 'true')";
    case 'string':
      return 'z.string().min(1)';
    default:
      return baseSchema(field, flavour, valuesName, true);
  }
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Sample values the generated tests send; unique fields get the test's running index mixed in. */
function samples(field: FieldSpec, valuesName: string | undefined): Pick<FieldModel, 'sample' | 'invalid' | 'other'> {
  const words = field.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const one = (index: string, variant: number): string => {
    switch (field.type) {
      case 'string':
        return field.unique ? `\`${words} ${variant === 0 ? '' : 'updated '}\${${index}}\`` : quote(variant === 0 ? `Sample ${words}` : `Updated ${words}`);
      case 'number':
        return field.unique ? `${index} + ${variant === 0 ? '0.5' : '1000.5'}` : variant === 0 ? '19.99' : '24.5';
      case 'integer':
        return field.unique ? `${index} + ${variant === 0 ? 1 : 1000}` : variant === 0 ? '3' : '7';
      case 'boolean':
        return variant === 0 ? 'true' : 'false';
      case 'date':
        return field.unique
          ? `new Date(Date.UTC(2024, 0, 1) + ${index} * 60_000${variant === 0 ? '' : ' + 86_400_000'}).toISOString()`
          : quote(variant === 0 ? '2024-05-01T10:00:00.000Z' : '2024-06-15T08:30:00.000Z');
      case 'uuid':
        return field.unique ? 'randomUUID()' : quote(variant === 0 ? '3f1c2a4e-8b7d-4c6e-9a5f-1d2e3c4b5a69' : '6a8e1f3b-2c4d-4e5f-8a9b-0c1d2e3f4a5b');
      case 'email':
        return field.unique ? `\`${variant === 0 ? 'user' : 'updated'}-\${${index}}@example.com\`` : quote(variant === 0 ? 'user@example.com' : 'updated@example.com');
      case 'url':
        return field.unique ? `\`https://example.com/${variant === 0 ? 'items' : 'updated'}/\${${index}}\`` : quote(variant === 0 ? 'https://example.com/items/1' : 'https://example.com/items/2');
      case 'enum':
        return `${valuesName}[${variant === 0 ? 0 : (field.values?.length ?? 1) > 1 ? 1 : 0}]`;
    }
  };
  const invalidScalar: Record<FieldSpec['type'], string> = {
    string: '42',
    number: quote('not a number'),
    integer: '1.5',
    boolean: quote('yes'),
    date: quote('not a date'),
    uuid: quote('not-a-uuid'),
    email: quote('not an email'),
    url: quote('not a url'),
    enum: quote('not-a-valid-value'),
  };
  return {
    sample: (index) => (field.array ? `[${one(index, 0)}]` : one(index, 0)),
    other: (index) => (field.array ? `[${one(index, 1)}]` : one(index, 1)),
    invalid: field.array ? quote('not a list') : invalidScalar[field.type],
  };
}

export function buildModel(
  names: ResourceNames,
  fields: readonly FieldSpec[],
  flavour: Flavour,
  { idType, mountPath, put }: { idType: IdType; mountPath: string; put: boolean },
): ResourceModel {
  const v4 = usesZod4(flavour);
  const models: FieldModel[] = fields.map((field) => {
    const valuesName = field.type === 'enum' ? `${names.singular.camel}${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}Values` : undefined;
    const wrap = (inner: string) => (field.array ? `z.array(${inner})` : inner);
    const create = wrap(baseSchema(field, flavour, valuesName, true)) + (field.optional ? '.nullish()' : '');
    const response = wrap(baseSchema(field, flavour, valuesName, false)) + (field.optional ? '.nullable()' : '');
    return { ...field, create, response, ...(valuesName ? { valuesName } : {}), ...samples(field, valuesName) };
  });
  const filters: FilterModel[] = [];
  for (const field of models.filter(isScalar)) {
    if (field.type === 'date') {
      const [from, to] = dateFilterNames(field);
      filters.push({ name: from, schema: filterSchema(field, flavour, field.valuesName), match: 'from', field: field.name });
      filters.push({ name: to, schema: filterSchema(field, flavour, field.valuesName), match: 'to', field: field.name });
    } else {
      filters.push({ name: field.name, schema: filterSchema(field, flavour, field.valuesName), match: 'equals', field: field.name });
    }
  }
  const sortable = [...models.filter(isScalar).map((field) => field.name), 'createdAt', 'updatedAt'];
  return {
    names,
    article: articleFor(names.singular.words),
    fields: models,
    filters,
    sortValues: sortable.flatMap((name) => [name, `-${name}`]),
    idType,
    idResponse: idType === 'uuid' ? (v4 ? 'z.uuid()' : 'z.string().uuid()') : 'z.number().int().positive()',
    idParam: idType === 'uuid' ? (v4 ? 'z.uuid()' : 'z.string().uuid()') : 'z.coerce.number().int().positive()',
    usesDateTime: models.some((field) => field.type === 'date'),
    uniqueFields: models.filter((field) => field.unique),
    mountPath,
    put,
  };
}
