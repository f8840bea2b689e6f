import * as vscode from 'vscode';
import { APPLY_FIX_COMMAND, RoutewiseCodeActionProvider, SHOW_DOCS_COMMAND, applyFix } from './code-actions';
import { DiagnosticsController } from './diagnostics';
import { FindingStore } from './finding-store';
import { LintService } from './lint-service';
import { registerScaffoldCommands } from './scaffold-commands';
import { Logger } from './logger';
import { StatusBar } from './status-bar';
import { lintWorkspace } from './workspace-lint';

const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'typescript' },
  { scheme: 'file', language: 'javascript' },
  { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', language: 'javascriptreact' },
];

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const logger = new Logger();
  const store = new FindingStore();
  const service = new LintService(logger);
  const diagnostics = new DiagnosticsController(service, store, logger);
  const statusBar = new StatusBar(store);
  context.subscriptions.push(logger, statusBar);

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new RoutewiseCodeActionProvider(store, service), {
      providedCodeActionKinds: RoutewiseCodeActionProvider.providedCodeActionKinds,
    }),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, (uri: vscode.Uri, key: string) => applyFix(service, store, logger, uri, key)),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, (ruleId: string) => showRuleDocs(context, ruleId)),
    vscode.commands.registerCommand('routewise.lintWorkspace', () => lintWorkspace(service, diagnostics, logger)),
    vscode.commands.registerCommand('routewise.showOutput', () => logger.channel.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('routewise')) return;
      logger.info('Settings changed: linting open files again');
      service.reset();
      diagnostics.relintOpenDocuments();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    diagnostics.onDidUpdate(() => statusBar.update()),
  );
  diagnostics.register(context);
  registerScaffoldCommands(context, service, logger);
  statusBar.update();
  logger.info(`Routewise ${String((context.extension.packageJSON as { version?: unknown }).version)} activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** Opens the rule's page shipped inside the extension, so documentation works offline. */
async function showRuleDocs(context: vscode.ExtensionContext, ruleId: string): Promise<void> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
