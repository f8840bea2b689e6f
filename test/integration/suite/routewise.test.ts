/** Routewise against the real VS Code API (run by test/integration/run.ts). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OPENED_FILE, UNOPENED_FILE } from '../workspace';
import { activateExtension, fileUri, routewiseDiagnostics, ruleIdOf, waitForDiagnostics } from './util';

describe('Routewise in VS Code', function () {
  before(async function () {
    await activateExtension();
  });

  it('reports a hardcoded JWT secret in an opened file', async function () {
    const uri = fileUri(OPENED_FILE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitForDiagnostics(uri, 'hardcoded-secret');
    assert.ok(diagnostic);
    assert.equal(diagnostic.source, 'routewise');
    assert.equal(document.getText(diagnostic.range), "'mysecretkey123'");
    assert.equal(diagnostic.range.start.line, 3);
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code.target instanceof vscode.Uri, 'code carries a docs link');
    assert.equal(String(code.value), 'hardcoded-secret');
    assert.match(code.target.toString(), /hardcoded-secret/);
  });

  it('offers a preferred quick fix for the secret', async function () {
    const uri = fileUri(OPENED_FILE);
    const [diagnostic] = await waitForDiagnostics(uri, 'hardcoded-secret');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const ours = actions.filter((action) => action.diagnostics?.some((d) => ruleIdOf(d) === 'hardcoded-secret'));
    assert.ok(ours.length > 0, `no quick fix for hardcoded-secret among ${JSON.stringify(actions.map((a) => a.title))}`);
    const preferred = ours.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1, `exactly one preferred fix expected, got ${JSON.stringify(ours.map((a) => [a.title, a.isPreferred]))}`);
    assert.ok(preferred[0]?.kind && vscode.CodeActionKind.QuickFix.contains(preferred[0].kind));
  });

  it('"Routewise: Lint Workspace" fills diagnostics for files that were never opened', async function () {
    const uri = fileUri(UNOPENED_FILE);
    assert.ok(
      !vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString()),
      'the file must not be open in an editor',
    );
    await vscode.commands.executeCommand('routewise.lintWorkspace');
    const diagnostics = await waitForDiagnostics(uri, 'hardcoded-secret');
    assert.ok(diagnostics.every((d) => d.source === 'routewise'));
    assert.ok(routewiseDiagnostics(fileUri(OPENED_FILE), 'hardcoded-secret').length > 0, 'opened files keep theirs');
  });
});
