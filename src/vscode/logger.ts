import * as vscode from 'vscode';

/** The "Routewise" output channel: timestamps, and errors with their stack for bug reports. */
export class Logger implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Routewise');

  info(message: string): void {
    this.channel.appendLine(`[${new Date().toISOString()}] ${message}`);
  }

  error(message: string, error?: unknown): void {
    // A real failure keeps its stack: it is what a bug report needs.
    const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : error === undefined ? '' : `: ${typeof error === 'string' ? error : JSON.stringify(error)}`;
    this.channel.appendLine(`[${new Date().toISOString()}] ERROR ${message}${detail}`);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
