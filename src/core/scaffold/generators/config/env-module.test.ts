import assert from 'node:assert/strict';
import * as path from 'node:path';
import { GOLDEN_ROOT, readTree, runGeneratorInMemory } from '../../../../../test/helpers/golden';

const ENV_CONFIG = [
  "import { z } from 'zod';",
  '',
  'const envSchema = z.object({',
  "  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),",
  "  HOST: z.string().min(1).default('localhost'),",
  '  PORT: z.coerce.number().int().positive().default(8080),',
  '});',
  '',
  'const parsedEnv = envSchema.safeParse(process.env);',
  "if (!parsedEnv.success) throw new Error('Invalid environment variables');",
  '',
  'export const env = { ...parsedEnv.data, isTest: parsedEnv.data.NODE_ENV === "test" };',
  '',
].join('\n');

describe('config generator beside a project env module', function () {
  this.timeout(120_000);
  const base = readTree(path.join(GOLDEN_ROOT, 'config', 'express4-cjs-new', 'before'));
  const project = new Map([...base, ['src/common/utils/envConfig.ts', ENV_CONFIG]]);

  it('creates no second config module, and says where the environment is parsed and what it lacks', () => {
    const { result } = runGeneratorInMemory('config', project);
    assert.deepEqual(result.changes, []);
    const note = result.notes.join('\n');
    assert.match(note, /src\/common\/utils\/envConfig\.ts already parses the environment \(a zod schema over process\.env, exported as `env`\); no second config module was created/);
    assert.match(note, /LOG_LEVEL/);
    assert.doesNotMatch(note, /\bPORT \(/, 'variables the module has are not suggested again');
  });

  it('creates src/config.ts when asked to (as auth and middleware do), with NODE_ENV only: they add theirs', () => {
    const { result, files } = runGeneratorInMemory('config', project, { options: { alongside: true } });
    const config = files.get('src/config.ts');
    assert.ok(config, 'src/config.ts written');
    assert.doesNotMatch(config, /\bPORT:|\bHOST:|LOG_LEVEL:/);
    assert.match(config, /NODE_ENV:/);
    assert.match(result.notes.join('\n'), /Merge the two when convenient/);
    const auth = runGeneratorInMemory('auth', project, { options: { tests: false } });
    const authConfig = auth.files.get('src/config.ts')!;
    assert.match(authConfig, /const EnvSchema = z\.object\(\{\n {2}NODE_ENV: [^\n]+,\n {2}JWT_SECRET: /);
    assert.doesNotMatch(authConfig, /LOG_LEVEL|\bPORT:/);
    assert.equal(auth.files.get('src/common/utils/envConfig.ts'), ENV_CONFIG, 'the project module is untouched');
  });

  it('recognises an envalid module too', () => {
    const envalid = "import { cleanEnv, port, str } from 'envalid';\n\nexport const env = cleanEnv(process.env, {\n  NODE_ENV: str(),\n  PORT: port(),\n});\n";
    const { result } = runGeneratorInMemory('config', new Map([...base, ['src/env/index.ts', envalid]]));
    assert.deepEqual(result.changes, []);
    assert.match(result.notes.join('\n'), /src\/env\/index\.ts already parses the environment \(envalid's cleanEnv, exported as `env`\)/);
  });
});

describe('generators on a TypeScript 4.0 project with old Node and Express typings', function () {
  this.timeout(120_000);
  const base = readTree(path.join(GOLDEN_ROOT, 'config', 'express4-cjs-new', 'before'));
  const manifest = JSON.parse(base.get('package.json')!) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  delete manifest.dependencies.zod;
  manifest.devDependencies['@types/node'] = '^14.11.2';
  manifest.devDependencies.typescript = '^4.0.3';
  const project = new Map([...base, ['package.json', `${JSON.stringify(manifest, null, 2)}\n`], ['tsconfig.json', '{ "compilerOptions": { "target": "es2017", "lib": ["es2017"], "module": "commonjs", "esModuleInterop": true } }\n']]);
  const installed = { express: '4.21.2', '@types/express': '4.17.8', '@types/node': '14.11.2', typescript: '4.0.3' };

  it('adds zod 3.22 and writes code TypeScript 4.0 parses', () => {
    const { result, files } = runGeneratorInMemory('resource', project, { options: { name: 'product', fields: 'name:string price:number', tests: false }, installed });
    assert.match(files.get('package.json')!, /"zod": "~3\.22\.4"/);
    assert.ok(result.dependencies.some((dependency) => dependency.name === 'zod' && dependency.range === '~3.22.4'));
    for (const [file, text] of files) {
      if (!file.endsWith('.ts')) continue;
      assert.doesNotMatch(text, /import \{[^}]*\btype \w/, `${file}: inline type modifier`);
      assert.doesNotMatch(text, /`-\$\{string\}`/, `${file}: template literal type`);
      assert.doesNotMatch(text, /from 'node:/, `${file}: node: specifier`);
      assert.doesNotMatch(text, /\bstructuredClone\(|\bz\.(uuid|iso)\b/, `${file}: API the project's typings or zod lack`);
    }
  });
});
