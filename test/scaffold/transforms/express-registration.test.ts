import assert from 'node:assert/strict';
import { SyntaxKind, type SourceFile } from 'ts-morph';
import { ScaffoldRefusalError } from '../../../src/core/scaffold/errors';
import {
  ensureExpressErrorHandler,
  ensureExpressMiddleware,
  ensureExpressRouterMount,
} from '../../../src/core/scaffold/transforms/express-registration';
import { ensureImport } from '../../../src/core/scaffold/transforms/ensure-import';
import { classifyStatement } from '../../../src/core/scaffold/transforms/registration-kinds';
import { crlf, doTest, runTransform } from '../helpers';

const app = (sf: SourceFile) => sf.getVariableDeclarationOrThrow('app');

const SERVER = `import express from 'express';
import { usersRouter } from './users';
import { errorHandler } from './errors';

const app = express();

app.use(express.json()); // parse JSON bodies

// API
app.use('/users', usersRouter);
app.get('/health', (req, res) => res.send('ok'));

app.use(errorHandler);

app.listen(3000);
`;

describe('Express registrations', () => {
  describe('ensureExpressMiddleware', () => {
    it('goes after the existing middleware, above the first route and its comment', () => {
      // The trailing comment stays on its line; the new line joins the paragraph below.
      doTest(SERVER, (sf) => ensureExpressMiddleware(app(sf), 'helmet()'), SERVER.replace('\n// API\n', '\napp.use(helmet());\n// API\n'));
    });

    it('joins the middleware paragraph when nothing forces otherwise', () => {
      const server = SERVER.replace(' // parse JSON bodies', '');
      doTest(server, (sf) => ensureExpressMiddleware(app(sf), 'helmet()'), server.replace('app.use(express.json());\n', 'app.use(express.json());\napp.use(helmet());\n'));
    });

    it('goes before the export when there are no routes', () => {
      doTest(
        "const app = express();\napp.disable('x-powered-by');\n\nmodule.exports = app;\n",
        (sf) => ensureExpressMiddleware(app(sf), 'cors()'),
        "const app = express();\napp.disable('x-powered-by');\napp.use(cors());\n\nmodule.exports = app;\n",
        { path: '/project/app.js' },
      );
    });

    it('works inside an app factory, in the file\'s tab indentation', () => {
      doTest(
        'export function createApp() {\n\tconst app = express();\n\tapp.use(router);\n\treturn app;\n}\n',
        (sf) => ensureExpressMiddleware(sf.getFirstDescendantByKindOrThrow(SyntaxKind.VariableDeclaration), 'helmet()'),
        'export function createApp() {\n\tconst app = express();\n\tapp.use(helmet());\n\tapp.use(router);\n\treturn app;\n}\n',
      );
    });

    it('keeps the style of a no-semicolon, double-quoted, CRLF file', () => {
      doTest(
        crlf('const app = express()\napp.use(express.json())\napp.get("/", home)\n'),
        (sf) => ensureExpressRouterMount(app(sf), '/users', 'users'),
        crlf('const app = express()\napp.use(express.json())\napp.get("/", home)\napp.use("/users", users)\n'),
      );
    });

    it('recognises an equivalent registration written differently, also in a conditional or a chain', () => {
      for (const existing of ['app.use( helmet() );', "if (process.env.NODE_ENV === 'production') {\n  app.use(helmet());\n}", 'app.use(cors()).use(helmet());']) {
        const before = `const app = express();\n${existing}\napp.get('/', h);\n`;
        const run = runTransform(before, (sf) => assert.equal(ensureExpressMiddleware(app(sf), 'helmet()').changed, false));
        assert.deepEqual(run.changes, [], existing);
      }
    });

    it('accepts the express() call or a later reference as the app', () => {
      const expected = 'const app = express();\napp.use(helmet());\napp.get(\'/\', h);\n';
      doTest("const app = express();\napp.get('/', h);\n", (sf) => ensureExpressMiddleware(app(sf).getInitializerOrThrow(), 'helmet()'), expected);
      doTest("const app = express();\napp.get('/', h);\n", (sf) => ensureExpressMiddleware(sf.getStatements()[1].getFirstDescendantByKindOrThrow(SyntaxKind.Identifier), 'helmet()'), expected);
    });

    it('keeps the app node usable across transforms', () => {
      const run = runTransform("import express from 'express';\nconst app = express();\napp.get('/', h);\napp.listen(1);\n", (sf) => {
        const node = app(sf);
        ensureImport(sf, { moduleSpecifier: 'helmet', defaultImport: 'helmet' });
        ensureExpressMiddleware(node, 'helmet()');
        ensureImport(sf, { moduleSpecifier: './errors', namedImports: ['errorHandler'] });
        ensureExpressErrorHandler(node, 'errorHandler');
      });
      assert.equal(
        run.after,
        "import express from 'express';\nimport helmet from 'helmet';\nimport { errorHandler } from './errors';\nconst app = express();\napp.use(helmet());\napp.get('/', h);\napp.use(errorHandler);\napp.listen(1);\n",
      );
    });

    it('refuses an app that is not a variable', () => {
      assert.throws(
        () => runTransform('export default express();\n', (sf) => ensureExpressMiddleware(sf.getStatements()[0].getFirstDescendantByKindOrThrow(SyntaxKind.CallExpression), 'helmet()')),
        ScaffoldRefusalError,
      );
    });
  });

  describe('ensureExpressErrorHandler', () => {
    it('goes after the last route, before listen', () => {
      doTest(
        "const app = express();\napp.use(express.json());\napp.use('/users', users);\n\napp.listen(3000);\n",
        (sf) => ensureExpressErrorHandler(app(sf), 'errorHandler'),
        "const app = express();\napp.use(express.json());\napp.use('/users', users);\napp.use(errorHandler);\n\napp.listen(3000);\n",
      );
    });

    it('goes after a 404 handler, and before export default', () => {
      doTest(
        "const app = express();\napp.get('/', h);\napp.use(notFound);\nexport default app;\n",
        (sf) => ensureExpressErrorHandler(app(sf), 'errorHandler'),
        "const app = express();\napp.get('/', h);\napp.use(notFound);\napp.use(errorHandler);\nexport default app;\n",
      );
    });

    it('keeps the comment on the line of the last route', () => {
      doTest(
        "const app = express();\napp.use('/api', api); // all routes\napp.listen(1);\n",
        (sf) => ensureExpressErrorHandler(app(sf), 'errorHandler'),
        "const app = express();\napp.use('/api', api); // all routes\napp.use(errorHandler);\napp.listen(1);\n",
      );
    });

    it('keeps a trailing comment when the last route ends the file or the block', () => {
      doTest(
        "const app = express();\napp.use('/api', api); // all routes\n",
        (sf) => ensureExpressErrorHandler(app(sf), 'errorHandler'),
        "const app = express();\napp.use('/api', api); // all routes\napp.use(errorHandler);\n",
      );
      doTest(
        "export function build() {\n    const app = express();\n    app.get('/', h); // root\n}\n",
        (sf) => ensureExpressErrorHandler(sf.getFirstDescendantByKindOrThrow(SyntaxKind.VariableDeclaration), 'errorHandler'),
        "export function build() {\n    const app = express();\n    app.get('/', h); // root\n    app.use(errorHandler);\n}\n",
      );
    });

    it('accepts an inline error handler and recognises it next time', () => {
      doTest(
        "const app = express();\napp.get('/', h);\n",
        (sf) => ensureExpressErrorHandler(app(sf), '(err, req, res, next) => {\n  res.status(500).json({ error: "internal" });\n}'),
        "const app = express();\napp.get('/', h);\napp.use((err, req, res, next) => {\n  res.status(500).json({ error: \"internal\" });\n});\n",
      );
    });
  });

  describe('ensureExpressRouterMount', () => {
    it('goes after the last route or mount, before the error handler', () => {
      doTest(SERVER, (sf) => ensureExpressRouterMount(app(sf), '/orders', 'ordersRouter'), SERVER.replace("res.send('ok'));\n", "res.send('ok'));\napp.use('/orders', ordersRouter);\n"));
    });

    it('treats a call passing the app to a helper as route registration', () => {
      doTest(
        "const app = express();\napp.use(cors());\nregisterRoutes(app);\napp.listen(1);\n",
        (sf) => ensureExpressRouterMount(app(sf), '/health', 'healthRouter'),
        "const app = express();\napp.use(cors());\nregisterRoutes(app);\napp.use('/health', healthRouter);\napp.listen(1);\n",
      );
    });

    it('goes before a router mounted without a path that closes the route list (Swagger UI at /)', () => {
      doTest(
        "const app = express();\napp.use('/users', userRouter);\n\n// Swagger UI\napp.use(openAPIRouter);\n\napp.use(errorHandler());\n",
        (sf) => ensureExpressRouterMount(app(sf), '/api/v1/products', 'productsRouter'),
        "const app = express();\napp.use('/users', userRouter);\napp.use('/api/v1/products', productsRouter);\n\n// Swagger UI\napp.use(openAPIRouter);\n\napp.use(errorHandler());\n",
      );
    });

    it('stays after a pathless router that prefixed mounts follow, and after a mount whose path is a variable', () => {
      doTest(
        "const app = express();\napp.use(routes);\napp.use('/admin', admin);\napp.listen(1);\n",
        (sf) => ensureExpressRouterMount(app(sf), '/health', 'healthRouter'),
        "const app = express();\napp.use(routes);\napp.use('/admin', admin);\napp.use('/health', healthRouter);\napp.listen(1);\n",
      );
      doTest(
        "const app = express();\napp.use(config.api.prefix, routes());\napp.listen(1);\n",
        (sf) => ensureExpressRouterMount(app(sf), '/health', 'healthRouter'),
        "const app = express();\napp.use(config.api.prefix, routes());\napp.use('/health', healthRouter);\napp.listen(1);\n",
      );
    });

    it('lets the caller classify statements', () => {
      doTest(
        "const app = express();\napp.use(cors());\napp.use(legacy);\napp.listen(1);\n",
        (sf) => ensureExpressMiddleware(app(sf), 'helmet()', { classify: (statement) => (statement.getText().includes('legacy') ? 'mount' : undefined) }),
        "const app = express();\napp.use(cors());\napp.use(helmet());\napp.use(legacy);\napp.listen(1);\n",
      );
    });
  });
});

