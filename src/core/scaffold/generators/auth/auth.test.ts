import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GOLDEN_ROOT, readTree, runGeneratorInMemory, TEMPLATES_DIR } from '../../../../../test/helpers/golden';

/** Small existing projects of each flavour (the health generator's golden inputs). */
const PROJECTS = ['express4-cjs', 'express5-esm', 'fastify4', 'fastify5-esm'];
const RESOURCE = { name: 'gadget', fields: 'name:string price:number sku:string!', tests: false };

function run(generatorId: string, files: Map<string, string>, options: Record<string, unknown> = {}): Map<string, string> {
  return runGeneratorInMemory(generatorId, files, { options }).files;
}

describe('auth generator', () => {
  it('writes the same framework-neutral modules for Express and Fastify (the templates are kept identical)', () => {
    for (const name of ['schemas', 'password', 'tokens', 'refresh-tokens', 'users', 'service', 'setup-env', 'vitest.config']) {
      const file = `${name}.ts.ejs`;
      const express = fs.readFileSync(path.join(TEMPLATES_DIR, 'express/auth', file), 'utf8');
      const fastify = fs.readFileSync(path.join(TEMPLATES_DIR, 'fastify/auth', file), 'utf8');
      assert.equal(fastify, express, `templates/fastify/auth/${file} differs from templates/express/auth/${file}`);
    }
  });

  it('brings resource tests kept beside the sources (src/**/x.test.ts) up to date when it protects the routes', function () {
    this.timeout(120_000);
    const before = readTree(path.join(GOLDEN_ROOT, 'health', 'express5-esm', 'before'));
    // An app exported as an instance (no factory): the tests need no hook until they need a token.
    before.set('src/app.ts', "import express from 'express';\nimport { productsRouter } from './routes/products.js';\n\nexport const app = express();\napp.use(express.json());\napp.use('/api/products', productsRouter);\n");
    before.set('src/server.ts', "import { app } from './app.js';\n\napp.listen(3000);\n");
    before.set('src/routes/products.test.ts', "import { expect, it } from 'vitest';\n\nit('works', () => {\n  expect(1).toBe(1);\n});\n");
    const withResource = run('resource', before, { ...RESOURCE, tests: true });
    const testFile = 'src/routes/gadgets.test.ts';
    assert.doesNotMatch(withResource.get(testFile) ?? '', /signAccessToken/, 'the resource tests, written before auth');
    const withAuth = runGeneratorInMemory('auth', withResource);
    assert.match(withAuth.files.get(testFile)!, /signAccessToken/, 'the tests send a token once the routes require one');
    assert.ok(withAuth.result.notes.some((note) => note.includes(`${testFile} was updated`)), withAuth.result.notes.join('\n'));
  });

  for (const project of PROJECTS) {
    describe(project, function () {
      this.timeout(120_000);
      const before = readTree(path.join(GOLDEN_ROOT, 'health', project, 'before'));

      it('protects a resource exactly as the resource generator writes it when auth is already there', () => {
        const resourceThenAuth = run('auth', run('resource', before, RESOURCE));
        const authThenResource = run('resource', run('auth', before), RESOURCE);
        const routers = [...resourceThenAuth.keys()].filter((file) => /^src\/routes\/gadgets\.ts$/.test(file));
        assert.equal(routers.length, 1, 'the gadgets router');
        const router = routers[0];
        assert.match(resourceThenAuth.get(router)!, project.startsWith('express') ? /requireAuth, validate/ : /onRequest: \[app\.authenticate\]/);
        assert.equal(resourceThenAuth.get(router), authThenResource.get(router));
      });

      it('leaves nothing for resource or auth to do when they run again', () => {
        const files = run('auth', run('resource', before, RESOURCE));
        for (const [generatorId, options] of [['resource', RESOURCE], ['auth', {}]] as const) {
          const again = runGeneratorInMemory(generatorId, files, { options });
          assert.deepEqual(again.changes.map((change) => change.path), [], `${generatorId} changed files on a second run`);
        }
      });

      it(`depends on jose ${project.includes('esm') ? '6 (ESM)' : '5, which ships a CommonJS build'}`, () => {
        const manifest = JSON.parse(run('auth', before).get('package.json')!) as { dependencies: Record<string, string> };
        assert.equal(manifest.dependencies.jose, project.includes('esm') ? '^6.1.0' : '^5.10.0');
      });
    });
  }
});
