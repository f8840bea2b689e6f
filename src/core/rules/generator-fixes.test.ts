import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createLinter } from '../lint/create-linter';
import type { Rule } from '../lint/rule';
import { applyFileChanges } from '../model/edit';
import { InMemoryFileSystem, type FileSystemHost } from '../model/file-system';
import { withDefaults } from '../model/settings';
import * as scaffold from '../scaffold/index';
import { NodeFileSystem } from '../../host/node-file-system';
import { createScaffoldBridge } from '../../host/scaffold-module';
import hardcodedSecret from './hardcoded-secret';
import missingErrorHandler from './missing-error-handler';
import missingValidation from './missing-validation';

const TEMPLATES = path.resolve(__dirname, '../../../templates').split(path.sep).join('/');
const ROOT = '/project';

/** The project in memory, the shipped templates from disk. */
class ProjectHost implements FileSystemHost {
  private readonly disk = new NodeFileSystem();
  constructor(readonly memory: InMemoryFileSystem) {}
  private onDisk(p: string): boolean {
    return p.startsWith(`${TEMPLATES}/`) || p === TEMPLATES;
  }
  readFile(p: string): string | undefined {
    return this.onDisk(p) ? this.disk.readFile(p) : this.memory.readFile(p);
  }
  fileExists(p: string): boolean {
    return this.onDisk(p) ? this.disk.fileExists(p) : this.memory.fileExists(p);
  }
  directoryExists(p: string): boolean {
    return this.onDisk(p) ? this.disk.directoryExists(p) : this.memory.directoryExists(p);
  }
  readDirectory(p: string): { files: string[]; directories: string[] } {
    return this.onDisk(p) ? this.disk.readDirectory(p) : this.memory.readDirectory(p);
  }
}

function express4(files: Record<string, string>): Map<string, string> {
  return new Map(
    Object.entries({
      'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { express: '^4.21.2', zod: '^3.25.76' }, devDependencies: { typescript: '^5.5.0', '@types/express': '^4.17.21' } }, null, 2) + '\n',
      'node_modules/express/package.json': JSON.stringify({ name: 'express', version: '4.21.2' }),
      'node_modules/zod/package.json': JSON.stringify({ name: 'zod', version: '3.25.76' }),
      ...files,
    }).map(([relative, content]) => [`${ROOT}/${relative}`, content]),
  );
}

function fixOf(rule: Rule, files: Map<string, string>, file: string, withBridge: boolean) {
  const memory = new InMemoryFileSystem(files);
  const host = new ProjectHost(memory);
  const bridge = withBridge ? createScaffoldBridge({ host, load: () => scaffold, templatesDir: TEMPLATES, onUnexpectedError: (_id, error) => { throw error; } }) : undefined;
  const { linter } = createLinter({ host, settings: withDefaults({}), rules: [rule], scaffold: bridge, onRuleError: (_r, _f, e) => { throw e; } });
  const findings = linter.lintFile(`${ROOT}/${file}`);
  assert.ok(findings[0]?.fix, 'a finding with a fix');
  const changes = findings[0].fix.build();
  return { changes, after: applyFileChanges(memory.files, changes) };
}

const APP = `import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.use(express.json());

app.post('/orders', (req, res) => {
  const { item, quantity } = req.body;
  res.status(201).json({ item, quantity, token: jwt.sign({ item }, 'k9$Lm2#pQ8vX!rT4zW7yB1nC5') });
});

app.listen(3000);
`;

/** A file's expected text, one array entry per line. */
function changed(lines: string[]): string {
  return lines.join('\n');
}

const paths = (changes: readonly { kind: string; path: string }[]): string[] => changes.map((change) => `${change.kind} ${change.path.slice(ROOT.length + 1)}`).sort();

