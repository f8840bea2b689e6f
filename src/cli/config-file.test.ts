import assert from 'node:assert/strict';
import * as path from 'node:path';
import { toPosix } from '../core/model/paths';
import { NodeFileSystem } from '../host/node-file-system';
import { findConfigFile, loadConfig } from './config-file';
import { UsageError } from './io';
import { makeTempProject, removeTempProject } from './test-support';

const KNOWN = new Set(['hardcoded-secret', 'missing-validation']);
const host = new NodeFileSystem();

describe('.routewiserc.json', () => {
  const withFiles = (files: Record<string, string>, run: (root: string) => void): void => {
    const root = makeTempProject(files);
    try {
      run(toPosix(root));
    } finally {
      removeTempProject(root);
    }
  };

  it('is optional', () => {
    withFiles({ 'a/b/x.ts': '' }, (root) => {
      // The temp folder's parents could hold one; only assert what this tree decides.
      const found = findConfigFile(`${root}/a/b`, host);
      assert.ok(found === undefined || !found.startsWith(root));
    });
  });

  it('is the nearest one at or above the directory', () => {
    withFiles({ '.routewiserc.json': '{}', 'a/.routewiserc.json': '{}', 'a/b/c/x.ts': '' }, (root) => {
      assert.equal(findConfigFile(`${root}/a/b/c`, host), `${root}/a/.routewiserc.json`);
      assert.equal(findConfigFile(root, host), `${root}/.routewiserc.json`);
    });
  });

  it('gives the settings it holds, accepting $schema', () => {
    const config = { $schema: './schema.json', rules: { 'hardcoded-secret': 'error' }, authMiddleware: ['requireUser'], validationMiddleware: ['check'], rateLimitMiddleware: ['throttle'], lintTestFiles: true };
    withFiles({ '.routewiserc.json': `\uFEFF${JSON.stringify(config)}` }, (root) => {
      assert.deepEqual(loadConfig(root, host, KNOWN), {
        path: `${root}/.routewiserc.json`,
        settings: { rules: { 'hardcoded-secret': 'error' }, authMiddleware: ['requireUser'], validationMiddleware: ['check'], rateLimitMiddleware: ['throttle'], lintTestFiles: true },
      });
    });
  });

  const rejects = (text: string, expected: RegExp[]): void => {
    withFiles({ '.routewiserc.json': text }, (root) => {
      assert.throws(
        () => loadConfig(root, host, KNOWN),
        (error: unknown) => {
          assert.ok(error instanceof UsageError, String(error));
          assert.ok(error.message.startsWith(`Invalid ${root}/.routewiserc.json`), error.message);
          for (const pattern of expected) assert.match(error.message, pattern);
          return true;
        },
      );
    });
  };

  it('rejects text that is not JSON', () => rejects('{ rules: }', [/not valid JSON/]));
  it('rejects a value that is not an object', () => rejects('[]', [/expected object/]));
  it('rejects wrongly typed fields, naming each', () =>
    rejects(JSON.stringify({ authMiddleware: 'requireUser', lintTestFiles: 'yes' }), [/- authMiddleware: .*expected array/, /- lintTestFiles: .*expected boolean/]));
  it('rejects unknown keys', () => rejects(JSON.stringify({ rule: {} }), [/Unrecognized key: "rule"/]));
  it('rejects unknown severities', () => rejects(JSON.stringify({ rules: { 'hardcoded-secret': 'warn' } }), [/rules\.hardcoded-secret: Invalid option/]));
  it('rejects unknown rule ids, listing the known ones', () =>
    rejects(JSON.stringify({ rules: { 'hardcoded-secrets': 'off' } }), [/rules\.hardcoded-secrets: unknown rule id/, /Known rules: hardcoded-secret, missing-validation/]));

  it('is looked up from the current directory, not from the linted paths', () => {
    withFiles({ 'sub/.routewiserc.json': 'nonsense' }, (root) => {
      assert.doesNotThrow(() => loadConfig(root, host, KNOWN));
      assert.throws(() => loadConfig(path.posix.join(root, 'sub'), host, KNOWN), UsageError);
    });
  });
});
