import assert from 'node:assert/strict';
import { z } from 'zod';
import { generatorById } from '../scaffold/index';
import { answerProblem, coerceOption, optionProblems } from './coerce';
import { describeOptions, flagOf, optionKeyOf } from './describe';

const schema = z
  .object({
    name: z.string().min(1).describe('Singular name'),
    major: z.union([z.literal(4), z.literal(5)]).default(5).describe('Major version'),
    kinds: z.array(z.enum(['cors', 'helmet'])).min(1).default(['cors', 'helmet']),
    put: z.boolean().default(false),
    limit: z.number().int().positive().optional(),
    method: z.string().transform((value) => value.toUpperCase()).pipe(z.enum(['GET', 'POST'])),
  })
  .superRefine((value, ctx) => {
    if (value.name === value.method.toLowerCase()) ctx.addIssue({ code: 'custom', path: ['name'], message: 'not a method name' });
  });

describe('generator options from zod schemas', () => {
  it('describes each option: kind, required, default, description, choices', () => {
    const options = describeOptions(schema);
    assert.deepEqual(
      options.map(({ schema: _schema, ...rest }) => rest),
      [
        { key: 'name', kind: 'string', required: true, description: 'Singular name' },
        { key: 'major', kind: 'choice', required: false, default: 5, description: 'Major version', choices: [4, 5] },
        { key: 'kinds', kind: 'list', required: false, default: ['cors', 'helmet'], choices: ['cors', 'helmet'] },
        { key: 'put', kind: 'boolean', required: false, default: false },
        { key: 'limit', kind: 'number', required: false },
        { key: 'method', kind: 'choice', required: true, choices: ['GET', 'POST'] },
      ],
    );
  });

  it('describes every real generator without surprises (each option has a description)', () => {
    for (const id of ['project', 'resource', 'router', 'route', 'validation', 'auth', 'error-handler', 'middleware', 'health', 'config', 'tests']) {
      for (const option of describeOptions(generatorById(id)!.meta.options)) assert.ok(option.description, `${id}.${option.key}`);
    }
  });

  it('coerces command-line strings: numbers, booleans, lists, numeric choices', () => {
    const [name, major, kinds, put, limit] = describeOptions(schema);
    assert.deepEqual(coerceOption(major, ['4']), { ok: true, value: 4 });
    assert.deepEqual(coerceOption(kinds, ['cors,helmet']), { ok: true, value: ['cors', 'helmet'] });
    assert.deepEqual(coerceOption(kinds, ['cors', 'helmet']), { ok: true, value: ['cors', 'helmet'] });
    assert.deepEqual(coerceOption(put, [true]), { ok: true, value: true });
    assert.deepEqual(coerceOption(put, ['no']), { ok: true, value: false });
    assert.deepEqual(coerceOption(put, ['maybe']), { ok: false, problem: '--put is true or false, not "maybe"' });
    assert.deepEqual(coerceOption(limit, ['20']), { ok: true, value: 20 });
    assert.deepEqual(coerceOption(limit, ['lots']), { ok: false, problem: '--limit is a number, not "lots"' });
    assert.deepEqual(coerceOption(name, [true]), { ok: false, problem: '--name needs a value' });
    assert.deepEqual(coerceOption(name, ['a', 'b']), { ok: false, problem: '--name is given more than once' });
  });

  it('judges one answer by its own schema and by the cross-field rules, reporting only its own problems', () => {
    const options = describeOptions(schema);
    const name = options[0];
    assert.equal(answerProblem(schema, name, { method: 'get' }, ''), 'Too small: expected string to have >=1 characters');
    assert.equal(answerProblem(schema, name, { method: 'get' }, 'get'), 'not a method name');
    assert.equal(answerProblem(schema, name, { method: 'get' }, 'orders'), undefined);
    // An answer given before the others: only its own problems count.
    assert.equal(answerProblem(schema, name, {}, 'orders'), undefined);
    assert.deepEqual([...optionProblems(schema, { name: 'get', method: 'get' })], [['name', 'not a method name']]);
  });

  it('maps flags to keys and back', () => {
    assert.equal(optionKeyOf('id-type'), 'idType');
    assert.equal(optionKeyOf('protectResources'), 'protectResources');
    assert.equal(flagOf('protectResources'), '--protect-resources');
  });
});
