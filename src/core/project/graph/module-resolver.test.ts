import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../model/file-system';
import { parseJsonc } from '../../model/jsonc';
import { ModuleResolver } from './module-resolver';

describe('ModuleResolver', () => {
  const host = new InMemoryFileSystem([
    ['/p/package.json', JSON.stringify({ name: 'p', imports: { '#config': './src/config.ts', '#lib/*': { types: './types/*.d.ts', default: './src/lib/*.js' } } })],
    ['/p/tsconfig.json', '{\n  // app config\n  "extends": "./configs/base.json",\n  "compilerOptions": { "strict": true, },\n}\n'],
    ['/p/configs/base.json', '{ "extends": "@acme/tsconfig/node.json", "compilerOptions": { "paths": { "@/*": ["../src/*"], "~db": ["../src/db/index.ts"] } } }'],
    ['/p/node_modules/@acme/tsconfig/node.json', '{ "compilerOptions": { "baseUrl": "../../../src" } }'],
    ['/p/src/app.ts', ''],
    ['/p/src/config.ts', ''],
    ['/p/src/routes/users.ts', ''],
    ['/p/src/routes/index.ts', ''],
    ['/p/src/routes/legacy.js', ''],
    ['/p/src/routes/types.d.ts', ''],
    ['/p/src/lib/jwt.ts', ''],
    ['/p/src/db/index.ts', ''],
    ['/p/src/shared/logger.mts', ''],
    ['/p/src/shared/worker.cts', ''],
    ['/q/tsconfig.json', '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }] }'],
    ['/q/tsconfig.app.json', '{ "compilerOptions": { "paths": { "@app/*": ["./app/*"] } } }'],
    ['/q/app/main.ts', ''],
    ['/q/app/util.js', ''],
  ]);
  const resolver = new ModuleResolver(host);
  const from = '/p/src/app.ts';

  it('resolves relative specifiers with and without extensions, NodeNext .js for .ts, and folder index files', () => {
    assert.equal(resolver.resolve('./routes/users', from), '/p/src/routes/users.ts');
    assert.equal(resolver.resolve('./routes/users.js', from), '/p/src/routes/users.ts');
    assert.equal(resolver.resolve('./routes/legacy.js', from), '/p/src/routes/legacy.js');
    assert.equal(resolver.resolve('./routes', from), '/p/src/routes/index.ts');
    assert.equal(resolver.resolve('./routes/index.js', from), '/p/src/routes/index.ts');
    assert.equal(resolver.resolve('../src/shared/logger.mjs', from), '/p/src/shared/logger.mts');
    assert.equal(resolver.resolve('./shared/worker.cjs', from), '/p/src/shared/worker.cts');
    assert.equal(resolver.resolve('./routes/types', from), undefined);
    assert.equal(resolver.resolve('./missing', from), undefined);
  });

  it('follows tsconfig paths through an extends chain (relative and from node_modules), and baseUrl', () => {
    assert.equal(resolver.resolve('@/routes/users', from), '/p/src/routes/users.ts');
    assert.equal(resolver.resolve('@/routes/users.js', '/p/src/routes/index.ts'), '/p/src/routes/users.ts');
    assert.equal(resolver.resolve('~db', from), '/p/src/db/index.ts');
    assert.equal(resolver.resolve('routes/users', from), '/p/src/routes/users.ts');
  });

  it('takes paths from the project a solution-style tsconfig references', () => {
    assert.equal(resolver.resolve('@app/util', '/q/app/main.ts'), '/q/app/util.js');
  });

  it('resolves package.json subpath imports and leaves packages to node_modules', () => {
    assert.equal(resolver.resolve('#config', from), '/p/src/config.ts');
    assert.equal(resolver.resolve('#lib/jwt', from), '/p/src/lib/jwt.ts');
    assert.equal(resolver.resolve('express', from), undefined);
    assert.equal(resolver.resolve('node:path', from), undefined);
  });
});

describe('parseJsonc', () => {
  it('accepts comments and trailing commas without touching strings', () => {
    assert.deepEqual(parseJsonc('{ "a": "// not a comment", /* c */ "b": [1, 2,], }'), { a: '// not a comment', b: [1, 2] });
    assert.deepEqual(parseJsonc('{ "url": "http://x/*y*/" } // end'), { url: 'http://x/*y*/' });
    assert.equal(parseJsonc('{ broken'), undefined);
  });
});
