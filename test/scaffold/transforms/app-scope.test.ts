import assert from 'node:assert/strict';
import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';
import { ScaffoldRefusalError } from '../../../src/core/scaffold/errors';
import { resolveAppScope } from '../../../src/core/scaffold/transforms/app-scope';
import {
  ensureExpressErrorHandler,
  ensureExpressMiddleware,
  ensureExpressRouterMount,
} from '../../../src/core/scaffold/transforms/express-registration';
import { doTest } from '../helpers';

/** A loader that receives the app destructured from its options and closes the route list itself. */
const LOADER = `import express from 'express';
import { usersRouter } from './users';

export default ({ app }: { app: express.Application }) => {
  app.get('/status', (req, res) => {
    res.status(200).end();
  });
  app.use(express.json());
  app.use('/api/users', usersRouter);

  // catch 404
  app.use((req, res, next) => {
    next(Object.assign(new Error('Not Found'), { status: 404 }));
  });
  app.use((err, req, res, next) => {
    res.status(err.status || 500).json({ message: err.message });
  });
};
`;

function parse(text: string): SourceFile {
  return new Project({ useInMemoryFileSystem: true }).createSourceFile('/project/src/loaders/express.ts', text);
}

/** The binding of `name` in the default export's first parameter. */
function binding(sf: SourceFile, name = 'app'): Node {
  return sf.getDescendantsOfKind(SyntaxKind.BindingElement).find((element) => element.getName() === name)!;
}

describe('resolveAppScope: an app received as a destructured parameter', () => {
  it('resolves the binding to the function body', () => {
    const sf = parse(LOADER);
    const scope = resolveAppScope(binding(sf));
    assert.equal(scope.name, 'app');
    assert.equal(scope.declarationIndex, -1);
    assert.ok(Node.isBlock(scope.container));
    assert.equal(scope.container.getParentOrThrow().getKind(), SyntaxKind.ArrowFunction);
  });

  it('uses the local name of a renamed binding', () => {
    const sf = parse('export default ({ app: server }: { app: any }) => {\n  server.use(json());\n};\n');
    assert.equal(resolveAppScope(binding(sf, 'server')).name, 'server');
  });

  it('finds the binding from a reference inside the function', () => {
    const sf = parse(LOADER);
    const reference = sf.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getText() === 'app').at(-1)!;
    assert.equal(resolveAppScope(reference).declaration, binding(sf));
  });

  it('refuses a binding nested deeper than the parameter', () => {
    const sf = parse('export default ({ http: { app } }: any) => {\n  app.use(json());\n};\n');
    assert.throws(() => resolveAppScope(binding(sf)), ScaffoldRefusalError);
  });
});

describe('Express registrations inside a function that receives the app', () => {
  const path = '/project/src/loaders/express.ts';

  it('mounts a router after the last mount, before the 404 fallback', () => {
    doTest(
      LOADER,
      (sf) => ensureExpressRouterMount(binding(sf), '/api/products', 'productsRouter'),
      LOADER.replace("  app.use('/api/users', usersRouter);\n", "  app.use('/api/users', usersRouter);\n  app.use('/api/products', productsRouter);\n"),
      { path },
    );
  });

  it('adds middleware before the first route of the function', () => {
    doTest(
      LOADER,
      (sf) => ensureExpressMiddleware(binding(sf), 'helmet()'),
      LOADER.replace("  app.get('/status'", "  app.use(helmet());\n  app.get('/status'"),
      { path },
    );
  });

  it('adds an error handler after the last registration of the function', () => {
    doTest(
      'export default ({ app }: { app: any }) => {\n  app.use(json());\n  app.use(\'/users\', usersRouter);\n};\n',
      (sf) => ensureExpressErrorHandler(binding(sf), 'errorHandler'),
      "export default ({ app }: { app: any }) => {\n  app.use(json());\n  app.use('/users', usersRouter);\n  app.use(errorHandler);\n};\n",
      { path },
    );
  });
});
