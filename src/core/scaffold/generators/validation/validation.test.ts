import assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyEdits } from '../../../model/edit';
import { ScaffoldError } from '../../errors';
import { NodeFileSystem } from '../../../../host/node-file-system';
import { validationChangesForRoute } from './quick-fix';

const REPO = path.resolve(__dirname, '../../../../..');
const FIXTURES = `${REPO.split(path.sep).join('/')}/test/fixtures/projects`;
const TEMPLATES = `${REPO.split(path.sep).join('/')}/templates`;

function changedText(file: string, result: ReturnType<typeof validationChangesForRoute>): string {
  const host = new NodeFileSystem();
  const change = result.changes.find((candidate) => candidate.path === file);
  assert.ok(change && change.kind === 'edit', `expected an edit of ${file}`);
  return applyEdits(host.readFile(file)!, change.edits);
}

describe('validationChangesForRoute (the missing-validation quick fix)', () => {
  it('validates the route of a finding given by its full path', () => {
    const file = `${FIXTURES}/express4-cjs-ts/src/routes/orders.ts`;
    const result = validationChangesForRoute({ host: new NodeFileSystem(), templatesDir: TEMPLATES, file, method: 'POST', path: '/api/orders/import' });
    const text = changedText(file, result);
    assert.match(text, /const PostImportBodySchema = z\.object\(\{\n {2}orders: z\.unknown\(\),\n\}\);/);
    assert.match(text, /ordersRouter\.post\('\/import', validate\(\{ body: PostImportBodySchema \}\), \(req: AuthedRequest, res: Response\) => \{/);
    // The project's own validate({ params, query, body }) is reused: no second import of it.
    assert.equal(text.match(/import \{ validate \}/g)?.length, 1);
  });

  it('accepts the path as written in the file, and refuses an unknown route with the ones it has', () => {
    const file = `${FIXTURES}/express4-cjs-ts/src/routes/orders.ts`;
    const result = validationChangesForRoute({ host: new NodeFileSystem(), templatesDir: TEMPLATES, file, method: 'post', path: '/import' });
    assert.match(changedText(file, result), /validate\(\{ body: PostImportBodySchema \}\)/);
    assert.throws(
      () => validationChangesForRoute({ host: new NodeFileSystem(), templatesDir: TEMPLATES, file, method: 'PUT', path: '/import' }),
      (error: unknown) => error instanceof ScaffoldError && /No PUT \/import route is registered in src\/routes\/orders\.ts \(it has: GET \/, POST \/, GET \/:id, POST \/:id\/cancel, POST \/import\)/.test(error.message),
    );
  });

  it('writes a JSON Schema for a Fastify route when the project has no zod type provider', () => {
    const file = `${FIXTURES}/fastify4-ts/src/routes/products.ts`;
    const result = validationChangesForRoute({ host: new NodeFileSystem(), templatesDir: TEMPLATES, file, method: 'POST', path: '/api/v1/products/import' });
    assert.match(changedText(file, result), /app\.post\('\/import', \{ schema: \{\n {4}body: \{\n {6}type: 'object',/);
    assert.ok(result.notes.some((note) => note.includes('JSON Schema')));
  });
});
