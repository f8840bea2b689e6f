/**
 * The field list of the `resource` generator: `title:string price:number? tags:string[]
 * status:enum(draft,published) publishedAt:date? ownerId:uuid sku:string!`.
 *
 * Grammar (fields are separated by spaces or commas):
 *
 *   field     = name ":" type [ "[]" ] { "?" | "!" }
 *   name      = a JavaScript identifier (letters, digits, _ and $; not starting with a digit)
 *   type      = string | number | integer | boolean | date | uuid | email | url | enum(value, …)
 *   "?"       = optional (may be absent or null)      "!" = unique (a duplicate answers 409)
 *
 * `parseFields` throws a FieldSyntaxError that points at the offending characters; `checkFields`
 * returns the same as a value, for input boxes that validate while the user types.
 */

export const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'uuid', 'email', 'url', 'enum'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** The allowed values of an `enum(…)` field, in the order written. */
  values?: string[];
  /** `string[]`: a list of values. */
  array: boolean;
  /** `?`: may be absent on create and null in responses; `null` clears it on update. */
  optional: boolean;
  /** `!`: no two records share the value (a duplicate answers 409). */
  unique: boolean;
}

/** A problem in a field list, with the character range it is about (0-based, end exclusive). */
export class FieldSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'FieldSyntaxError';
  }
}

export type FieldCheck = { ok: true; fields: FieldSpec[] } | { ok: false; message: string; start: number; end: number };

/** Other spellings users type, mapped to the type they mean. */
const TYPE_ALIASES: Record<string, FieldType> = {
  text: 'string',
  str: 'string',
  int: 'integer',
  float: 'number',
  double: 'number',
  decimal: 'number',
  bool: 'boolean',
  datetime: 'date',
  timestamp: 'date',
};

/** Names the generated code uses itself: the record's own fields and the list query's parameters. */
const RESERVED = new Map<string, string>([
  ['id', 'every record gets an id'],
  ['createdAt', 'every record gets createdAt'],
  ['updatedAt', 'every record gets updatedAt'],
  ['page', 'it is a pagination parameter of the list endpoint'],
  ['limit', 'it is a pagination parameter of the list endpoint'],
  ['sort', 'it is the sort parameter of the list endpoint'],
  ['__proto__', 'it is not a safe property name'],
  ['constructor', 'it is not a safe property name'],
  ['prototype', 'it is not a safe property name'],
]);

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ENUM_VALUE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TYPE_LIST = 'string, number, integer, boolean, date, uuid, email, url or enum(a,b)';

/** Whether a field can be filtered and sorted on (one value, not a list). */
export function isScalar(field: FieldSpec): boolean {
  return !field.array;
}

/** Query parameters a date field filters with: a range instead of an exact instant. */
export function dateFilterNames(field: FieldSpec): [string, string] {
  return [`${field.name}From`, `${field.name}To`];
}

export interface FieldParseOptions {
  /**
   * Refuse the names a resource uses itself (id, createdAt, updatedAt, page, limit, sort) and the
   * range filters of date fields. True by default; routes and schemas of other code pass false.
   */
  resource?: boolean;
}

export function checkFields(input: string, options: FieldParseOptions = {}): FieldCheck {
  try {
    return { ok: true, fields: parseFields(input, options) };
  } catch (error) {
    if (error instanceof FieldSyntaxError) return { ok: false, message: error.message, start: error.start, end: error.end };
    throw error;
  }
}

export function parseFields(input: string, options: FieldParseOptions = {}): FieldSpec[] {
  const parser = new FieldParser(input, options.resource ?? true);
  const fields = parser.parseAll();
  if (fields.length === 0) {
    throw new FieldSyntaxError(`No fields given: list at least one, e.g. "title:string price:number?".`, 0, input.length);
  }
  return fields;
}

/** Renders fields back into the syntax (`title:string price:number?`), e.g. for messages and tests. */
export function formatFields(fields: readonly FieldSpec[]): string {
  return fields
    .map((field) => `${field.name}:${field.type === 'enum' ? `enum(${(field.values ?? []).join(',')})` : field.type}${field.array ? '[]' : ''}${field.unique ? '!' : ''}${field.optional ? '?' : ''}`)
    .join(' ');
}

interface Located<T> {
  value: T;
  start: number;
  end: number;
}

class FieldParser {
  private position = 0;
  private readonly fields: FieldSpec[] = [];
  private readonly taken = new Map<string, { start: number; end: number; why: string }>();

