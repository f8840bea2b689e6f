import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../model/file-system';
import { unknownProject } from '../../project/project-info';
import { defaultZodMajor, flavourOf, zodRangeFor } from './flavour';
import { downlevelForTypeScript } from './ts-compat';
import { esLibYearOf, expressTypesHaveLocals, nodeTypesOf, strictNullChecksOf, tsVersionAtLeast, typescriptVersionOf } from './typescript-version';

const ROOT = '/work/api';
const host = (files: Record<string, string>) => new InMemoryFileSystem(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text]));
const project = (dependencies: Record<string, string>) => ({
  ...unknownProject(ROOT),
  framework: 'express' as const,
  frameworkMajor: 4,
  frameworkVersionSource: 'declared' as const,
  typescript: true,
  dependencies: { express: '^4.21.2', ...dependencies },
});

describe('TypeScript version of a project', () => {
  it('reads the installed compiler first, else the floor of the declared range', () => {
    const installed = host({ 'node_modules/typescript/package.json': '{ "name": "typescript", "version": "4.0.3" }' });
    assert.equal(typescriptVersionOf(project({ typescript: '^5.0.0' }), installed), '4.0.3');
    assert.equal(typescriptVersionOf(project({ typescript: '~4.9.5' }), host({})), '4.9.5');
    assert.equal(typescriptVersionOf(project({}), host({})), undefined);
  });

  it('compares versions, an unknown version counting as current', () => {
    assert.equal(tsVersionAtLeast('4.0.3', '4.5'), false);
    assert.equal(tsVersionAtLeast('4.5.0', '4.5'), true);
    assert.equal(tsVersionAtLeast('5.9.2', '5.5'), true);
    assert.equal(tsVersionAtLeast(undefined, '5.5'), true);
  });

  it('picks zod 3 for TypeScript before 5.5, and the zod 3 line the compiler can parse', () => {
    const flavour = (typescript: string | undefined) => flavourOf(project(typescript ? { typescript } : {}), {}, typescript);
    assert.equal(flavour('4.0.3').zodMajor, 3);
    assert.equal(zodRangeFor(flavour('4.0.3')), '~3.22.4');
    assert.equal(zodRangeFor(flavour('4.9.5')), '^3.25.76');
    assert.equal(flavour('5.4.5').zodMajor, 3);
    assert.equal(flavour('5.5.0').zodMajor, defaultZodMajor('express', 4));
    assert.equal(zodRangeFor(flavour('5.9.2')), '^4.1.0');
    assert.equal(flavour(undefined).zodMajor, 4);
    // A project's own zod stays its choice.
    assert.equal(flavourOf({ ...project({ zod: '^4.1.0' }), zodMajor: 4 }, {}, '4.0.3').zodMajor, 4);
  });

  it('knows the Node typings: major and whether node: specifiers are declared', () => {
    const old = host({ 'node_modules/@types/node/package.json': '{ "version": "14.11.2" }', 'node_modules/@types/node/crypto.d.ts': "declare module 'crypto' {}" });
    assert.deepEqual(nodeTypesOf(project({ '@types/node': '^14.11.2' }), old), { major: 14, nodePrefix: false });
    const backported = host({ 'node_modules/@types/node/package.json': '{ "version": "14.18.63" }', 'node_modules/@types/node/crypto.d.ts': "declare module 'node:crypto' {}" });
    assert.deepEqual(nodeTypesOf(project({}), backported), { major: 14, nodePrefix: true });
    assert.deepEqual(nodeTypesOf(project({ '@types/node': '^20.19.0' }), host({})), { major: 20, nodePrefix: true });
    assert.equal(nodeTypesOf(project({}), host({})), undefined);
  });

  it('reads the ES library year, strictness and Express typings from the project', () => {
    const tsconfig = (options: string) => host({ 'tsconfig.json': `{ "compilerOptions": ${options} }` });
    assert.equal(esLibYearOf(ROOT, tsconfig('{ "target": "es2017", "lib": ["es2017", "esnext.asynciterable"] }')), 2017);
    assert.equal(esLibYearOf(ROOT, tsconfig('{ "target": "ES2022" }')), 2022);
    assert.equal(esLibYearOf(ROOT, tsconfig('{ "target": "ESNext" }')), undefined);
    assert.equal(esLibYearOf(ROOT, tsconfig('{ "target": "es6" }')), 2015);
    assert.equal(esLibYearOf(ROOT, host({})), undefined);
    assert.equal(strictNullChecksOf(ROOT, tsconfig('{ "target": "es2017" }')), false);
    assert.equal(strictNullChecksOf(ROOT, tsconfig('{ "strict": true }')), true);
    assert.equal(strictNullChecksOf(ROOT, tsconfig('{ "strict": true, "strictNullChecks": false }')), false);
    assert.equal(expressTypesHaveLocals(ROOT, host({ 'node_modules/@types/express-serve-static-core/index.d.ts': 'export interface Request<P = ParamsDictionary, ResBody = any> {}' })), false);
    assert.equal(
      expressTypesHaveLocals(ROOT, host({ 'node_modules/@types/express-serve-static-core/index.d.ts': 'export interface Request<P = ParamsDictionary, ResBody = any, LocalsObj extends Record<string, any> = Record<string, any>> {}' })),
      true,
    );
    assert.equal(expressTypesHaveLocals(ROOT, host({})), true);
  });
});

