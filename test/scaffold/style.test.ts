import assert from 'node:assert/strict';
import { IndentationText, NewLineKind, QuoteKind } from 'ts-morph';
import { InMemoryFileSystem } from '../../src/core/model/file-system';
import { importSpecifier } from '../../src/core/scaffold/generators/run';
import { detectStyle, eolOf, toManipulationSettings } from '../../src/core/scaffold/style';

const ROOT = '/work/api';
const project = (files: Record<string, string>) => new InMemoryFileSystem(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text]));

const TABS_DOUBLE_NO_SEMI = [
  'import { Router } from "express"',
  'import { users } from "./users.js"',
  '',
  'export const router = Router()',
  'router.get("/", (req, res) => {',
  '\tif (req.query.q) {',
  '\t\tres.json({ users: users.all() })',
  '\t}',
  '})',
  '',
].join('\n');

const FOUR_SPACES_SINGLE = [
  "import express from 'express';",
  "import { config } from './config';",
  '',
  'const options = {',
  "    port: 3000,",
  "    host: 'localhost'",
  '};',
  '',
  'export function start() {',
  '    const app = express();',
  '    app.listen(',
  '        options.port,',
  '        options.host',
  '    );',
  '}',
  '',
].join('\r\n');

describe('detectStyle', () => {
  it('samples the sources when there is no Prettier config', () => {
    const style = detectStyle(ROOT, project({ 'src/routes.ts': TABS_DOUBLE_NO_SEMI, 'package.json': '{"type":"module"}' }));
    assert.equal(style.formattingSource, 'sampled');
    assert.equal(style.quote, 'double');
    assert.equal(style.semicolons, false);
    assert.equal(style.indent, '\t');
    assert.equal(style.eol, '\n');
    assert.equal(style.importExtension, '.js');
  });

  it('finds four spaces, single quotes, CRLF, no trailing commas', () => {
    const style = detectStyle(ROOT, project({ 'src/server.ts': FOUR_SPACES_SINGLE }));
    assert.deepEqual(
      { quote: style.quote, semicolons: style.semicolons, indent: style.indent, eol: style.eol, trailingCommas: style.trailingCommas, ext: style.importExtension },
      { quote: 'single', semicolons: true, indent: '    ', eol: '\r\n', trailingCommas: 'none', ext: '' },
    );
  });

  it('prefers a JSON Prettier config, with Prettier defaults for what it leaves out', () => {
    const style = detectStyle(ROOT, project({ '.prettierrc': '{ "singleQuote": true, "semi": false }', 'src/routes.ts': TABS_DOUBLE_NO_SEMI }));
    assert.equal(style.formattingSource, 'prettier');
    assert.equal(style.prettierConfigPath, `${ROOT}/.prettierrc`);
    assert.deepEqual(
      { quote: style.quote, semicolons: style.semicolons, indent: style.indent, trailingCommas: style.trailingCommas, bracketSpacing: style.bracketSpacing },
      { quote: 'single', semicolons: false, indent: '  ', trailingCommas: 'all', bracketSpacing: true },
    );
  });

  it('reads YAML .prettierrc and the package.json key, also from a parent folder', () => {
    const yaml = new InMemoryFileSystem([
      ['/repo/.prettierrc.yaml', '# shared\nuseTabs: true\ntrailingComma: es5\nendOfLine: crlf\n'],
      ['/repo/packages/api/src/a.ts', "const a = 'x';\n"],
    ]);
    const fromYaml = detectStyle('/repo/packages/api', yaml);
    assert.deepEqual([fromYaml.indent, fromYaml.trailingCommas, fromYaml.eol, fromYaml.quote], ['\t', 'es5', '\r\n', 'double']);

    const fromPackage = detectStyle(ROOT, project({ 'package.json': '{ "prettier": { "tabWidth": 4, "singleQuote": true } }' }));
    assert.deepEqual([fromPackage.indent, fromPackage.quote, fromPackage.formattingSource], ['    ', 'single', 'prettier']);
  });

  it('never runs a JS Prettier config: it samples instead', () => {
    const style = detectStyle(ROOT, project({ 'prettier.config.js': 'module.exports = { semi: true }', 'src/routes.ts': TABS_DOUBLE_NO_SEMI }));
    assert.equal(style.formattingSource, 'sampled');
    assert.equal(style.prettierConfigPath, `${ROOT}/prettier.config.js`);
    assert.equal(style.semicolons, false);
  });

  it('reports path aliases only when the code imports through them', () => {
    const tsconfig = '{\n  // aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"], "~lib/*": ["lib/*"] } },\n}\n';
    const used = detectStyle(ROOT, project({ 'tsconfig.json': tsconfig, 'src/a.ts': "import { b } from '@/b';\n" }));
    assert.deepEqual(used.pathAliases, [{ pattern: '@/*', targets: [`${ROOT}/src/*`] }]);
    const unused = detectStyle(ROOT, project({ 'tsconfig.json': tsconfig, 'src/a.ts': "import { b } from './b';\n" }));
    assert.deepEqual(unused.pathAliases, []);
  });

  it('prefers an alias for generated imports only when the code imports through it more than relatively', () => {
    const tsconfig = '{ "compilerOptions": { "baseUrl": "./src", "paths": { "@/*": ["*"] } } }';
    const aliased = detectStyle(ROOT, project({
      'tsconfig.json': tsconfig,
      'src/server.ts': "import { env } from '@/common/utils/envConfig';\nimport { userRouter } from '@/api/user/userRouter';\n",
      'src/api/user/userRouter.ts': "import { userService } from '@/api/user/userService';\nimport { handler } from './userController';\n",
    }));
    assert.deepEqual(aliased.preferredAlias, { pattern: '@/*', targets: [`${ROOT}/src/*`] });
    assert.equal(importSpecifier('src/server.ts', 'src/middleware/validate.ts', '', aliased.preferredAlias, ROOT), '@/middleware/validate');
    assert.equal(importSpecifier('src/products/products.service.ts', 'src/errors.ts', '', aliased.preferredAlias, ROOT), '@/errors');
    // A file outside the aliased folder keeps relative imports (the alias may not apply there).
    assert.equal(importSpecifier('test/setup-env.ts', 'src/config.ts', '', aliased.preferredAlias, ROOT), '../src/config');
    const mostlyRelative = detectStyle(ROOT, project({
      'tsconfig.json': tsconfig,
      'src/server.ts': "import { env } from '@/common/utils/envConfig';\nimport { a } from './a';\nimport { b } from './b';\n",
    }));
    assert.equal(mostlyRelative.preferredAlias, undefined);
    assert.equal(importSpecifier('src/server.ts', 'src/middleware/validate.ts', '', mostlyRelative.preferredAlias, ROOT), './middleware/validate');
  });

  it('follows tsconfig extends for paths', () => {
    const style = detectStyle(ROOT, project({
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
      'tsconfig.base.json': '{ "compilerOptions": { "paths": { "#app/*": ["./src/*"] } } }',
      'src/a.ts': "import { b } from '#app/b';\n",
    }));
    assert.deepEqual(style.pathAliases, [{ pattern: '#app/*', targets: [`${ROOT}/src/*`] }]);
  });

  it('asks for .js suffixes in an ESM package under nodenext even without relative imports', () => {
    const style = detectStyle(ROOT, project({
      'package.json': '{ "type": "module" }',
      'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext" } }',
      'src/a.ts': "import express from 'express';\n",
    }));
    assert.equal(style.importExtension, '.js');
  });

  it('falls back to defaults for an empty project', () => {
    const style = detectStyle(ROOT, project({}));
    assert.equal(style.formattingSource, 'default');
    assert.deepEqual([style.quote, style.semicolons, style.indent, style.eol], ['single', true, '  ', '\n']);
  });

  it('samples only the given files when told which', () => {
    const style = detectStyle(ROOT, project({ 'src/a.ts': TABS_DOUBLE_NO_SEMI, 'src/b.ts': FOUR_SPACES_SINGLE }), [`${ROOT}/src/b.ts`]);
    assert.equal(style.indent, '    ');
  });
});

describe('eolOf', () => {
  it('tells the line ending a text mostly uses', () => {
    assert.equal(eolOf('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(eolOf('a\nb'), '\n');
    assert.equal(eolOf('single line'), '\n');
  });
});

describe('toManipulationSettings', () => {
  it('maps a style onto ts-morph settings', () => {
    assert.deepEqual(
      toManipulationSettings({ quote: 'single', semicolons: false, indent: '\t', eol: '\r\n', trailingCommas: 'none', bracketSpacing: false }),
      {
        quoteKind: QuoteKind.Single,
        indentationText: IndentationText.Tab,
        newLineKind: NewLineKind.CarriageReturnLineFeed,
        useTrailingCommas: false,
        insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: false,
      },
    );
    assert.equal(toManipulationSettings({ quote: 'double', semicolons: true, indent: '   ', eol: '\n', trailingCommas: 'all', bracketSpacing: true }).indentationText, '   ');
  });
});
