import assert from 'node:assert/strict';
import { InMemoryFileSystem } from '../../src/core/model/file-system';
import { AstProject } from '../../src/core/scaffold/ast-project';
import { detectStyle } from '../../src/core/scaffold/style';
import { ensureDependency } from '../../src/core/scaffold/transforms/ensure-dependency';
import { ensureImport } from '../../src/core/scaffold/transforms/ensure-import';
import { ensureStatementAfter } from '../../src/core/scaffold/transforms/ensure-statement';
import { ensureExpressErrorHandler, ensureExpressMiddleware, ensureExpressRouterMount } from '../../src/core/scaffold/transforms/express-registration';
import { ensureFastifyRegister } from '../../src/core/scaffold/transforms/fastify-registration';
import { ScaffoldTree } from '../../src/core/scaffold/tree';

const EXPRESS = `import express from 'express';\r\n\r\nconst app = express();\r\napp.use(express.json());\r\napp.get('/', (req, res) => res.send('ok'));\r\n\r\napp.listen(3000);\r\n`;
const FASTIFY = `const fastify = require('fastify')\n\nconst app = fastify()\napp.get('/', async () => 'ok')\napp.listen({ port: 3000 })\n`;
const PACKAGE = '{\n  "name": "api",\n  "dependencies": {\n    "express": "^5.1.0"\n  }\n}\n';

/** A generator-shaped run of every transform: the second run over its output must have nothing to do. */
function generate(host: InMemoryFileSystem): ScaffoldTree {
  const tree = new ScaffoldTree(host);
  const ast = new AstProject(tree, detectStyle('/p', host));

  const server = ast.getSourceFile('/p/src/server.ts');
  const app = server.getVariableDeclarationOrThrow('app');
  ensureImport(server, { moduleSpecifier: 'helmet', defaultImport: 'helmet' });
  ensureImport(server, { moduleSpecifier: './routes/users', namedImports: ['usersRouter'] });
  ensureImport(server, { moduleSpecifier: './errors', namedImports: ['errorHandler', { name: 'HttpError', typeOnly: true }] });
  ensureExpressMiddleware(app, 'helmet()');
  ensureExpressRouterMount(app, '/users', 'usersRouter');
  ensureExpressErrorHandler(app, 'errorHandler');
  ensureStatementAfter(server, app, "app.disable('x-powered-by');", (statement) => statement.getText().includes("disable('x-powered-by')"));

  const legacy = ast.getSourceFile('/p/src/legacy.js');
  const fastifyApp = legacy.getVariableDeclarationOrThrow('app');
  ensureImport(legacy, { moduleSpecifier: '@fastify/cors', defaultImport: 'cors', cjs: true });
  ensureFastifyRegister(fastifyApp, 'cors', { options: '{ origin: false }' });

  ast.flush();
  let packageJson = tree.read('/p/package.json')!;
  packageJson = ensureDependency(packageJson, 'helmet', '^8.1.0');
  packageJson = ensureDependency(packageJson, '@types/express', '^5.0.0', true);
  tree.write('/p/package.json', packageJson);
  return tree;
}

describe('idempotence', () => {
  it('a second run of every transform gives zero changes', () => {
    const host = new InMemoryFileSystem([
      ['/p/src/server.ts', EXPRESS],
      ['/p/src/legacy.js', FASTIFY],
      ['/p/package.json', PACKAGE],
    ]);
    const first = generate(host);
    assert.equal(first.listChanges().length, 3);
    const applied = new InMemoryFileSystem([...host.files.keys()].map((path) => [path, first.read(path)!]));
    assert.deepEqual(generate(applied).listChanges(), []);

    assert.equal(
      first.read('/p/src/server.ts'),
      [
        "import express from 'express';",
        "import helmet from 'helmet';",
        "import { usersRouter } from './routes/users';",
        "import { errorHandler, type HttpError } from './errors';",
        '',
        'const app = express();',
        "app.disable('x-powered-by');",
        'app.use(express.json());',
        'app.use(helmet());',
        "app.get('/', (req, res) => res.send('ok'));",
        "app.use('/users', usersRouter);",
        'app.use(errorHandler);',
        '',
        'app.listen(3000);',
        '',
      ].join('\r\n'),
    );
    assert.equal(
      first.read('/p/src/legacy.js'),
      "const fastify = require('fastify')\nconst cors = require('@fastify/cors')\n\nconst app = fastify()\napp.register(cors, { origin: false })\napp.get('/', async () => 'ok')\napp.listen({ port: 3000 })\n",
    );
  });
});
