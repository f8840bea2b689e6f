import * as vscode from 'vscode';
import { isLintable } from '../core/lint/parse';
import type { Finding } from '../core/model/finding';
import { toDiagnostic, toPath } from './convert';
import { Debouncer } from './debouncer';
import type { FindingStore } from './finding-store';
import type { LintService } from './lint-service';
import type { Logger } from './logger';

const TYPING_DELAY_MS = 250;

/** Keeps the Problems panel in step with documents: on open, while typing (debounced) and on save. */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('routewise');
  private readonly debouncer = new Debouncer<string>(TYPING_DELAY_MS);
  private readonly listeners = new vscode.EventEmitter<void>();
  readonly onDidUpdate = this.listeners.event;

  constructor(
    private readonly service: LintService,
    private readonly store: FindingStore,
    private readonly logger: Logger,
  ) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      this,
      vscode.workspace.onDidOpenTextDocument((document) => this.lintDocument(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const { document } = event;
        if (!isCandidate(document)) return;
        this.service.invalidate(document.uri);
        if (this.service.settingsFor(document.uri).run === 'onType') {
          this.debouncer.schedule(document.uri.toString(), () => this.lintDocument(document));
        }
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        this.service.invalidate(document.uri);
        if (isCandidate(document)) this.lintDocument(document);
        else if (/package\.json$|tsconfig.*\.json$|\.gitignore$/.test(document.uri.path)) this.relintOpenDocuments();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.debouncer.cancel(document.uri.toString());
        // Unsaved edits are gone: what remains true is what is on disk.
        if (isCandidate(document)) this.lintUri(document.uri);
      }),
      vscode.workspace.onDidDeleteFiles((event) => {
        for (const uri of event.files) {
          this.service.invalidate(uri);
          this.collection.delete(uri);
          this.store.delete(uri.toString());
        }
      }),
    );
    // Lint what is already open once activation has returned: activation stays cheap and the
    // editor shows the first results a moment later.
    const timer = setTimeout(() => this.relintOpenDocuments(), 0);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }

  relintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.lintDocument(document);
  }

  lintDocument(document: vscode.TextDocument): void {
    if (!isCandidate(document)) return;
    this.publish(document.uri, document.version, () => this.service.lint(document.uri, document.getText()));
  }

  /** Lints a file from disk (or its open editor); used by the workspace command. */
  lintUri(uri: vscode.Uri): Finding[] {
    return this.publish(uri, -1, () => this.service.lint(uri));
  }

  private publish(uri: vscode.Uri, version: number, run: () => Finding[]): Finding[] {
    let findings: Finding[] = [];
    try {
      findings = run();
    } catch (error) {
      this.logger.error(`Linting ${toPath(uri)} failed`, error);
    }
    this.store.set(uri.toString(), version, findings);
    this.collection.set(uri, findings.map(toDiagnostic));
    this.listeners.fire();
    return findings;
  }

  dispose(): void {
    this.debouncer.dispose();
    this.collection.dispose();
    this.listeners.dispose();
  }
}

function isCandidate(document: vscode.TextDocument): boolean {
  return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && isLintable(document.uri.path);
}
