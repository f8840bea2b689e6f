import assert from 'node:assert/strict';
import { ts } from 'ts-morph';
import { ScaffoldError } from '../../errors';
import { runGeneratorInMemory } from '../../../../../test/helpers/golden';

const FLAVOURS = [
  { framework: 'express', major: 4, moduleSystem: 'cjs' },
  { framework: 'express', major: 5, moduleSystem: 'esm' },
  { framework: 'fastify', major: 4, moduleSystem: 'cjs' },
  { framework: 'fastify', major: 5, moduleSystem: 'esm' },
] as const;

function generate(options: Record<string, unknown>, existing: Record<string, string> = {}) {
  return runGeneratorInMemory('project', new Map(Object.entries(existing)), { options, installed: false });
}

function parseErrors(path: string, text: string): string[] {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (sourceFile as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((diagnostic) => `${path}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('project generator', () => {
  for (const flavour of FLAVOURS) {
    describe(`${flavour.framework} ${flavour.major} ${flavour.moduleSystem}`, () => {
      const { files } = generate({ name: 'demo-api', directory: 'demo', ...flavour });
      const names = [...files.keys()].sort();

      it('writes the project skeleton in the directory, with the modules of config, error-handler, middleware and health', () => {
        for (const expected of ['package.json', 'tsconfig.json', 'tsconfig.build.json', '.gitignore', '.env.example', 'README.md', 'src/app.ts', 'src/server.ts', 'src/config.ts', 'src/errors.ts', 'src/logger.ts']) {
          assert.ok(names.includes(`demo/${expected}`), `demo/${expected} in ${names.join(', ')}`);
        }
        const dir = flavour.framework === 'express' ? 'src/middleware' : 'src/plugins';
        for (const module of ['error-handler', 'request-id', 'cors', 'rate-limit']) assert.ok(names.includes(`demo/${dir}/${module}.ts`), `${dir}/${module}.ts`);
        assert.ok(names.includes('demo/src/routes/health.ts'));
        assert.ok(names.some((name) => /^demo\/test\/.*health.*\.test\.ts$/.test(name)), 'a health test');
        assert.equal(names.includes(`demo/src/middleware/async-handler.ts`), flavour.framework === 'express' && flavour.major === 4);
      });

      it('writes a package.json with the scripts and version-matched dependencies', () => {
        const manifest = JSON.parse(files.get('demo/package.json')!) as {
          name: string;
          type?: string;
          scripts: Record<string, string>;
          dependencies: Record<string, string>;
          devDependencies: Record<string, string>;
        };
        assert.equal(manifest.name, 'demo-api');
        assert.equal(manifest.type, flavour.moduleSystem === 'esm' ? 'module' : undefined);
        assert.deepEqual(Object.keys(manifest.scripts).sort(), ['build', 'dev', 'start', 'test', 'typecheck']);
        assert.match(manifest.scripts.dev, /^tsx watch /);
        assert.equal(manifest.scripts.test, 'vitest run');
        assert.match(manifest.dependencies[flavour.framework], new RegExp(`^\\^${flavour.major}\\.`));
        assert.ok(manifest.devDependencies.typescript && manifest.devDependencies.vitest && manifest.devDependencies.tsx);
        if (flavour.framework === 'express') assert.match(manifest.devDependencies['@types/express'], new RegExp(`^\\^${flavour.major}\\.`));
        else assert.match(manifest.dependencies['@fastify/rate-limit'], flavour.major === 4 ? /^\^9\./ : /^\^10\./);
      });

      it('uses NodeNext for ESM and CommonJS + Node for CJS, strict', () => {
        const { compilerOptions } = JSON.parse(files.get('demo/tsconfig.json')!) as { compilerOptions: Record<string, unknown> };
        assert.equal(compilerOptions.strict, true);
        assert.equal(compilerOptions.module, flavour.moduleSystem === 'esm' ? 'NodeNext' : 'CommonJS');
        assert.equal(compilerOptions.moduleResolution, flavour.moduleSystem === 'esm' ? 'NodeNext' : 'Node');
      });

      it('writes TypeScript that parses, with .js suffixes exactly under ESM, and no placeholders or any', () => {
        for (const [name, text] of files) {
          if (!name.endsWith('.ts')) continue;
          assert.deepEqual(parseErrors(name, text), []);
          assert.doesNotMatch(text, /\bTODO\b|FIXME|\bany\b(?![- ])|<%/, name);
          const relativeImports = [...text.matchAll(/from '(\.\.?\/[^']+)'/g)].map((match) => match[1]);
          for (const specifier of relativeImports) {
            assert.equal(specifier.endsWith('.js'), flavour.moduleSystem === 'esm', `${name}: ${specifier}`);
          }
        }
      });
    });
  }

  it('refuses a folder that is not empty, changing nothing', () => {
    assert.throws(
      () => generate({ name: 'demo-api', framework: 'express', directory: 'demo' }, { 'demo/notes.txt': 'mine' }),
      (error: unknown) => error instanceof ScaffoldError && /not empty/.test(error.message),
    );
  });

  it('refuses names npm would refuse and directories outside the current folder', () => {
    for (const name of ['My API', '.hidden', 'UPPER', 'a/b/c']) {
      assert.throws(() => generate({ name, framework: 'express' }), (error: unknown) => error instanceof ScaffoldError && /--name/.test(error.message), name);
    }
    assert.throws(() => generate({ name: 'ok', framework: 'express', directory: '../elsewhere' }), /--directory/);
  });

  it('accepts scoped names', () => {
    const { files } = generate({ name: '@acme/orders-api', framework: 'fastify', directory: 'orders' });
    assert.equal((JSON.parse(files.get('orders/package.json')!) as { name: string }).name, '@acme/orders-api');
  });
});