describe('downlevelForTypeScript', () => {
  const current = { typescriptVersion: '5.9.2', nodeTypes: { major: 20, nodePrefix: true } };

  it('changes nothing for a current compiler and current typings', () => {
    const text = "import { randomUUID, type UUID } from 'node:crypto';\nexport const id: UUID = randomUUID();\nexport const copy = structuredClone({ a: 1 });\n";
    assert.equal(downlevelForTypeScript('a.ts', text, current), text);
  });

  it('splits inline type modifiers for TypeScript before 4.5', () => {
    const text = "import { UniqueError, type NewProduct, type ProductRepository as Repo } from './repo';\nimport { type A } from './a';\nexport { x, type Y } from './y';\n";
    assert.equal(
      downlevelForTypeScript('a.ts', text, { typescriptVersion: '4.0.3' }),
      "import { UniqueError } from './repo';\nimport type { NewProduct, ProductRepository as Repo } from './repo';\nimport type { A } from './a';\nexport { x } from './y';\nexport type { Y } from './y';\n",
    );
  });

  it('writes local equivalents of Node and ES APIs old typings lack, and drops node: prefixes they do not declare', () => {
    const text = [
      "import { randomUUID } from 'node:crypto';",
      "import { Router } from 'express';",
      '',
      'export const id = randomUUID();',
      'export const copy = structuredClone({ a: 1 });',
      'export const took = performance.now();',
      "export const map = Object.fromEntries([['a', 1]] as const);",
      '',
    ].join('\n');
    const result = downlevelForTypeScript('a.ts', text, { typescriptVersion: '4.0.3', nodeTypes: { major: 14, nodePrefix: false }, esLibYear: 2017 });
    assert.match(result, /^import \{ Router \} from 'express';\nimport \{ randomBytes \} from 'crypto';\nimport \{ performance \} from 'perf_hooks';\n/);
    assert.match(result, /function randomUUID\(\): string \{/);
    assert.match(result, /export const copy = cloneRecord\(\{ a: 1 \}\);/);
    assert.match(result, /export const map = objectFromEntries\(/);
    assert.doesNotMatch(result, /'node:|structuredClone\(|Object\.fromEntries\(/);
    // Applying it again changes nothing: the file is stable.
    assert.equal(downlevelForTypeScript('a.ts', result, { typescriptVersion: '4.0.3', nodeTypes: { major: 14, nodePrefix: false }, esLibYear: 2017 }), result);
  });

  it('reuses an existing randomBytes import instead of importing it twice', () => {
    const text = "import { randomBytes, randomUUID, scrypt } from 'node:crypto';\n\nexport const a = [randomBytes(1), randomUUID(), scrypt];\n";
    const result = downlevelForTypeScript('a.ts', text, { nodeTypes: { major: 14, nodePrefix: false } });
    assert.equal((result.match(/randomBytes \}|randomBytes,/g) ?? []).length, 1);
    assert.match(result, /^import \{ randomBytes, scrypt \} from 'crypto';\n/);
  });
});