describe('quick fixes through the scaffold bridge', () => {
  it('missing-error-handler: the error-handler generator (modules + notFoundHandler and errorHandler after the routes)', () => {
    const { changes, after } = fixOf(missingErrorHandler, express4({ 'src/app.ts': APP }), 'src/app.ts', true);
    assert.deepEqual(paths(changes), ['create src/errors.ts', 'create src/middleware/async-handler.ts', 'create src/middleware/error-handler.ts', 'edit package.json', 'edit src/app.ts']);
    assert.equal(
      after.get(`${ROOT}/src/app.ts`),
      changed([
        `import express from 'express';`,
        `import jwt from 'jsonwebtoken';`,
        `import { errorHandler, notFoundHandler } from './middleware/error-handler';`,
        ``,
        `const app = express();`,
        `app.use(express.json());`,
        ``,
        `app.post('/orders', (req, res) => {`,
        `  const { item, quantity } = req.body;`,
        `  res.status(201).json({ item, quantity, token: jwt.sign({ item }, 'k9$Lm2#pQ8vX!rT4zW7yB1nC5') });`,
        `});`,
        `app.use(notFoundHandler);`,
        `app.use(errorHandler);`,
        ``,
        `app.listen(3000);`,
        ``,
      ]),
    );
    assert.match(after.get(`${ROOT}/src/middleware/error-handler.ts`) ?? '', /export const errorHandler: ErrorRequestHandler = /);
  });

  it('hardcoded-secret: the variable joins a new zod config module and .env.example; the code reads config.JWT_SECRET', () => {
    const { changes, after } = fixOf(hardcodedSecret, express4({ 'src/app.ts': APP }), 'src/app.ts', true);
    assert.deepEqual(paths(changes), ['create .env.example', 'create src/config.ts', 'edit package.json', 'edit src/app.ts']);
    assert.equal(
      after.get(`${ROOT}/src/app.ts`),
      changed([
        `import express from 'express';`,
        `import jwt from 'jsonwebtoken';`,
        `import { config } from './config';`,
        ``,
        `const app = express();`,
        `app.use(express.json());`,
        ``,
        `app.post('/orders', (req, res) => {`,
        `  const { item, quantity } = req.body;`,
        `  res.status(201).json({ item, quantity, token: jwt.sign({ item }, config.JWT_SECRET) });`,
        `});`,
        ``,
        `app.listen(3000);`,
        ``,
      ]),
    );
    const configModule = after.get(`${ROOT}/src/config.ts`) ?? '';
    assert.match(configModule, /\n {2}JWT_SECRET: z\.string\(\)\.min\(32, 'must be at least 32 characters \(openssl rand -base64 48\)'\),\n\}\);/);
    assert.match(configModule, /export const config = loadConfig\(process\.env\);/);
    // The name, never the value.
    assert.match(after.get(`${ROOT}/.env.example`) ?? '', /\nJWT_SECRET=\n$/);
    assert.ok(![...after.values()].some((text) => text !== APP && text.includes('k9$Lm2#pQ8vX!rT4zW7yB1nC5')), 'the secret is gone');
  });

  it('hardcoded-secret: an existing generator-shaped config module gets one schema entry', () => {
    const files = express4({ 'src/app.ts': APP });
    const first = fixOf(hardcodedSecret, files, 'src/app.ts', true).after;
    // Start again from the original app, with the config module the first fix created.
    const withConfig = new Map([...files, [`${ROOT}/src/config.ts`, first.get(`${ROOT}/src/config.ts`)!.replace(/\n {2}JWT_SECRET: .*\n/, '\n')]]);
    const { changes, after } = fixOf(hardcodedSecret, withConfig, 'src/app.ts', true);
    assert.deepEqual(paths(changes), ['create .env.example', 'edit src/app.ts', 'edit src/config.ts']);
    assert.equal(after.get(`${ROOT}/src/config.ts`), first.get(`${ROOT}/src/config.ts`));
  });

  it('missing-validation: the validation generator (schema above the route, validate() middleware before the handler)', () => {
    const { changes, after } = fixOf(missingValidation, express4({ 'src/app.ts': APP }), 'src/app.ts', true);
    assert.deepEqual(paths(changes), ['create src/middleware/validate.ts', 'edit src/app.ts']);
    assert.equal(
      after.get(`${ROOT}/src/app.ts`),
      changed([
        `import express from 'express';`,
        `import jwt from 'jsonwebtoken';`,
        `import { validate } from './middleware/validate';`,
        `import { z } from 'zod';`,
        ``,
        `const app = express();`,
        `app.use(express.json());`,
        ``,
        `const PostOrdersBodySchema = z.object({`,
        `  item: z.unknown(),`,
        `  quantity: z.unknown(),`,
        `});`,
        ``,
        `app.post('/orders', validate({ body: PostOrdersBodySchema }), (req, res) => {`,
        `  const { item, quantity } = req.body;`,
        `  res.status(201).json({ item, quantity, token: jwt.sign({ item }, 'k9$Lm2#pQ8vX!rT4zW7yB1nC5') });`,
        `});`,
        ``,
        `app.listen(3000);`,
        ``,
      ]),
    );
  });

  describe('falls back to the rule\'s own fix', () => {
    it('without a bridge (each rule\'s minimal edit, only the file itself and .env.example)', () => {
      for (const rule of [missingErrorHandler, hardcodedSecret, missingValidation]) {
        const { changes } = fixOf(rule, express4({ 'src/app.ts': APP }), 'src/app.ts', false);
        assert.ok(changes.every((change) => change.path === `${ROOT}/src/app.ts` || change.path === `${ROOT}/.env.example`), `${rule.meta.id}: ${paths(changes).join(', ')}`);
      }
    });

    it('when the generators refuse the project (JavaScript): same changes as without a bridge', () => {
      const js = new Map(express4({ 'src/app.js': APP.replace(/import (\w+) from ('[\w-]+');/g, 'const $1 = require($2);') }));
      js.set(`${ROOT}/package.json`, JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { express: '^4.21.2' } }));
      for (const rule of [missingErrorHandler, hardcodedSecret, missingValidation]) {
        const minimal = fixOf(rule, js, 'src/app.js', false).changes;
        assert.ok(minimal.length > 0, rule.meta.id);
        assert.deepEqual(fixOf(rule, js, 'src/app.js', true).changes, minimal, rule.meta.id);
      }
    });

    it('when the config module has a shape the generator cannot extend (the rule reads it through its own property)', () => {
      const files = express4({
        'src/app.ts': APP,
        'src/config.ts': `export const config = {\n  port: Number(process.env.PORT ?? 3000),\n  jwtSecret: process.env.JWT_SECRET,\n};\n`,
      });
      const { after } = fixOf(hardcodedSecret, files, 'src/app.ts', true);
      assert.match(after.get(`${ROOT}/src/app.ts`) ?? '', /jwt\.sign\(\{ item \}, config\.jwtSecret!\)/);
      assert.equal(after.get(`${ROOT}/src/config.ts`), files.get(`${ROOT}/src/config.ts`));
    });
  });
});
