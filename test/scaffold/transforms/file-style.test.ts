import { DEFAULT_FORMATTING } from '../../../src/core/scaffold/formatting';
import { ensureImport } from '../../../src/core/scaffold/transforms/ensure-import';
import { ensureExpressMiddleware, ensureExpressRouterMount } from '../../../src/core/scaffold/transforms/express-registration';
import { doTest } from '../helpers';

// The project says double quotes, semicolons, four spaces; the file says otherwise and wins.
const PROJECT = { ...DEFAULT_FORMATTING, quote: 'double' as const, semicolons: true, indent: '    ' };

describe("inserted code follows the edited file's own style", () => {
  it('single quotes, no semicolons, tabs', () => {
    doTest(
      [
        "import express from 'express'",
        '',
        'export function createApp() {',
        '\tconst app = express()',
        "\tapp.get('/', (req, res) => {",
        "\t\tres.send('ok')",
        '\t})',
        '\treturn app',
        '}',
        '',
      ].join('\n'),
      (sf) => {
        const app = sf.getFunctionOrThrow('createApp').getVariableDeclarationOrThrow('app');
        const { defaultImport } = ensureImport(sf, { moduleSpecifier: 'helmet', defaultImport: 'helmet' });
        ensureExpressMiddleware(app, `${defaultImport}()`);
        ensureImport(sf, { moduleSpecifier: './users', namedImports: ['usersRouter'] });
        ensureExpressRouterMount(app, '/users', 'usersRouter');
      },
      [
        "import express from 'express'",
        "import helmet from 'helmet'",
        "import { usersRouter } from './users'",
        '',
        'export function createApp() {',
        '\tconst app = express()',
        '\tapp.use(helmet())',
        "\tapp.get('/', (req, res) => {",
        "\t\tres.send('ok')",
        '\t})',
        "\tapp.use('/users', usersRouter)",
        '\treturn app',
        '}',
        '',
      ].join('\n'),
      { style: PROJECT },
    );
  });

  it('uses the project style where the file gives no evidence', () => {
    doTest(
      'export {};\n',
      (sf) => ensureImport(sf, { moduleSpecifier: 'zod', namedImports: ['z'] }),
      'import { z } from "zod";\n\nexport {};\n',
      { style: PROJECT },
    );
  });
});
