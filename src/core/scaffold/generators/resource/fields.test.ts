import assert from 'node:assert/strict';
import { checkFields, formatFields, parseFields, FieldSyntaxError } from './fields';

/** The error for `input`, with the text it points at. */
function problem(input: string, options?: { resource?: boolean }): { message: string; at: string } {
  const result = checkFields(input, options);
  assert.equal(result.ok, false, `expected "${input}" to be refused`);
  if (result.ok) throw new Error('unreachable');
  return { message: result.message, at: input.slice(result.start, result.end) };
}

describe('resource field syntax', () => {
  it('parses the documented example', () => {
    const fields = parseFields('title:string price:number? tags:string[] status:enum(draft,published) publishedAt:date? ownerId:uuid sku:string!');
    assert.deepEqual(fields, [
      { name: 'title', type: 'string', array: false, optional: false, unique: false },
      { name: 'price', type: 'number', array: false, optional: true, unique: false },
      { name: 'tags', type: 'string', array: true, optional: false, unique: false },
      { name: 'status', type: 'enum', values: ['draft', 'published'], array: false, optional: false, unique: false },
      { name: 'publishedAt', type: 'date', array: false, optional: true, unique: false },
      { name: 'ownerId', type: 'uuid', array: false, optional: false, unique: false },
      { name: 'sku', type: 'string', array: false, optional: false, unique: true },
    ]);
  });

  it('accepts commas, spaces inside enum lists, both modifier orders and type aliases', () => {
    const fields = parseFields('code:text!?, level:int?!; kind:enum( a , b|c ) flags:bool[] at:datetime');
    assert.deepEqual(
      fields.map((field) => [field.name, field.type, field.optional, field.unique, field.values ?? null, field.array]),
      [
        ['code', 'string', true, true, null, false],
        ['level', 'integer', true, true, null, false],
        ['kind', 'enum', false, false, ['a', 'b', 'c'], false],
        ['flags', 'boolean', false, false, null, true],
        ['at', 'date', false, false, null, false],
      ],
    );
  });

  it('round-trips through formatFields', () => {
    const text = 'title:string price:number? tags:string[] status:enum(draft,published) sku:string!';
    assert.equal(formatFields(parseFields(text)), text);
  });

  it('points at an unknown type and suggests the closest one', () => {
    const { message, at } = problem('title:string price:numbr?');
    assert.equal(at, 'numbr');
    assert.match(message, /Unknown type "numbr" for field "price" \(column 20\).*Did you mean "number"\?/);
  });

  it('refuses a field without a type, naming it', () => {
    assert.deepEqual(problem('title price:number'), { message: '"title" at column 1 has no type: write name:type, e.g. title:string.', at: 'title' });
    assert.match(problem('title:').message, /Field "title" has no type after ":" \(column 7\)/);
  });

  it('refuses bad names, duplicates and reserved names', () => {
    assert.equal(problem('2fa:string').at, '2fa');
    assert.match(problem('title:string title:number').message, /"title" is listed twice \(column 14\)/);
    assert.match(problem('id:uuid').message, /"id" cannot be a field name: every record gets an id/);
    assert.match(problem('limit:integer').message, /pagination parameter/);
    assert.match(problem('__proto__:string').message, /not a safe property name/);
  });

  it('allows reserved resource names outside resources, never unsafe ones', () => {
    assert.equal(parseFields('id:uuid page:integer', { resource: false }).length, 2);
    assert.match(problem('constructor:string', { resource: false }).message, /not a safe property name/);
  });

  it('refuses a date field whose range filters clash with another field', () => {
    assert.match(problem('publishedAt:date publishedAtFrom:string').message, /clashes with a query parameter: it is the range filter of the date field "publishedAt"/);
  });

  it('checks enum value lists', () => {
    assert.match(problem('status:enum').message, /An enum lists its values: status:enum\(draft,published\)/);
    assert.match(problem('status:enum()').message, /needs at least one value/);
    assert.match(problem('status:enum(a,,b)').message, /Empty value in the enum list of field "status"/);
    assert.match(problem('status:enum(a,a)').message, /Enum value "a" of field "status" is listed twice/);
    assert.equal(problem('status:enum(ok,"bad")').at, '"bad"');
    assert.match(problem('status:enum(a,b').message, /not closed with "\)"/);
    assert.match(problem('title:string(5)').message, /Only enum takes a value list/);
  });

  it('checks modifiers and list syntax', () => {
    assert.match(problem('tags:string[]!').message, /is a list and cannot be unique/);
    assert.match(problem('active:boolean!').message, /is a boolean and cannot be unique/);
    assert.match(problem('price:number??').message, /"\?" is repeated in field "price"/);
    assert.match(problem('tags:string?[]').message, /"\[\]" goes before the modifiers/);
    assert.match(problem('tags:string[').message, /Write a list type as string\[\]/);
    assert.equal(problem('price:number+').at, '+');
  });

  it('refuses an empty list', () => {
    assert.match(problem('  ').message, /No fields given/);
  });

  it('throws FieldSyntaxError from parseFields', () => {
    assert.throws(() => parseFields('x:nope'), (error: unknown) => error instanceof FieldSyntaxError && error.start === 2 && error.end === 6);
  });
});
