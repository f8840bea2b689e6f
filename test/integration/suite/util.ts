import * as vscode from 'vscode';

export const EXTENSION_ID = 'routewise.routewise';

/** The folder run.ts opened. */
export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite must run with a workspace folder open');
  return folder.uri;
}

export function fileUri(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceUri(), ...relPath.split('/'));
}

/** `code.value` of a diagnostic (ours carry `{ value: ruleId, target: docs Uri }`). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function routewiseDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'routewise' && (ruleId === undefined || ruleIdOf(d) === ruleId));
}

/** Polls until `fn` returns a truthy value (diagnostics arrive asynchronously). */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Diagnostics of `uri` with `ruleId`, once there is at least one. */
export function waitForDiagnostics(uri: vscode.Uri, ruleId: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const found = routewiseDiagnostics(uri, ruleId);
      return found.length > 0 ? found : undefined;
    },
    `${ruleId} diagnostics on ${vscode.workspace.asRelativePath(uri)}`,
    timeoutMs,
  );
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
}
