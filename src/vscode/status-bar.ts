import * as vscode from 'vscode';
import type { FindingStore } from './finding-store';

/** Shows the active file's Routewise problem count; clicking opens the output channel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly store: FindingStore) {
    this.item.command = 'routewise.showOutput';
    this.item.name = 'Routewise';
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      this.item.hide();
      return;
    }
    const count = this.store.all(editor.document.uri.toString()).length;
    this.item.text = count === 0 ? '$(check) Routewise' : `$(warning) Routewise: ${count}`;
    this.item.tooltip = count === 0 ? 'Routewise: no problems in this file' : `Routewise: ${count} problem${count === 1 ? '' : 's'} in this file`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
