import * as vscode from 'vscode';
import { SourceCache } from '../core/lint/source-cache';
import { dirname, joinPath } from '../core/model/paths';
import { ProjectDetector } from '../core/project/detect';
import { RouteGraphBuilder } from '../core/project/route-graph';
import { loadScaffoldModule, templatesDirectory, type ScaffoldModule } from '../host/scaffold-module';
import { toWorkspaceEdit } from './convert';
import { offerInstall } from './dependency-install';
import type { LintService } from './lint-service';
import type { Logger } from './logger';
import { pickParentFolder, pickProjectRoot } from './project-picker';
import { SCAFFOLD_COMMANDS, optionsFromAnswers, type ScaffoldCommand } from './scaffold-plan';
import { askAnswers } from './scaffold-prompts';
import { mainFileOf, routerChoices, type RouterChoice } from './scaffold-results';

type GeneratorResult = ReturnType<ScaffoldModule['runGenerator']>;

/** The palette's "Routewise: Add …" commands (package.json lists the same ids). */
export function registerScaffoldCommands(context: vscode.ExtensionContext, service: LintService, logger: Logger): void {
  for (const command of SCAFFOLD_COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(command.command, () => runScaffoldCommand(command, service, logger)));
  }
}

/**
 * Picks the project, asks the generator's options, runs it through the lazily loaded engine and
 * applies its changes as one WorkspaceEdit (one undo; a refactor preview when
 * `routewise.scaffold.preview` is on). Refusals show their message and change nothing.
 */
async function runScaffoldCommand(command: ScaffoldCommand, service: LintService, logger: Logger): Promise<void> {
  const name = command.title.replace(/…$/, '');
  let engine: ScaffoldModule | undefined;
  try {
    engine = loadScaffoldModule();
    const generator = engine.generatorById(command.generatorId);
    if (!generator) throw new Error(`The scaffold engine has no ${command.generatorId} generator`);
    const cwd = command.createsProject ? await pickParentFolder() : await pickProjectRoot(service.host, name);
    if (!cwd) return;
    const answers = await askAnswers({
      command,
      schema: generator.meta.options,
      checkFields: engine.checkFields,
      routers: () => routersOf(service, cwd, logger),
    });
    if (!answers) return;
    const run = engine.runGenerator;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Routewise: ${name}` }, async () => {
      // Let the progress indicator paint before the (synchronous) generator takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return run({ generatorId: command.generatorId, options: optionsFromAnswers(answers), cwd, host: service.host, templatesDir: templatesDirectory() });
    });
    await applyResult(command, result, cwd, service, logger);
  } catch (error) {
    if (engine && error instanceof engine.ScaffoldError) {
      void vscode.window.showErrorMessage(`Routewise: ${error.message}`);
      return;
    }
    logger.error(`${name} failed`, error);
    const choice = await vscode.window.showErrorMessage(`Routewise: ${name} failed unexpectedly; nothing was changed. The Routewise output has the details.`, 'Show Output');
    if (choice) logger.channel.show(true);
  }
}

async function applyResult(command: ScaffoldCommand, result: GeneratorResult, cwd: string, service: LintService, logger: Logger): Promise<void> {
  const name = command.title.replace(/…$/, '');
  for (const note of result.notes) logger.info(`${name}: ${note}`);
  if (result.changes.length === 0) {
    void vscode.window.showInformationMessage(`Routewise: nothing to change.${result.notes.length > 0 ? ` ${result.notes.join(' ')}` : ''}`);
    return;
  }
  const preview = vscode.workspace.getConfiguration('routewise', vscode.Uri.file(cwd)).get<boolean>('scaffold.preview', false);
  const metadata = preview ? { needsConfirmation: true, label: `Routewise: ${name}` } : undefined;
  const edit = toWorkspaceEdit(result.changes, (path) => service.host.readFile(path), metadata);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    // With the preview, false means the user discarded it.
    if (!preview) void vscode.window.showErrorMessage('Routewise: the changes could not be applied (did a file change meanwhile?); nothing was changed.');
    return;
  }
  const main = mainFileOf(command.generatorId, result.changes);
  if (main) await vscode.window.showTextDocument(vscode.Uri.file(main), { preview: false });
  if (result.notes.length > 0) void vscode.window.showInformationMessage(`Routewise: ${result.notes.join(' ')}`);
  if (result.dependencies.length > 0) {
    const manifest = result.changes.find((change) => change.path.endsWith('/package.json'));
    const root = manifest ? dirname(manifest.path) : cwd;
    const manager = new ProjectDetector(service.host).detect(joinPath(root, 'package.json')).packageManager;
    await offerInstall(root, result.dependencies.length, manager, manifest ? vscode.Uri.file(manifest.path) : undefined);
  }
}

/** The project's routers from the route graph, for "Add Route…" and "Generate Tests for Router…". */
function routersOf(service: LintService, root: string, logger: Logger): RouterChoice[] {
  try {
    const projects = new ProjectDetector(service.host);
    const graph = new RouteGraphBuilder(service.host, new SourceCache(), projects).graphFor(projects.detect(joinPath(root, 'package.json')));
    return graph ? routerChoices(graph.routes, root) : [];
  } catch (error) {
    // Typing the router in still works.
    logger.error('Listing the routers failed', error);
    return [];
  }
}
