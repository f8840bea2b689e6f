import assert from 'node:assert/strict';
import * as path from 'node:path';
import { GOLDEN_ROOT, readTree, runGeneratorInMemory } from '../../../../test/helpers/golden';

const TSCONFIG = '{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "esModuleInterop": true, "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }\n';
const ALIASED = [
  "import { a } from '@/lib/a';",
  "import { b } from '@/lib/b';",
  "import { c } from '@/lib/c';",
  '',
  'export const all = [a, b, c];',
  '',
].join('\n');

describe('import specifiers follow the project and the file being edited', function () {
  this.timeout(120_000);
  const base = readTree(path.join(GOLDEN_ROOT, 'health', 'express4-cjs', 'before'));

  it('new files import through the alias the project mostly uses; a file importing only relatively stays relative', () => {
    const project = new Map([...base, ['tsconfig.json', TSCONFIG], ['src/lib/all.ts', ALIASED], ['src/lib/a.ts', 'export const a = 1;\n'], ['src/lib/b.ts', 'export const b = 2;\n'], ['src/lib/c.ts', 'export const c = 3;\n']]);
    const { files } = runGeneratorInMemory('health', project);
    assert.match(files.get('src/routes/health.ts')!, /from '@\/middleware\/async-handler'/);
    // src/app.ts imports only relatively (./routes/orders): its new import is relative too.
    assert.match(files.get('src/app.ts')!, /from '\.\/routes\/health'/);
    assert.doesNotMatch(files.get('src/app.ts')!, /from '@\//);
    assert.deepEqual(runGeneratorInMemory('health', files).changes, [], 'a second run changes nothing');
  });

  it('without alias imports in the code, everything stays relative', () => {
    const { files } = runGeneratorInMemory('health', new Map([...base, ['tsconfig.json', TSCONFIG]]));
    assert.match(files.get('src/routes/health.ts')!, /from '\.\.\/middleware\/async-handler'/);
  });
});