describe('classifyStatement', () => {
  it('tells middleware, routes, mounts, fallbacks, error handlers and the end of setup apart', () => {
    const cases: [string, string][] = [
      ['app.use(express.json());', 'middleware'],
      ['app.use(apiLimiter);', 'middleware'],
      ["app.get('/', h);", 'route'],
      ["app.route('/x').get(h).post(h);", 'route'],
      ['app.use(usersRouter);', 'mount'],
      ["app.use(require('./routes'));", 'mount'],
      ["app.use('/static', express.static('public'));", 'mount'],
      ['app.use(notFoundHandler);', 'fallback'],
      ['app.use(errorHandler);', 'error-handler'],
      ['app.use((err, req, res, next) => res.end());', 'error-handler'],
      ["app.set('trust proxy', 1);", 'setting'],
      ['registerRoutes(app);', 'opaque'],
      ['const server = http.createServer(app);', 'listen'],
      ['if (require.main === module) {\n  app.listen(3000);\n}', 'listen'],
      ['module.exports = app;', 'export'],
      ['export default app;', 'export'],
      ['console.log(1);', 'none'],
    ];
    for (const [code, kind] of cases) {
      const run = runTransform(`const app = express();\n${code}\n`, (sf) => {
        assert.equal(classifyStatement(sf.getStatements()[1], 'app') ?? 'none', kind, code);
      });
      assert.deepEqual(run.changes, []);
    }
  });
});
