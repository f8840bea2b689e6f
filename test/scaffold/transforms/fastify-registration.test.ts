import assert from 'node:assert/strict';
import { SyntaxKind } from 'ts-morph';
import { ensureFastifyRegister } from '../../../src/core/scaffold/transforms/fastify-registration';
import { doTest, runTransform } from '../helpers';

describe('ensureFastifyRegister', () => {
  it('goes after the last register, before listen, following the await habit', () => {
    doTest(
      "const app = Fastify({ logger: true });\nawait app.register(cors);\napp.get('/', async () => 'ok');\nawait app.listen({ port: 3000 });\n",
      (sf) => ensureFastifyRegister(sf.getVariableDeclarationOrThrow('app'), 'usersRoutes', { prefix: '/users' }),
      "const app = Fastify({ logger: true });\nawait app.register(cors);\nawait app.register(usersRoutes, { prefix: '/users' });\napp.get('/', async () => 'ok');\nawait app.listen({ port: 3000 });\n",
    );
  });

  it('goes before the first route inside a plugin function', () => {
    doTest(
      "export default async function app(fastify) {\n  fastify.get('/', async () => 'ok');\n}\n",
      (sf) => ensureFastifyRegister(sf.getFirstDescendantByKindOrThrow(SyntaxKind.Parameter), 'sensible'),
      "export default async function app(fastify) {\n  fastify.register(sensible);\n  fastify.get('/', async () => 'ok');\n}\n",
    );
  });

  it("stays above a plugin's \"do not touch the following lines\" comment (fastify-cli's app template)", () => {
    const before = [
      'const app: FastifyPluginAsync = async (fastify) => {',
      '  // Place here your custom code!',
      '',
      '  // Do not touch the following lines',
      '',
      '  // The routes',
      "  fastify.get('/', async () => 'ok')",
      '}',
      '',
    ].join('\n');
    doTest(
      before,
      (sf) => ensureFastifyRegister(sf.getFirstDescendantByKindOrThrow(SyntaxKind.Parameter), 'sensible'),
      before.replace('  // Place here your custom code!\n', '  // Place here your custom code!\n  fastify.register(sensible)\n'),
    );
    // The next registration goes below the "place here" heading too, not above it.
    const once = before.replace('  // Place here your custom code!\n', '  // Place here your custom code!\n  fastify.get(\'/ping\', async () => \'pong\')\n');
    doTest(
      once,
      (sf) => ensureFastifyRegister(sf.getFirstDescendantByKindOrThrow(SyntaxKind.Parameter), 'sensible'),
      once.replace('  // Place here your custom code!\n', '  // Place here your custom code!\n  fastify.register(sensible)\n'),
    );
  });

  it('goes before ready/export when there are no routes', () => {
    doTest(
      "const server = fastify();\nexport default server;\n",
      (sf) => ensureFastifyRegister(sf.getVariableDeclarationOrThrow('server'), 'helmet', { options: '{ global: true }' }),
      "const server = fastify();\nserver.register(helmet, { global: true });\nexport default server;\n",
    );
  });

  it('recognises an existing registration with other quotes and spacing', () => {
    const run = runTransform('const app = Fastify()\napp.register(users, {prefix: "/users",})\n', (sf) => {
      assert.equal(ensureFastifyRegister(sf.getVariableDeclarationOrThrow('app'), 'users', { prefix: '/users' }).changed, false);
    });
    assert.deepEqual(run.changes, []);
  });
});
