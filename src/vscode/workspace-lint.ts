import * as vscode from 'vscode';
import { listSourceFiles } from '../core/project/source-files';
import type { DiagnosticsController } from './diagnostics';
import type { LintService } from './lint-service';
import type { Logger } from './logger';
import { toPath } from './convert';

/** "Routewise: Lint Workspace": every source file of every folder, with a cancellable progress notification. */
export async function lintWorkspace(service: LintService, diagnostics: DiagnosticsController, logger: Logger): Promise<number> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const started = Date.now();
  let problems = 0;
  let fileCount = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Routewise: linting workspace', cancellable: true },
    async (progress, token) => {
      const files = folders.flatMap((folder) => listSourceFiles(toPath(folder.uri), service.host));
      const step = files.length === 0 ? 100 : 100 / files.length;
      for (const [index, file] of files.entries()) {
        if (token.isCancellationRequested) break;
        problems += diagnostics.lintUri(vscode.Uri.file(file)).length;
        fileCount++;
        if (index % 25 === 0) {
          progress.report({ increment: step * 25, message: `${index + 1} / ${files.length}` });
          // Yield so the notification repaints and cancellation is seen.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
    },
  );
  logger.info(`Linted ${fileCount} files in ${Date.now() - started} ms: ${problems} problems`);
  return problems;
}
