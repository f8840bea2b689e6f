import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeOptions } from '../core/generator-options/describe';
import { parseGeneratorOptions, splitAddArguments } from './add-args';
import { unifiedHunks } from './change-preview';
import { UsageError } from './io';

const options = describeOptions(
  z.object({
    name: z.string(),
    fields: z.string().optional(),
    idType: z.enum(['uuid', 'number']).default('uuid'),
    tests: z.boolean().default(true),
    major: z.union([z.literal(4), z.literal(5)]).default(5),
    kinds: z.array(z.enum(['cors', 'helmet', 'compression'])).default(['cors']),
  }),
);

describe('routewise add arguments', () => {
  it('separates the command\'s own flags from the generator and its options, wherever they are', () => {
    assert.deepEqual(splitAddArguments(['--cwd', 'api', 'resource', '--name', 'x', '--dry-run']), { dryRun: true, help: false, cwd: 'api', generatorId: 'resource', optionTokens: ['--name', 'x'] });
    assert.deepEqual(splitAddArguments(['resource', '--cwd=api', '-h']), { dryRun: false, help: true, cwd: 'api', generatorId: 'resource', optionTokens: [] });
    assert.throws(() => splitAddArguments(['resource', '--cwd']), UsageError);
  });

  it('parses --key value, --key=value, bare and negated flags, repeated lists, and coerces by the schema', () => {
    assert.deepEqual(
      parseGeneratorOptions('resource', ['--name', 'product', '--fields=title:string price:number?', '--id-type', 'number', '--no-tests', '--major', '4', '--kinds', 'cors,helmet', '--kinds', 'compression'], options),
      { name: 'product', fields: 'title:string price:number?', idType: 'number', tests: false, major: 4, kinds: ['cors', 'helmet', 'compression'] },
    );
    assert.deepEqual(parseGeneratorOptions('resource', ['--tests', '--name', 'x'], options), { tests: true, name: 'x' });
    assert.deepEqual(parseGeneratorOptions('resource', ['--tests', 'false'], options), { tests: false });
  });

  it('refuses unknown options and stray values with the known options listed', () => {
    assert.throws(() => parseGeneratorOptions('resource', ['--nmae', 'x'], options), { message: 'Unknown option --nmae for resource; its options are --name, --fields, --id-type, --tests, --major, --kinds' });
    assert.throws(() => parseGeneratorOptions('resource', ['product'], options), { message: 'Unexpected argument "product" (options are written --name value)' });
    assert.throws(() => parseGeneratorOptions('config', ['--name', 'x'], []), { message: 'Unknown option --name: the config generator takes no options' });
    assert.throws(() => parseGeneratorOptions('resource', ['--name'], options), { message: '--name needs a value' });
  });
});

describe('dry-run hunks', () => {
  const text = ['import a from "a";', '', 'const app = a();', 'app.use(x);', 'app.use(y);', '', 'export default app;', ''].join('\n');

  it('shows an insertion with two lines of context and numbers from both sides', () => {
    const at = text.indexOf('app.use(y);') + 'app.use(y);'.length;
    assert.deepEqual(unifiedHunks(text, [{ start: at, end: at, newText: '\napp.use(z);' }]), [
      '@@ -3,5 +3,6 @@',
      ' const app = a();',
      ' app.use(x);',
      ' app.use(y);',
      '+app.use(z);',
      ' ',
      ' export default app;',
    ]);
  });

  it('shows a replacement as - then +, and shifts later hunks by the lines added before them', () => {
    const long = Array.from({ length: 20 }, (_, index) => `line ${index + 1}`).join('\n') + '\n';
    const first = long.indexOf('line 2');
    const last = long.indexOf('line 18');
    const hunks = unifiedHunks(long, [
      { start: first, end: first, newText: 'inserted\n' },
      { start: last, end: last + 'line 18'.length, newText: 'line eighteen' },
    ]);
    assert.deepEqual(hunks, [
      '@@ -1,4 +1,5 @@',
      ' line 1',
      '+inserted',
      ' line 2',
      ' line 3',
      ' line 4',
      '@@ -16,5 +17,5 @@',
      ' line 16',
      ' line 17',
      '-line 18',
      '+line eighteen',
      ' line 19',
      ' line 20',
    ]);
  });
});
