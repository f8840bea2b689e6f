import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

describe('scaffold bundle entry', function () {
  this.timeout(60000);

  it('bundles the way scripts/build.mjs does and loads in plain Node', async () => {
    const result = await build({
      entryPoints: [join(__dirname, '../../src/core/scaffold/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      external: ['vscode'],
    });
    const dir = mkdtempSync(join(tmpdir(), 'routewise-scaffold-'));
    try {
      const file = join(dir, 'scaffold.js');
      writeFileSync(file, result.outputFiles[0].contents);
      const script = `
        const s = require(${JSON.stringify(file)});
        const host = { readFile: (p) => (p === '/p/app.ts' ? "import express from 'express';\\nconst app = express();\\n" : undefined),
          fileExists: (p) => p === '/p/app.ts', directoryExists: () => false, readDirectory: () => ({ files: [], directories: [] }) };
        const tree = new s.ScaffoldTree(host);
        const ast = new s.AstProject(tree, s.detectStyle('/p', host));
        s.ensureImport(ast.getSourceFile('/p/app.ts'), { moduleSpecifier: 'cors', defaultImport: 'cors' });
        ast.flush();
        process.stdout.write(JSON.stringify({ keys: Object.keys(s), changes: tree.listChanges() }));
      `;
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const output = JSON.parse(run.stdout) as { keys: string[]; changes: unknown };
      for (const name of ['ScaffoldTree', 'AstProject', 'detectStyle', 'ensureImport', 'ensureDependency', 'ScaffoldRefusalError']) {
        assert.ok(output.keys.includes(name), name);
      }
      assert.deepEqual(output.changes, [{ kind: 'edit', path: '/p/app.ts', edits: [{ start: 31, end: 31, newText: "import cors from 'cors';\n" }] }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
