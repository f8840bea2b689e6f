import assert from 'node:assert/strict';
import { ScaffoldRefusalError } from '../../../src/core/scaffold/errors';
import { declaredRange, ensureDependency, olderMajor } from '../../../src/core/scaffold/transforms/ensure-dependency';
import { crlf } from '../helpers';

const PACKAGE = `{
  "name": "api",
  "scripts": {
    "start": "node dist/server.js"
  },
  "dependencies": {
    "cors": "^2.8.5",
    "express": "^4.21.2"
  },
  "devDependencies": {
    "typescript": "^5.9.3"
  }
}
`;

function twice(text: string, name: string, range: string, dev?: boolean): string {
  const once = ensureDependency(text, name, range, dev);
  assert.equal(ensureDependency(once, name, range, dev), once, 'a second application must change nothing');
  return once;
}

describe('ensureDependency', () => {
  it('inserts in alphabetical position, keeping the layout', () => {
    assert.equal(twice(PACKAGE, 'helmet', '^8.1.0'), PACKAGE.replace('"express": "^4.21.2"\n', '"express": "^4.21.2",\n    "helmet": "^8.1.0"\n'));
    assert.equal(twice(PACKAGE, 'compression', '^1.8.0'), PACKAGE.replace('"cors"', '"compression": "^1.8.0",\n    "cors"'));
    assert.equal(twice(PACKAGE, '@types/express', '^5.0.0', true), PACKAGE.replace('"typescript"', '"@types/express": "^5.0.0",\n    "typescript"'));
  });

  it('keeps tabs and CRLF', () => {
    const text = crlf('{\n\t"name": "x",\n\t"dependencies": {\n\t\t"a": "1.0.0"\n\t}\n}\n');
    assert.equal(twice(text, 'b', '^2.0.0'), crlf('{\n\t"name": "x",\n\t"dependencies": {\n\t\t"a": "1.0.0",\n\t\t"b": "^2.0.0"\n\t}\n}\n'));
  });

  it('creates a missing section where npm would put it', () => {
    const text = '{\n  "name": "x",\n  "devDependencies": {\n    "tsx": "^4.0.0"\n  }\n}\n';
    assert.equal(twice(text, 'zod', '^4.1.0'), '{\n  "name": "x",\n  "dependencies": {\n    "zod": "^4.1.0"\n  },\n  "devDependencies": {\n    "tsx": "^4.0.0"\n  }\n}\n');
    assert.equal(twice('{\n  "name": "x"\n}', 'tsx', '^4.0.0', true), '{\n  "name": "x",\n  "devDependencies": {\n    "tsx": "^4.0.0"\n  }\n}');
    assert.equal(twice('{\n  "name": "x",\n  "dependencies": {}\n}\n', 'zod', '^4.1.0'), '{\n  "name": "x",\n  "dependencies": {\n    "zod": "^4.1.0"\n  }\n}\n');
  });

  it('never changes a range the project declares: no downgrade, no other major, no raised floor', () => {
    assert.equal(ensureDependency(PACKAGE, 'express', '^4.18.0'), PACKAGE);
    assert.equal(ensureDependency(PACKAGE, 'express', '^5.1.0'), PACKAGE);
    assert.equal(ensureDependency(PACKAGE, 'express', '^4.22.0'), PACKAGE);
    assert.equal(ensureDependency(PACKAGE.replace('^4.21.2', 'workspace:*'), 'express', '^4.22.0'), PACKAGE.replace('^4.21.2', 'workspace:*'));
  });

  it('keeps an exact pin another package peers on (vitest 3.1.1 beside @vitest/coverage-v8 3.1.1)', () => {
    const text = '{\n  "devDependencies": {\n    "@vitest/coverage-v8": "3.1.1",\n    "vitest": "3.1.1"\n  }\n}\n';
    assert.equal(ensureDependency(text, 'vitest', '^3.2.4', true), text);
    assert.equal(ensureDependency(text, 'supertest', '^7.1.0', true), text.replace('"vitest": "3.1.1"', '"supertest": "^7.1.0",\n    "vitest": "3.1.1"'));
  });

  it('leaves a package declared as a peer or optional dependency alone', () => {
    const text = '{\n  "peerDependencies": {\n    "zod": "^3.22.0"\n  },\n  "optionalDependencies": {\n    "pino": "8.0.0"\n  }\n}\n';
    assert.equal(ensureDependency(text, 'zod', '^4.1.0'), text);
    assert.equal(ensureDependency(text, 'pino', '^9.7.0'), text);
    assert.equal(declaredRange(text, 'zod'), '^3.22.0');
    assert.equal(declaredRange(text, 'pino'), '8.0.0');
    assert.equal(declaredRange(text, 'express'), undefined);
  });

  it('tells an older major (kept) from a lower floor on the same major', () => {
    assert.equal(olderMajor('3.1.1', '^3.2.4'), false);
    assert.equal(olderMajor('^2.1.0', '^3.2.4'), true);
    assert.equal(olderMajor('^5.0.0', '^4.1.0'), false);
    assert.equal(olderMajor('workspace:*', '^4.1.0'), false);
  });

  it('counts a runtime dependency as a dev one, and moves a dev-only one the runtime needs (with its range)', () => {
    assert.equal(ensureDependency(PACKAGE, 'cors', '^2.8.0', true), PACKAGE);
    const moved = twice(PACKAGE, 'typescript', '^5.9.9');
    assert.equal(
      moved,
      PACKAGE.replace('"express": "^4.21.2"\n', '"express": "^4.21.2",\n    "typescript": "^5.9.3"\n').replace('"devDependencies": {\n    "typescript": "^5.9.3"\n  }', '"devDependencies": {}'),
    );
  });

  it('refuses text that is not JSON', () => {
    assert.throws(() => ensureDependency('{ "name": ', 'a', '1'), ScaffoldRefusalError);
  });
});
