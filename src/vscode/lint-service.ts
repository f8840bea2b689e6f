import * as vscode from 'vscode';
import { createLinter } from '../core/lint/create-linter';
import type { Linter } from '../core/lint/linter';
import type { Finding } from '../core/model/finding';
import { NodeFileSystem } from '../host/node-file-system';
import { OverlayFileSystem } from '../host/overlay-file-system';
import { createScaffoldBridge } from '../host/scaffold-module';
import type { Logger } from './logger';
import { readSettings, type ExtensionSettings } from './settings';
import { toPath } from './convert';

interface FolderLinter {
  linter: Linter;
  settings: ExtensionSettings;
  invalidate(path: string): void;
}

/** One linter per workspace folder (settings are per folder), reading unsaved editor text first. */
export class LintService {
  private readonly folders = new Map<string, FolderLinter>();
  readonly host = new OverlayFileSystem(new NodeFileSystem(), (path) => this.openText(path));
  /** Quick fixes run generators through it; the engine loads on the first such fix. */
  private readonly scaffold = createScaffoldBridge({
    host: this.host,
    onUnexpectedError: (generatorId, error) => this.logger.error(`The ${generatorId} generator failed while building a quick fix`, error),
  });

  constructor(private readonly logger: Logger) {}

  settingsFor(uri: vscode.Uri): ExtensionSettings {
    return this.folderLinter(uri).settings;
  }

  lint(uri: vscode.Uri, text?: string): Finding[] {
    const folder = this.folderLinter(uri);
    if (!folder.settings.enable) return [];
    return folder.linter.lintFile(toPath(uri), text);
  }

  /** A file changed (typed, saved, created, deleted): drop what was derived from it. */
  invalidate(uri: vscode.Uri): void {
    for (const folder of this.folders.values()) folder.invalidate(toPath(uri));
  }

  /** Settings changed: rebuild linters on next use. */
  reset(): void {
    this.folders.clear();
  }

  private folderLinter(uri: vscode.Uri): FolderLinter {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    const existing = this.folders.get(key);
    if (existing) return existing;
    const settings = readSettings(folder?.uri ?? uri);
    for (const problem of settings.problems) this.logger.error(`Invalid setting routewise.${problem}; using the default`);
    const { linter, projects, graphs } = createLinter({
      host: this.host,
      settings: settings.lint,
      onRuleError: (ruleId, file, error) => this.logger.error(`Rule ${ruleId} failed on ${file}`, error),
      onGraphProblem: (root, message) => this.logger.info(`${root}: ${message}`),
      scaffold: this.scaffold,
    });
    const created: FolderLinter = {
      linter,
      settings,
      invalidate: (path) => {
        projects.invalidate(path);
        graphs.invalidate(path);
      },
    };
    this.folders.set(key, created);
    return created;
  }

  private openText(path: string): string | undefined {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === 'file' && toPath(document.uri) === path) return document.getText();
    }
    return undefined;
  }
}
