import * as vscode from 'vscode';
import type { FileChange } from '../core/model/edit';
import type { Finding, Severity } from '../core/model/finding';
import { LineIndex } from '../core/model/line-index';
import { docsUrl } from '../core/model/rule-meta';

/** The only place that maps core types to VS Code types. */

export const DIAGNOSTIC_SOURCE = 'routewise';

export function toDiagnosticSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

export function toRange(finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  return new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
}

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, toDiagnosticSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(docsUrl(finding.ruleId)) };
  return diagnostic;
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** The 1-based positions of a diagnostic, as findings carry them. */
export function positionOf(diagnostic: vscode.Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = diagnostic.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * Turns core changes into one WorkspaceEdit (one undo step). Offsets are converted against the text
 * the core computed them on: open documents' text, else the file on disk as the host read it.
 */
export function toWorkspaceEdit(
  changes: readonly FileChange[],
  textOf: (path: string) => string | undefined,
  metadata?: vscode.WorkspaceEditEntryMetadata,
): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of changes) {
    const uri = vscode.Uri.file(change.path);
    if (change.kind === 'create') {
      edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: Buffer.from(change.content, 'utf8') }, metadata);
      continue;
    }
    const text = textOf(change.path);
    if (text === undefined) throw new Error(`Cannot edit ${change.path}: it could not be read`);
    const index = new LineIndex(text);
    for (const textEdit of change.edits) {
      const start = index.position(textEdit.start);
      const end = index.position(textEdit.end);
      const range = new vscode.Range(start.line, start.character, end.line, end.character);
      if (metadata) edit.replace(uri, range, textEdit.newText, metadata);
      else edit.replace(uri, range, textEdit.newText);
    }
  }
  return edit;
}

export function toPath(uri: vscode.Uri): string {
  return uri.fsPath.replace(/\\/g, '/');
}
