import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../model/file-system';
import { IgnoreRules } from './ignore';
import { listSourceFiles } from './source-files';

describe('listSourceFiles', () => {
  const host = new InMemoryFileSystem([
    ['/p/.gitignore', 'generated/\n*.gen.ts\n/scripts/local.js\n!keep.gen.ts\n'],
    ['/p/src/app.ts', ''],
    ['/p/src/types.d.ts', ''],
    ['/p/src/a.gen.ts', ''],
    ['/p/src/keep.gen.ts', ''],
    ['/p/src/generated/x.ts', ''],
    ['/p/src/readme.md', ''],
    ['/p/scripts/local.js', ''],
    ['/p/scripts/other.mjs', ''],
    ['/p/node_modules/express/index.js', ''],
    ['/p/dist/app.js', ''],
    ['/p/packages/api/.gitignore', 'tmp\n'],
    ['/p/packages/api/src/tmp/x.ts', ''],
    ['/p/packages/api/src/server.cts', ''],
  ]);

  it('lists JS/TS sources, skipping node_modules, build output, declarations and ignored paths', () => {
    assert.deepEqual(listSourceFiles('/p', host), [
      '/p/packages/api/src/server.cts',
      '/p/scripts/other.mjs',
      '/p/src/app.ts',
      '/p/src/keep.gen.ts',
    ]);
  });

  it('accepts a single file as the root', () => {
    assert.deepEqual(listSourceFiles('/p/src/app.ts', host), ['/p/src/app.ts']);
  });
});

describe('IgnoreRules', () => {
  it('anchors patterns with a slash and matches unanchored ones at any depth', () => {
    const rules = new IgnoreRules('/build\nlogs/**/debug.log\n*.tmp');
    assert.equal(rules.ignores('build', true), true);
    assert.equal(rules.ignores('src/build', true), false);
    assert.equal(rules.ignores('logs/a/b/debug.log', false), true);
    assert.equal(rules.ignores('logs/debug.log', false), true);
    assert.equal(rules.ignores('deep/x.tmp', false), true);
  });
});
