import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InMemoryFileSystem } from '../model/file-system';
import { toPosix } from '../model/paths';
import { ProjectDetector, detectProject, majorFromRange, majorFromVersion, moduleSystemOfFile } from './detect';
import { unknownProject } from './project-info';

/** Objects become pretty JSON, like package.json files on disk; strings are kept verbatim. */
function disk(files: Record<string, string | object>): InMemoryFileSystem {
  return new InMemoryFileSystem(
    Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`]),
  );
}

function installed(name: string, version: string): string {
  return JSON.stringify({ name, version, main: 'index.js', license: 'MIT' });
}

/** A package.json as `npm init` + `npm install` leave it. */
const expressApi = {
  name: 'orders-api',
  version: '1.0.0',
  main: 'dist/server.js',
  scripts: { build: 'tsc', start: 'node dist/server.js', test: 'jest --runInBand' },
  dependencies: { express: '^4.18.2', zod: '^3.23.8', jsonwebtoken: '^9.0.2' },
  devDependencies: { '@types/express': '^4.17.21', jest: '^29.7.0', typescript: '^5.4.5' },
};

describe('detectProject', () => {
  describe('owning package', () => {
    it('is the nearest package.json above the file', () => {
      const host = disk({ '/repo/package.json': expressApi, '/repo/src/routes/users.ts': '' });
      const info = detectProject('/repo/src/routes/users.ts', host);
      assert.equal(info.root, '/repo');
      assert.equal(info.packageJsonPath, '/repo/package.json');
      assert.deepEqual(info.dependencies, { ...expressApi.devDependencies, ...expressApi.dependencies });
    });

    it('falls back to the file directory with defaults when there is no package.json', () => {
      const host = disk({ '/scratch/app.js': 'require("express")' });
      assert.deepEqual(detectProject('/scratch/app.js', host), { ...unknownProject('/scratch'), zodImport: 'zod' });
    });

    it('gives a workspace folder of a monorepo its own package, with the lockfile and hoisted install of the root', () => {
      const host = disk({
        '/mono/package.json': { name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5.5.0' } },
        '/mono/pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
        '/mono/node_modules/fastify/package.json': installed('fastify', '5.2.1'),
        '/mono/packages/api/package.json': { name: '@mono/api', type: 'module', dependencies: { fastify: '^5.0.0' } },
        '/mono/packages/api/src/server.ts': '',
        '/mono/packages/web/package.json': { name: '@mono/web', dependencies: { react: '^18.3.1' } },
      });
      const api = detectProject('/mono/packages/api/src/server.ts', host);
      assert.equal(api.root, '/mono/packages/api');
      assert.equal(api.framework, 'fastify');
      assert.equal(api.frameworkMajor, 5);
      assert.equal(api.frameworkVersionSource, 'installed');
      assert.equal(api.packageManager, 'pnpm');
      assert.equal(api.moduleSystem, 'esm');
      const root = detectProject('/mono/scripts/release.mjs', host);
      assert.equal(root.root, '/mono');
      assert.equal(root.framework, undefined, 'a hoisted package the root does not declare is not its framework');
    });

    it('lets a package nested inside another package own its files', () => {
      const host = disk({
        '/repo/package.json': { name: 'outer', dependencies: { fastify: '^4.26.0' } },
        '/repo/tools/mock-server/package.json': { name: 'mock-server', dependencies: { express: '~5.0.0' } },
      });
      const info = detectProject('/repo/tools/mock-server/index.js', host);
      assert.equal(info.root, '/repo/tools/mock-server');
      assert.equal(info.framework, 'express');
      assert.equal(info.frameworkMajor, 5);
    });
  });

  describe('framework and major', () => {
    it('takes the major from the declared range when nothing is installed', () => {
      const info = detectProject('/repo/src/app.ts', disk({ '/repo/package.json': expressApi }));
      assert.equal(info.framework, 'express');
      assert.equal(info.frameworkMajor, 4);
      assert.equal(info.frameworkVersionSource, 'declared');
    });

    it('prefers the installed version over the declared range', () => {
      const host = disk({
        '/repo/package.json': expressApi,
        '/repo/node_modules/express/package.json': installed('express', '5.1.0'),
      });
      const info = detectProject('/repo/src/app.ts', host);
      assert.equal(info.frameworkMajor, 5);
      assert.equal(info.frameworkVersionSource, 'installed');
    });

    it('resolves the installed package like Node: the nearest node_modules wins', () => {
      const host = disk({
        '/mono/node_modules/express/package.json': installed('express', '5.1.0'),
        '/mono/apps/legacy/package.json': { name: 'legacy', dependencies: { express: '*' } },
        '/mono/apps/legacy/node_modules/express/package.json': installed('express', '4.21.2'),
      });
      assert.equal(detectProject('/mono/apps/legacy/app.js', host).frameworkMajor, 4);
    });

    it('falls back to the range when the installed package.json is unreadable', () => {
      const host = disk({
        '/repo/package.json': { dependencies: { fastify: '^4.28.1' } },
        '/repo/node_modules/fastify/package.json': '{ "name": "fastify", "version": ',
      });
      const info = detectProject('/repo/src/app.ts', host);
      assert.equal(info.frameworkMajor, 4);
      assert.equal(info.frameworkVersionSource, 'declared');
    });

    it('knows the framework but not the major for dist-tags, wildcards, workspace and git ranges', () => {
      for (const range of ['latest', '*', 'workspace:*', 'github:expressjs/express#5.0', 'git+https://github.com/expressjs/express.git']) {
        const info = detectProject('/repo/app.js', disk({ '/repo/package.json': { dependencies: { express: range } } }));
        assert.equal(info.framework, 'express', range);
        assert.equal(info.frameworkMajor, undefined, range);
        assert.equal(info.frameworkVersionSource, 'declared', range);
      }
    });

    it('reports no framework when neither is declared', () => {
      const host = disk({
        '/repo/package.json': { dependencies: { koa: '^2.15.3' }, devDependencies: { 'webpack-dev-server': '^5.0.4' } },
        '/repo/node_modules/express/package.json': installed('express', '4.19.2'),
      });
      const info = detectProject('/repo/src/index.ts', host);
      assert.equal(info.framework, undefined);
      assert.equal(info.frameworkMajor, undefined);
      assert.equal(info.frameworkVersionSource, 'none');
    });

    it('accepts a framework declared only as a peer dependency', () => {
      const host = disk({ '/lib/package.json': { name: 'fastify-plugin-x', peerDependencies: { fastify: '>=4 <6' } } });
      const info = detectProject('/lib/index.ts', host);
      assert.equal(info.framework, 'fastify');
      assert.equal(info.frameworkMajor, 4);
    });

    it('prefers the framework in dependencies over one in devDependencies', () => {
      const host = disk({
        '/repo/package.json': { dependencies: { fastify: '^5.1.0' }, devDependencies: { express: '^4.21.0' } },
        '/repo/node_modules/express/package.json': installed('express', '4.21.0'),
      });
      const info = detectProject('/repo/src/app.ts', host);
      assert.equal(info.framework, 'fastify');
      assert.equal(info.frameworkMajor, 5);
    });

    it('prefers the installed framework when both are runtime dependencies', () => {
      const host = disk({
        '/repo/package.json': { dependencies: { express: '^4.21.0', fastify: '^5.1.0' } },
        '/repo/node_modules/fastify/package.json': installed('fastify', '5.1.0'),
      });
      assert.equal(detectProject('/repo/src/app.ts', host).framework, 'fastify');
    });

    it('treats express as a compatibility layer when @fastify/express is used', () => {
      const host = disk({ '/repo/package.json': { dependencies: { '@fastify/express': '^3.0.0', express: '^4.21.0', fastify: '^4.28.1' } } });
      assert.equal(detectProject('/repo/src/app.ts', host).framework, 'fastify');
    });
  });

  describe('module system and language', () => {
    it('is esm for type module and cjs otherwise', () => {
      const host = disk({
        '/esm/package.json': { type: 'module' },
        '/cjs/package.json': { type: 'commonjs' },
        '/plain/package.json': { name: 'plain' },
      });
      assert.equal(detectProject('/esm/a.ts', host).moduleSystem, 'esm');
      assert.equal(detectProject('/cjs/a.ts', host).moduleSystem, 'cjs');
      assert.equal(detectProject('/plain/a.ts', host).moduleSystem, 'cjs');
    });

    it('lets a file extension override the package type', () => {
      const esm = { moduleSystem: 'esm' as const };
      const cjs = { moduleSystem: 'cjs' as const };
      assert.equal(moduleSystemOfFile('/p/a.cts', esm), 'cjs');
      assert.equal(moduleSystemOfFile('/p/a.cjs', esm), 'cjs');
      assert.equal(moduleSystemOfFile('/p/a.mts', cjs), 'esm');
      assert.equal(moduleSystemOfFile('/p/a.mjs', cjs), 'esm');
      assert.equal(moduleSystemOfFile('/p/a.ts', esm), 'esm');
      assert.equal(moduleSystemOfFile('/p/a.js', cjs), 'cjs');
    });

    it('sees TypeScript in the dependencies or in a tsconfig.json at the root', () => {
      const host = disk({
        '/a/package.json': { devDependencies: { typescript: '~5.6.2' } },
        '/b/package.json': { devDependencies: { tsx: '^4.19.0' } },
        '/b/tsconfig.json': '{\n  // comments are allowed here\n  "compilerOptions": { "strict": true }\n}\n',
        '/c/package.json': { dependencies: { express: '^4.21.0' } },
      });
      assert.equal(detectProject('/a/src/x.ts', host).typescript, true);
      assert.equal(detectProject('/b/src/x.ts', host).typescript, true);
      assert.equal(detectProject('/c/src/x.js', host).typescript, false);
    });
  });

  describe('zod', () => {
    it('takes the installed major before the declared one', () => {
      const host = disk({
        '/repo/package.json': { dependencies: { zod: '^4.0.0' } },
        '/repo/node_modules/zod/package.json': installed('zod', '3.25.76'),
      });
      assert.equal(detectProject('/repo/src/a.ts', host).zodMajor, 3);
      assert.equal(detectProject('/other/src/a.ts', disk({ '/other/package.json': { dependencies: { zod: '^4.1.5' } } })).zodMajor, 4);
      assert.equal(detectProject('/none/a.ts', disk({ '/none/package.json': {} })).zodMajor, undefined);
    });

    it('imports from zod unless the sampled imports use the zod/v4 subpath', () => {
      const host = disk({ '/repo/package.json': { dependencies: { zod: '~3.25.0' } } });
      assert.equal(detectProject('/repo/a.ts', host).zodImport, 'zod');
      assert.equal(detectProject('/repo/a.ts', host, ['express', 'zod']).zodImport, 'zod');
      assert.equal(detectProject('/repo/a.ts', host, ['express', 'zod/v4']).zodImport, 'zod/v4');
    });
  });

  describe('test runner', () => {
    const runnerOf = (manifest: object) => detectProject('/repo/a.ts', disk({ '/repo/package.json': manifest })).testRunner;

    it('reads scripts.test', () => {
      assert.equal(runnerOf({ scripts: { test: 'vitest run' } }), 'vitest');
      assert.equal(runnerOf({ scripts: { test: 'cross-env NODE_ENV=test jest --coverage' } }), 'jest');
      assert.equal(runnerOf({ scripts: { test: 'c8 mocha "test/**/*.test.ts"' } }), 'mocha');
      assert.equal(runnerOf({ scripts: { test: 'tap --reporter=terse' } }), 'tap');
      assert.equal(runnerOf({ scripts: { test: 'npm run lint && ava' } }), 'ava');
      assert.equal(runnerOf({ scripts: { test: 'node --import tsx --test src/**/*.test.ts' } }), 'node');
      assert.equal(runnerOf({ scripts: { test: './node_modules/.bin/jest' } }), 'jest');
    });

    it('follows the script that scripts.test runs', () => {
      assert.equal(runnerOf({ scripts: { test: 'npm run test:unit', 'test:unit': 'vitest run --dir src' } }), 'vitest');
      assert.equal(runnerOf({ scripts: { test: 'yarn test:unit', 'test:unit': 'yarn test' } }), undefined);
    });

    it('falls back to the dev dependencies, script first', () => {
      assert.equal(runnerOf({ devDependencies: { jest: '^29.7.0', 'ts-jest': '^29.1.0' } }), 'jest');
      assert.equal(runnerOf({ scripts: { test: 'vitest' }, devDependencies: { jest: '^29.7.0' } }), 'vitest');
      assert.equal(runnerOf({ scripts: { test: 'echo "Error: no test specified" && exit 1' } }), undefined);
    });
  });

  describe('package manager', () => {
    const managerOf = (files: Record<string, string | object>) => detectProject('/repo/src/a.ts', disk({ '/repo/package.json': {}, ...files })).packageManager;

    it('follows the lockfile', () => {
      assert.equal(managerOf({ '/repo/pnpm-lock.yaml': '' }), 'pnpm');
      assert.equal(managerOf({ '/repo/yarn.lock': '' }), 'yarn');
      assert.equal(managerOf({ '/repo/bun.lockb': '' }), 'bun');
      assert.equal(managerOf({ '/repo/bun.lock': '' }), 'bun');
      assert.equal(managerOf({ '/repo/package-lock.json': '{}' }), 'npm');
      assert.equal(managerOf({}), 'npm');
    });

    it('lets the packageManager field win over lockfiles', () => {
      const host = disk({ '/repo/package.json': { packageManager: 'yarn@4.5.1+sha512.abc' }, '/repo/package-lock.json': '{}' });
      assert.equal(detectProject('/repo/src/a.ts', host).packageManager, 'yarn');
    });

    it('looks up to the repository root but not beyond it', () => {
      const host = disk({
        '/home/me/yarn.lock': '',
        '/home/me/work/.git/HEAD': 'ref: refs/heads/main\n',
        '/home/me/work/package.json': { packageManager: 'pnpm@9.12.0' },
        '/home/me/work/apps/api/package.json': { name: 'api' },
        '/home/me/solo/.git/HEAD': 'ref: refs/heads/main\n',
        '/home/me/solo/package.json': { name: 'solo' },
        '/home/me/loose/app/package.json': { name: 'app' },
      });
      assert.equal(detectProject('/home/me/work/apps/api/index.ts', host).packageManager, 'pnpm');
      assert.equal(detectProject('/home/me/solo/index.ts', host).packageManager, 'npm', 'stops at the repository root');
      assert.equal(detectProject('/home/me/loose/app/index.ts', host).packageManager, 'yarn');
    });
  });

  describe('malformed package.json', () => {
    it('keeps the package root, ignores the content and still reads the rest of the project', () => {
      const host = disk({
        '/repo/package.json': '{\n  "name": "api",\n  "dependencies": {\n    "express": "^4.18.2",\n',
        '/repo/tsconfig.json': '{}',
        '/repo/yarn.lock': '',
        '/repo/node_modules/express/package.json': installed('express', '4.18.2'),
      });
      const info = detectProject('/repo/src/app.ts', host);
      assert.equal(info.root, '/repo');
      assert.equal(info.packageJsonPath, '/repo/package.json');
      assert.equal(info.framework, undefined);
      assert.equal(info.frameworkVersionSource, 'none');
      assert.equal(info.typescript, true);
      assert.equal(info.packageManager, 'yarn');
      assert.deepEqual(info.dependencies, {});
    });

    it('ignores JSON of the wrong shape field by field', () => {
      for (const text of ['null', '[]', '"express"', '42', '']) {
        assert.doesNotThrow(() => detectProject('/repo/a.ts', disk({ '/repo/package.json': text })), text);
      }
      const info = detectProject('/repo/a.ts', disk({
        '/repo/package.json': {
          type: ['module'],
          packageManager: 7,
          scripts: 'jest',
          dependencies: { express: { version: '4' }, fastify: '^4.28.0', zod: null },
          devDependencies: ['typescript'],
        },
      }));
      assert.equal(info.moduleSystem, 'cjs');
      assert.equal(info.framework, 'fastify');
      assert.equal(info.typescript, false);
      assert.equal(info.testRunner, undefined);
      assert.deepEqual(info.dependencies, { fastify: '^4.28.0' });
    });

    it('tolerates a byte order mark', () => {
      const info = detectProject('/repo/a.ts', disk({ '/repo/package.json': `\uFEFF${JSON.stringify({ type: 'module' })}` }));
      assert.equal(info.moduleSystem, 'esm');
    });
  });
});

describe('majorFromRange', () => {
  const cases: [string, number | undefined][] = [
    ['^4.18.2', 4],
    ['~5.0.0', 5],
    ['>=4 <6', 4],
    ['>= 4.17.0 < 6', 4],
    ['5.x', 5],
    ['4', 4],
    ['4.21.2', 4],
    ['=4.21.2', 4],
    ['v5.1.0', 5],
    ['5.0.0-beta.3', 5],
    ['^4 || ^5', 4],
    ['5.x || 4.x', 4],
    ['4.0.0 - 5.1.0', 4],
    ['>4', 5],
    ['>4.1', 4],
    ['npm:express@^5.1.0', 5],
    ['npm:@acme/express-fork@~4.2.0', 4],
    ['<5', undefined],
    ['latest', undefined],
    ['next', undefined],
    ['*', undefined],
    ['x', undefined],
    ['', undefined],
    ['workspace:*', undefined],
    ['workspace:^4.0.0', undefined],
    ['catalog:', undefined],
    ['file:../express', undefined],
    ['github:expressjs/express', undefined],
    ['expressjs/express#v5.1.0', undefined],
    ['https://registry.example.com/express-4.21.2.tgz', undefined],
  ];
  for (const [range, major] of cases) {
    it(`${JSON.stringify(range)} → ${String(major)}`, () => assert.equal(majorFromRange(range), major));
  }

  it('reads installed versions', () => {
    assert.equal(majorFromVersion('4.21.2'), 4);
    assert.equal(majorFromVersion('5.0.0-rc.1'), 5);
    assert.equal(majorFromVersion('not-a-version'), undefined);
    assert.equal(majorFromVersion(undefined), undefined);
  });
});

describe('ProjectDetector', () => {
  it('reads each package once and answers from its cache', () => {
    const host = disk({ '/repo/package.json': expressApi });
    let reads = 0;
    const readFile = host.readFile.bind(host);
    host.readFile = (path) => {
      reads++;
      return readFile(path);
    };
    const detector = new ProjectDetector(host);
    const first = detector.detect('/repo/src/app.ts');
    const readsAfterFirst = reads;
    assert.equal(detector.detect('/repo/src/routes/users.ts'), first);
    assert.equal(detector.detect('/repo/src/app.ts'), first);
    assert.equal(reads, readsAfterFirst);
  });

  it('sees a changed package.json after invalidating it', () => {
    const host = disk({ '/repo/package.json': expressApi });
    const detector = new ProjectDetector(host);
    assert.equal(detector.detect('/repo/src/app.ts').framework, 'express');
    host.files.set('/repo/package.json', JSON.stringify({ dependencies: { fastify: '^5.0.0' } }));
    assert.equal(detector.detect('/repo/src/app.ts').framework, 'express', 'cached until invalidated');
    detector.invalidate('/repo/package.json');
    assert.equal(detector.detect('/repo/src/app.ts').framework, 'fastify');
  });

  it('re-resolves the owner when a package.json appears in between', () => {
    const host = disk({ '/mono/package.json': { name: 'mono' } });
    const detector = new ProjectDetector(host);
    assert.equal(detector.detect('/mono/packages/api/src/app.ts').root, '/mono');
    host.files.set('/mono/packages/api/package.json', JSON.stringify({ dependencies: { express: '^5.1.0' } }));
    detector.invalidate('/mono/packages/api/package.json');
    assert.equal(detector.detect('/mono/packages/api/src/app.ts').root, '/mono/packages/api');
  });

  it('invalidates every package below a changed lockfile or installed package', () => {
    const host = disk({
      '/mono/package.json': { name: 'mono' },
      '/mono/packages/api/package.json': { dependencies: { express: '^4.0.0' } },
    });
    const detector = new ProjectDetector(host);
    assert.equal(detector.detect('/mono/packages/api/app.ts').packageManager, 'npm');
    host.files.set('/mono/pnpm-lock.yaml', '');
    detector.invalidate('/mono/pnpm-lock.yaml');
    assert.equal(detector.detect('/mono/packages/api/app.ts').packageManager, 'pnpm');
    host.files.set('/mono/node_modules/express/package.json', installed('express', '5.1.0'));
    detector.invalidate('/mono/node_modules/express/package.json');
    assert.equal(detector.detect('/mono/packages/api/app.ts').frameworkMajor, 5);
  });

  it('keeps other packages cached and forgets everything when invalidated without a path', () => {
    const host = disk({ '/a/package.json': { type: 'module' }, '/b/package.json': { type: 'module' } });
    const detector = new ProjectDetector(host);
    const a = detector.detect('/a/x.ts');
    const b = detector.detect('/b/x.ts');
    detector.invalidate('/a/package.json');
    assert.notEqual(detector.detect('/a/x.ts'), a);
    assert.equal(detector.detect('/b/x.ts'), b);
    detector.invalidate();
    assert.notEqual(detector.detect('/b/x.ts'), b);
  });

  it('does not cache the zod/v4 answer of one caller for the others', () => {
    const detector = new ProjectDetector(disk({ '/repo/package.json': { dependencies: { zod: '^3.25.0' } } }));
    assert.equal(detector.detect('/repo/a.ts', ['zod/v4']).zodImport, 'zod/v4');
    assert.equal(detector.detect('/repo/a.ts').zodImport, 'zod');
  });
});

describe('fixture projects', () => {
  const fixturesDir = resolve(__dirname, '../../../test/fixtures/projects');

  /** The fixture's manifest files only; sources do not take part in detection. */
  function loadFixture(name: string): InMemoryFileSystem {
    const files: [string, string][] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) visit(path);
        else if (entry.endsWith('.json') || entry.endsWith('.lock') || entry.endsWith('.yaml')) files.push([toPosix(path), readFileSync(path, 'utf8')]);
      }
    };
    visit(join(fixturesDir, name));
    return new InMemoryFileSystem(files);
  }

  const expected = {
    'express4-cjs-ts': { framework: 'express', frameworkMajor: 4, moduleSystem: 'cjs', typescript: true, zodMajor: 3, testRunner: 'jest' },
    'express5-esm-ts': { framework: 'express', frameworkMajor: 5, moduleSystem: 'esm', typescript: true, zodMajor: 4, testRunner: 'vitest' },
    'fastify4-ts': { framework: 'fastify', frameworkMajor: 4, moduleSystem: 'cjs', typescript: true, zodMajor: undefined, testRunner: 'node' },
    'fastify5-esm-ts': { framework: 'fastify', frameworkMajor: 5, moduleSystem: 'esm', typescript: true, zodMajor: 4, testRunner: 'vitest' },
    'express-js': { framework: 'express', frameworkMajor: 4, moduleSystem: 'cjs', typescript: false, zodMajor: undefined, testRunner: 'mocha' },
  } as const;

  for (const [name, want] of Object.entries(expected)) {
    it(`detects ${name} from its installed framework`, () => {
      const root = toPosix(join(fixturesDir, name));
      const info = detectProject(`${root}/src/app.${name === 'express-js' ? 'js' : 'ts'}`, loadFixture(name));
      assert.equal(info.root, root);
      assert.equal(info.frameworkVersionSource, 'installed');
      assert.deepEqual(
        {
          framework: info.framework,
          frameworkMajor: info.frameworkMajor,
          moduleSystem: info.moduleSystem,
          typescript: info.typescript,
          zodMajor: info.zodMajor,
          testRunner: info.testRunner,
        },
        want,
      );
    });
  }
});
