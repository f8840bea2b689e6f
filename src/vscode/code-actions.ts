import * as vscode from 'vscode';
import { disableNextLineEdit } from '../core/lint/disable-comment';
import { StaleFixError } from '../core/lint/linter';
import type { FileChange } from '../core/model/edit';
import type { Finding, Fix } from '../core/model/finding';
import { planCodeActions } from './code-action-plan';
import { DIAGNOSTIC_SOURCE, positionOf, ruleIdOf, toPath, toWorkspaceEdit } from './convert';
import { findingKey, type FindingStore } from './finding-store';
import type { LintService } from './lint-service';
import type { Logger } from './logger';

export const SHOW_DOCS_COMMAND = 'routewise.showRuleDocs';
export const APPLY_FIX_COMMAND = 'routewise.applyFix';
const CHANGED_SINCE = 'Routewise: this problem has changed since; try the quick fix again.';

/** Quick fixes for Routewise diagnostics: the fix (preferred), disable for this line, documentation. */
export class RoutewiseCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly store: FindingStore,
    private readonly service: LintService,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = this.findingFor(document, diagnostic);
      if (!finding) continue;
      for (const planned of planCodeActions(finding)) {
        const action = new vscode.CodeAction(planned.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        if (planned.kind === 'fix') {
          action.isPreferred = true;
          // The fix is built when chosen, not for every lightbulb: some fixes read other files.
          action.command = { title: planned.title, command: APPLY_FIX_COMMAND, arguments: [document.uri, findingKey(finding, finding.ruleId, finding.message)] };
        } else if (planned.kind === 'disable-line') {
          const edit = new vscode.WorkspaceEdit();
          const textEdit = disableNextLineEdit(document.getText(), finding.line, finding.ruleId);
          edit.replace(document.uri, new vscode.Range(document.positionAt(textEdit.start), document.positionAt(textEdit.end)), textEdit.newText);
          action.edit = edit;
        } else {
          action.command = { title: planned.title, command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] };
        }
        actions.push(action);
      }
    }
    return actions;
  }

  private findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
    const ruleId = ruleIdOf(diagnostic);
    if (!ruleId) return undefined;
    const position = positionOf(diagnostic);
    const key = findingKey(position, ruleId, diagnostic.message);
    const stored = this.store.get(document.uri.toString(), key);
    if (stored && (stored.version === document.version || stored.version === -1)) return stored.finding;
    // The document moved on since the last lint: lint its current text now, without publishing —
    // replacing the diagnostics here would cancel the very request being answered.
    const fresh = this.service.lint(document.uri, document.getText());
    const match =
      fresh.find((finding) => findingKey(finding, finding.ruleId, finding.message) === key) ??
      fresh.find((finding) => finding.ruleId === ruleId && finding.line === position.line && finding.column === position.column);
    if (match) this.store.set(document.uri.toString(), document.version, fresh);
    return match;
  }
}

/** Builds and applies a finding's fix as one WorkspaceEdit (one undo step). */
export async function applyFix(service: LintService, store: FindingStore, logger: Logger, uri: vscode.Uri, key: string): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
  const stored = store.get(uri.toString(), key);
  // Findings from a workspace lint carry version -1: they were found in the saved file.
  const fix = stored && (stored.version === -1 || stored.version === document?.version) ? stored.finding.fix : undefined;
  if (!fix) {
    void vscode.window.showWarningMessage(CHANGED_SINCE);
    return false;
  }
  try {
    const changes = buildFix(fix, () => {
      // A file the fix reads was parsed again since (edited in another editor): find the problem afresh.
      const fresh = service.lint(uri, document?.getText());
      store.set(uri.toString(), document?.version ?? -1, fresh);
      return fresh.find((finding) => findingKey(finding, finding.ruleId, finding.message) === key)?.fix;
    });
    if (!changes) {
      void vscode.window.showWarningMessage(CHANGED_SINCE);
      return false;
    }
    const edit = toWorkspaceEdit(changes, (path) => service.host.readFile(path));
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) logger.error(`The fix "${fix.title}" could not be applied to ${toPath(uri)}`);
    return applied;
  } catch (error) {
    logger.error(`Building the fix "${fix.title}" failed`, error);
    void vscode.window.showErrorMessage(`Routewise: the fix could not be built: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** The fix's edits; built once more from `refreshed()` when the trees it was found in have been reused since. */
function buildFix(fix: Fix, refreshed: () => Fix | undefined): FileChange[] | undefined {
  try {
    return fix.build();
  } catch (error) {
    if (!(error instanceof StaleFixError)) throw error;
    return refreshed()?.build();
  }
}
