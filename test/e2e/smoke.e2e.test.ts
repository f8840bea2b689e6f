/**
 * Proves the e2e harness end to end without our extension: a real VS Code (code-server) opens a
 * tiny TypeScript workspace, the built-in TypeScript extension reports a deliberate error in the
 * Problems panel, a quick fix is applied through the lightbulb menu, and typing + saving reach the
 * disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type CodeServer,
  type Page,
  goToLine,
  makeWorkspace,
  openFile,
  openWorkbench,
  outputChannelText,
  quickFix,
  save,
  screenshot,
  startCodeServer,
  typeInEditor,
  waitFor,
  waitForProblems,
} from './harness';

describe('e2e smoke: code-server + Playwright harness', function () {
  let server: CodeServer | undefined;
  let page: Page;
  let workspace: string;

  before(async function () {
    workspace = await makeWorkspace({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022' } }, null, 2),
      'src/broken.ts': "export const x: number = 'a';\n",
      'src/spelling.ts': 'const value = 1;\nconsole.log(valeu);\n',
    });
    server = await startCodeServer({ workspaceFolder: workspace });
    page = await openWorkbench(server);
    console.log(`      code-server answered in ${server.timings.start} ms; workbench ready in ${server.timings.workbench} ms`);
  });

  after(async function () {
    await server?.stop();
  });

  it('shows the TypeScript error of an opened file in the Problems panel', async function () {
    const t = Date.now();
    await openFile(page, 'src/broken.ts');
    const rows = await waitForProblems(
      page,
      (all) => all.some((row) => row.file === 'src/broken.ts' && row.code === '2322'),
      "TS2322 for src/broken.ts in the Problems panel",
    );
    console.log(`      first diagnostic ${Date.now() - t} ms after opening the file`);
    const row = rows.find((r) => r.file === 'src/broken.ts' && r.code === '2322');
    assert.deepEqual(row, {
      severity: 'error',
      message: "Type 'string' is not assignable to type 'number'.",
      line: 1,
      column: 14,
      source: 'ts',
      code: '2322',
      file: 'src/broken.ts',
    });
    await screenshot(page, 'smoke-problems');
  });

  it('lists and applies a quick fix from the lightbulb menu', async function () {
    await openFile(page, 'src/spelling.ts');
    await waitForProblems(page, (all) => all.some((r) => r.file === 'src/spelling.ts' && r.code === '2552'), 'TS2552 for valeu');
    await goToLine(page, 2, 13);
    const menu = await quickFix(page, "Change spelling to 'value'");
    assert.ok(menu.titles.includes("Change spelling to 'value'"), JSON.stringify(menu));
    assert.equal(menu.selected, "Change spelling to 'value'");
    await save(page);
    const file = path.join(workspace, 'src/spelling.ts');
    await waitFor(() => fs.readFileSync(file, 'utf8').includes('console.log(value);'), { what: 'the fix on disk' });
    await waitForProblems(page, (all) => !all.some((r) => r.file === 'src/spelling.ts'), 'the spelling error to go away');
  });

  it('types into the editor and saves to disk', async function () {
    await openFile(page, 'src/broken.ts');
    await typeInEditor(page, "export const y: string = 'typed';\n", { at: { line: 2 } });
    await save(page);
    const text = fs.readFileSync(path.join(workspace, 'src/broken.ts'), 'utf8');
    assert.equal(text, "export const x: number = 'a';\nexport const y: string = 'typed';\n");
  });

  it('reads an output channel', async function () {
    const text = await outputChannelText(page, 'TypeScript');
    assert.match(text, /Starting TS Server/);
  });
});