  constructor(
    private readonly input: string,
    private readonly resource: boolean,
  ) {}

  parseAll(): FieldSpec[] {
    this.skipSeparators();
    while (this.position < this.input.length) {
      this.fields.push(this.parseField());
      const before = this.position;
      this.skipSeparators();
      if (this.position === before && this.position < this.input.length) {
        const token = this.tokenAt(this.position);
        throw new FieldSyntaxError(
          `Unexpected "${token.value}" at column ${this.position + 1}: separate fields with spaces, and put modifiers right after the type (price:number? sku:string!).`,
          token.start,
          token.end,
        );
      }
    }
    return this.fields;
  }

  private parseField(): FieldSpec {
    const fieldStart = this.position;
    const name = this.readWhile((char) => char !== ':' && !isSeparator(char));
    if (this.peek() !== ':') {
      const what = name.value.length > 0 ? `"${name.value}"` : 'a field';
      throw new FieldSyntaxError(`${what} at column ${fieldStart + 1} has no type: write name:type, e.g. ${name.value || 'title'}:string.`, name.start, Math.max(name.end, name.start + 1));
    }
    this.checkName(name);
    this.position++; // ':'

    const typeStart = this.position;
    const typeName = this.readWhile((char) => /[A-Za-z]/.test(char));
    if (typeName.value.length === 0) {
      const found = this.tokenAt(this.position);
      throw new FieldSyntaxError(
        found.value.length > 0
          ? `"${found.value}" is not a type (field "${name.value}", column ${typeStart + 1}); expected ${TYPE_LIST}.`
          : `Field "${name.value}" has no type after ":" (column ${typeStart + 1}); expected ${TYPE_LIST}.`,
        found.start,
        Math.max(found.end, found.start + 1),
      );
    }
    const type = this.resolveType(typeName, name.value);
    let values: string[] | undefined;
    if (type === 'enum') values = this.parseEnumValues(name.value, typeName);
    else if (this.peek() === '(') {
      throw new FieldSyntaxError(`Only enum takes a value list: "${typeName.value}(" in field "${name.value}" (column ${this.position + 1}).`, this.position, this.position + 1);
    }

    let array = false;
    if (this.input.startsWith('[]', this.position)) {
      array = true;
      this.position += 2;
    } else if (this.peek() === '[') {
      throw new FieldSyntaxError(`Write a list type as ${typeName.value}[] (field "${name.value}", column ${this.position + 1}).`, this.position, this.position + 1);
    }

    let optional = false;
    let unique = false;
    for (;;) {
      const char = this.peek();
      if (char === '?' || char === '!') {
        const already = char === '?' ? optional : unique;
        if (already) throw new FieldSyntaxError(`"${char}" is repeated in field "${name.value}" (column ${this.position + 1}).`, this.position, this.position + 1);
        if (char === '?') optional = true;
        else unique = true;
        this.position++;
        continue;
      }
      if (char === '[' && this.input.startsWith('[]', this.position)) {
        throw new FieldSyntaxError(`"[]" goes before the modifiers: ${name.value}:${typeName.value}[]${optional ? '?' : ''}${unique ? '!' : ''} (column ${this.position + 1}).`, this.position, this.position + 2);
      }
      break;
    }
    const end = this.position;
    const next = this.peek();
    if (next !== undefined && !isSeparator(next)) {
      const token = this.tokenAt(this.position);
      throw new FieldSyntaxError(
        `Unexpected "${token.value}" after the type of field "${name.value}" (column ${this.position + 1}); modifiers are ? (optional) and ! (unique), lists are written type[].`,
        token.start,
        token.end,
      );
    }
    if (unique && array) throw new FieldSyntaxError(`Field "${name.value}" is a list and cannot be unique (!): uniqueness applies to single values.`, fieldStart, end);
    if (unique && (type === 'boolean' || type === 'enum')) {
      throw new FieldSyntaxError(`Field "${name.value}" is ${type === 'enum' ? 'an enum' : 'a boolean'} and cannot be unique (!): it has too few values.`, fieldStart, end);
    }
    const field: FieldSpec = { name: name.value, type, array, optional, unique };
    if (values) field.values = values;
    if (this.resource && type === 'date' && !array) {
      for (const filter of dateFilterNames(field)) this.reserve(filter, fieldStart, end, `it is the range filter of the date field "${name.value}"`);
    }
    return field;
  }

