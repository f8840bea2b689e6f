/**
 * The lint side as a user meets it in a real VS Code (code-server): findings in the Problems panel
 * without a save, a new finding after an edit and save, the lightbulb fix and its undo, Lint
 * Workspace for files never opened, and a file with syntax errors that crashes nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  RESULTS_DIR,
  focusEditor,
  goToLine,
  makeWorkspace,
  openFile,
  openWorkbench,
  outputChannelText,
  packageExtension,
  quickFix,
  runCommand,
  save,
  waitForUnsavedEdit,
  screenshot,
  startCodeServer,
  typeInEditor,
  waitFor,
  waitForProblems,
  type CodeServer,
  type Page,
  type ProblemRow,
} from './harness';

const USERS_ROUTER = `import { Router } from 'express';
import jwt from 'jsonwebtoken';

export const usersRouter = Router();

usersRouter.post('/users', async (req, res) => {
  const { email, name } = req.body;
  const token = jwt.sign({ email }, 'k9!Qz7#vLr2@xP4$wN8&hT6', { expiresIn: '1h' });
  res.status(201).json({ email, name, token });
});
`;

const STATUS_ROUTE = `
usersRouter.get('/users/:id/status', async (req, res) => {
  res.status(200).json({ error: 'User not found' });
});
`;

const BROKEN = `import { Router } from 'express';

export const brokenRouter = Router();

brokenRouter.post('/items', (req, res) => {
  res.json(req.body.items.map((item: { id: string }) => item.id);
});
`;

const WORKSPACE: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'journeys', version: '1.0.0', private: true, dependencies: { express: '^4.21.2', jsonwebtoken: '^9.0.2' }, devDependencies: { typescript: '^5.9.3' } }, null, 2)}\n`,
  // What `npm install` would leave: detection reads the installed major from here.
  'node_modules/express/package.json': '{ "name": "express", "version": "4.21.2" }\n',
  'src/routes/users.ts': USERS_ROUTER,
  'src/legacy/session.ts': `import jwt from 'jsonwebtoken';

export function verifySession(token: string) {
  return jwt.verify(token, 'legacy-session-signing-key-2019', { algorithms: ['HS256'] });
}
`,
  'src/broken.ts': BROKEN,
};

const has = (rows: ProblemRow[], file: string, code: string): boolean => rows.some((row) => row.file === file && row.code === code);

describe('e2e: lint journeys', function () {
  let server: CodeServer | undefined;
  let page: Page;
  let workspace: string;
  const read = (file: string): string => fs.readFileSync(path.join(workspace, file), 'utf8');

  before(async function () {
    workspace = await makeWorkspace(WORKSPACE);
    server = await startCodeServer({ workspaceFolder: workspace, extensionVsix: await packageExtension() });
    page = await openWorkbench(server);
  });

  after(async function () {
    await server?.stop();
  });

  it('opening a file lists its hardcoded secret and unvalidated body in Problems, without a save', async function () {
    await openFile(page, 'src/routes/users.ts');
    const rows = await waitForProblems(
      page,
      (current) => has(current, 'src/routes/users.ts', 'hardcoded-secret') && has(current, 'src/routes/users.ts', 'missing-validation'),
      'the hardcoded-secret and missing-validation findings',
    );
    const secret = rows.find((row) => row.code === 'hardcoded-secret');
    assert.deepEqual([secret?.line, secret?.column], [8, 37]);
    const validation = rows.find((row) => row.code === 'missing-validation');
    assert.deepEqual([validation?.line, validation?.column], [7, 27]);
  });

  it('typing a route that answers an error with 200 and saving adds a wrong-status-code finding', async function () {
    await typeInEditor(page, STATUS_ROUTE, { at: { line: 11, column: 1 } });
    await save(page);
    assert.ok(read('src/routes/users.ts').includes("res.status(200).json({ error: 'User not found' });"));
    const rows = await waitForProblems(page, (current) => has(current, 'src/routes/users.ts', 'wrong-status-code'), 'the wrong-status-code finding');
    const status = rows.find((row) => row.code === 'wrong-status-code');
    assert.deepEqual([status?.line, status?.column], [13, 3]);
    await screenshot(page, 'readme-problems');
  });

  it('the lightbulb fix (Ctrl+.) answers 404, the finding goes, and Ctrl+Z brings both back', async function () {
    await goToLine(page, 13, 3);
    const menu = await waitFor(
      async () => {
        try {
          const offered = await quickFix(page, 'Answer 404 Not Found');
          return offered.selected ? offered : undefined;
        } catch {
          await page.keyboard.press('Escape');
          return undefined;
        }
      },
      { what: 'the quick fix menu with the Routewise fix', timeoutMs: 120_000, intervalMs: 1000, capture: false },
    );
    assert.equal(menu.selected, 'Answer 404 Not Found', JSON.stringify(menu));
    assert.ok(menu.titles.includes('Disable wrong-status-code for this line'), JSON.stringify(menu.titles));
    assert.ok(menu.titles.includes('Show documentation for wrong-status-code'), JSON.stringify(menu.titles));
    // Saving before the fix lands would save the old text and leave the fix unsaved.
    await waitForUnsavedEdit(page, 'the fix applied in the editor');
    await save(page);
    await waitFor(() => read('src/routes/users.ts').includes("res.status(404).json({ error: 'User not found' });"), { what: 'the fixed text on disk' });
    await waitForProblems(page, (current) => !has(current, 'src/routes/users.ts', 'wrong-status-code') && has(current, 'src/routes/users.ts', 'hardcoded-secret'), 'the finding to disappear');

    await focusEditor(page);
    await page.keyboard.press('Control+Z');
    await save(page);
    await waitFor(() => read('src/routes/users.ts').includes("res.status(200).json({ error: 'User not found' });"), { what: 'the original text back on disk' });
    await waitForProblems(page, (current) => has(current, 'src/routes/users.ts', 'wrong-status-code'), 'the finding to come back');
  });

  it('"Routewise: Lint Workspace" fills Problems for a file that was never opened', async function () {
    await runCommand(page, 'Routewise: Lint Workspace');
    const rows = await waitForProblems(page, (current) => has(current, 'src/legacy/session.ts', 'hardcoded-secret'), 'the finding of the unopened file');
    const secret = rows.find((row) => row.file === 'src/legacy/session.ts');
    assert.deepEqual([secret?.line, secret?.column], [4, 28]);
  });

  it('a file with syntax errors is linted where the parser recovered, with no crash and no edit', async function () {
    await openFile(page, 'src/broken.ts');
    await waitForProblems(page, (current) => has(current, 'src/broken.ts', 'missing-validation'), 'the finding in the file with a syntax error');
    assert.equal(read('src/broken.ts'), BROKEN);
    assert.equal(await page.locator('.part.editor .tabs-container .tab.active.dirty').count(), 0, 'the file must not be edited');
    const log = await waitFor(
      async () => {
        try {
          return await outputChannelText(page, 'Routewise');
        } catch {
          await page.keyboard.press('Escape');
          return undefined;
        }
      },
      { what: 'the Routewise output channel', timeoutMs: 60_000, intervalMs: 2000, capture: false },
    );
    assert.doesNotMatch(log, /^\s+at .+[(:]\d+/m, `no stack trace expected in:\n${log}`);
    assert.doesNotMatch(log, /ERROR/, `no error expected in:\n${log}`);
    const activation = /activated in ([\d.]+) ms/.exec(log);
    assert.ok(activation, `the activation time is logged:\n${log}`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'activation-ms.txt'), `${activation[1]}\n`);
  });
});
