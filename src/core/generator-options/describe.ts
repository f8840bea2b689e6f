/**
 * What a generator's options are, read from its zod option schema, so the CLI can coerce
 * `--key value` strings and the palette can ask the right question (an input box, a pick list, a
 * yes/no) without a second declaration of the options.
 *
 * The schemas come from the scaffold bundle, which carries its own copy of zod; only the plain
 * data zod 4 keeps on every schema (`def`, `description`) is read here, never zod's classes.
 */

/** A zod 4 schema as seen from outside its copy of zod. */
export interface OptionSchema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly OptionIssue[] } };
  readonly description?: string;
  readonly def?: SchemaDef;
}

export interface OptionIssue {
  path: readonly PropertyKey[];
  message: string;
}

interface SchemaDef {
  type: string;
  innerType?: OptionSchema;
  defaultValue?: unknown;
  options?: readonly OptionSchema[];
  values?: readonly unknown[];
  entries?: Readonly<Record<string, string | number>>;
  element?: OptionSchema;
  in?: OptionSchema;
  out?: OptionSchema;
  shape?: Readonly<Record<string, OptionSchema>>;
}

export type OptionKind = 'string' | 'number' | 'boolean' | 'choice' | 'list';

export interface OptionDescriptor {
  key: string;
  kind: OptionKind;
  /** No default and not optional: the generator cannot run without it. */
  required: boolean;
  default?: unknown;
  description?: string;
  /** The allowed values of a `choice`, or of a `list`'s elements when they are an enum. */
  choices?: readonly (string | number)[];
  schema: OptionSchema;
}

/** The options of a generator's schema (a zod object, refinements allowed), in declaration order. */
export function describeOptions(schema: OptionSchema): OptionDescriptor[] {
  const shape = schema.def?.type === 'object' ? schema.def.shape : undefined;
  if (!shape) return [];
  return Object.entries(shape).map(([key, field]) => describeOption(key, field));
}

function describeOption(key: string, schema: OptionSchema): OptionDescriptor {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  let description = schema.description;
  // Wrappers first: optional(…), default(…), and their descriptions.
  for (;;) {
    const def = current.def;
    if (!def?.innerType || (def.type !== 'optional' && def.type !== 'default' && def.type !== 'nullable' && def.type !== 'prefault')) break;
    required = false;
    if (def.type === 'default' || def.type === 'prefault') defaultValue = def.defaultValue;
    current = def.innerType;
    description ??= current.description;
  }
  const shape = kindOf(current);
  return { key, required, ...(defaultValue !== undefined ? { default: defaultValue } : {}), ...(description ? { description } : {}), ...shape, schema };
}

function kindOf(schema: OptionSchema): { kind: OptionKind; choices?: readonly (string | number)[] } {
  const def = schema.def;
  switch (def?.type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
    case 'int':
      return { kind: 'number' };
    case 'enum':
    case 'literal':
    case 'union': {
      const choices = choicesOf(schema);
      return choices ? { kind: 'choice', choices } : { kind: 'string' };
    }
    case 'array': {
      const choices = def.element ? choicesOf(def.element) : undefined;
      return { kind: 'list', ...(choices ? { choices } : {}) };
    }
    case 'pipe': {
      // `z.string().transform(…).pipe(z.enum([…]))`: typed as its input, choices from its output.
      const input = def.in ? kindOf(def.in) : { kind: 'string' as const };
      const output = def.out ? choicesOf(def.out) : undefined;
      return output && input.kind === 'string' ? { kind: 'choice', choices: output } : input;
    }
    default:
      return { kind: 'string' };
  }
}

/** The values of an enum, a literal, or a union of literals (`4 | 5`); undefined for anything else. */
function choicesOf(schema: OptionSchema): readonly (string | number)[] | undefined {
  const def = schema.def;
  if (!def) return undefined;
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'literal' && def.values) return def.values.filter(isChoice);
  if (def.type === 'union' && def.options) {
    const values = def.options.map(choicesOf);
    return values.every((value) => value !== undefined) ? values.flat() : undefined;
  }
  if (def.type === 'pipe' && def.out) return choicesOf(def.out);
  return undefined;
}

function isChoice(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** `--id-type` → `idType`; camelCase keys pass through. */
export function optionKeyOf(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** `idType` → `--id-type`, as the CLI spells options. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