  private checkName(name: Located<string>): void {
    if (!IDENTIFIER.test(name.value)) {
      throw new FieldSyntaxError(
        `"${name.value}" is not a valid field name (column ${name.start + 1}): use letters, digits, _ or $, not starting with a digit (e.g. publishedAt).`,
        name.start,
        name.end,
      );
    }
    const reserved = this.resource || UNSAFE.has(name.value) ? RESERVED.get(name.value) : undefined;
    if (reserved) throw new FieldSyntaxError(`"${name.value}" cannot be a field name: ${reserved}.`, name.start, name.end);
    this.reserve(name.value, name.start, name.end, `it is already a field`);
  }

  private reserve(key: string, start: number, end: number, why: string): void {
    const earlier = this.taken.get(key);
    if (earlier) {
      const clash = earlier.why === 'it is already a field' ? `"${key}" is listed twice` : `"${key}" clashes with a query parameter: ${earlier.why}`;
      throw new FieldSyntaxError(`${clash} (column ${start + 1}).`, start, end);
    }
    this.taken.set(key, { start, end, why });
  }

  private resolveType(typeName: Located<string>, field: string): FieldType {
    const lower = typeName.value.toLowerCase();
    if ((FIELD_TYPES as readonly string[]).includes(lower)) return lower as FieldType;
    const alias = TYPE_ALIASES[lower];
    if (alias) return alias;
    const suggestion = closest(lower, [...FIELD_TYPES, ...Object.keys(TYPE_ALIASES)]);
    const hint = suggestion ? ` Did you mean "${TYPE_ALIASES[suggestion] ?? suggestion}"?` : '';
    throw new FieldSyntaxError(
      `Unknown type "${typeName.value}" for field "${field}" (column ${typeName.start + 1}); expected ${TYPE_LIST}.${hint}`,
      typeName.start,
      typeName.end,
    );
  }

  private parseEnumValues(field: string, typeName: Located<string>): string[] {
    if (this.peek() !== '(') {
      throw new FieldSyntaxError(`An enum lists its values: ${field}:enum(draft,published) (column ${typeName.end + 1}).`, typeName.start, typeName.end);
    }
    const open = this.position;
    const close = this.input.indexOf(')', open);
    if (close === -1) throw new FieldSyntaxError(`The value list of enum field "${field}" is not closed with ")" (opened at column ${open + 1}).`, open, this.input.length);
    const values: string[] = [];
    let cursor = open + 1;
    for (const raw of this.input.slice(open + 1, close).split(/[,|]/)) {
      const leading = raw.length - raw.trimStart().length;
      const value = raw.trim();
      const start = cursor + leading;
      const end = start + value.length;
      cursor += raw.length + 1;
      if (value.length === 0) {
        if (values.length === 0 && this.input.slice(open + 1, close).trim().length === 0) {
          throw new FieldSyntaxError(`Enum field "${field}" needs at least one value: enum(draft,published) (column ${open + 1}).`, open, close + 1);
        }
        throw new FieldSyntaxError(`Empty value in the enum list of field "${field}" (column ${start + 1}).`, Math.max(start - 1, open), Math.min(start + 1, close + 1));
      }
      if (!ENUM_VALUE.test(value)) {
        throw new FieldSyntaxError(
          `Enum value "${value}" of field "${field}" (column ${start + 1}) may only contain letters, digits, _, - and ., and must not start with - or .`,
          start,
          end,
        );
      }
      if (values.includes(value)) throw new FieldSyntaxError(`Enum value "${value}" of field "${field}" is listed twice (column ${start + 1}).`, start, end);
      values.push(value);
    }
    this.position = close + 1;
    return values;
  }

  private peek(): string | undefined {
    return this.position < this.input.length ? this.input[this.position] : undefined;
  }

  private readWhile(accept: (char: string) => boolean): Located<string> {
    const start = this.position;
    while (this.position < this.input.length && accept(this.input[this.position])) this.position++;
    return { value: this.input.slice(start, this.position), start, end: this.position };
  }

  /** The run of non-separator characters at `at`, for messages. */
  private tokenAt(at: number): Located<string> {
    let end = at;
    while (end < this.input.length && !isSeparator(this.input[end])) end++;
    return { value: this.input.slice(at, end), start: at, end };
  }

  private skipSeparators(): void {
    while (this.position < this.input.length && isSeparator(this.input[this.position])) this.position++;
  }
}

function isSeparator(char: string): boolean {
  return char === ',' || char === ';' || /\s/.test(char);
}

/** The candidate within edit distance 2 of `word`, if one is clearly closest. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
