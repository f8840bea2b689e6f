import * as vscode from 'vscode';
import type { PackageManager } from '../core/project/project-info';
import { installOffer } from './scaffold-results';

/**
 * After a generator added dependencies: "Install N dependencies with pnpm?" and, if so, the project's
 * package manager in a terminal at the project root (the user sees the output and can stop it).
 */
export async function offerInstall(root: string, count: number, manager: PackageManager, packageJson: vscode.Uri | undefined): Promise<void> {
  const offer = installOffer(count, manager);
  const choice = await vscode.window.showInformationMessage(`Routewise: ${offer.message}`, 'Install', 'Not Now');
  if (choice !== 'Install') return;
  // The package.json edit may still be unsaved in an editor; the package manager reads the disk.
  const document = packageJson ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === packageJson.toString()) : undefined;
  if (document?.isDirty && !(await document.save())) {
    void vscode.window.showErrorMessage('Routewise: package.json could not be saved, so nothing was installed.');
    return;
  }
  const terminal = vscode.window.createTerminal({ name: `Routewise: ${offer.command}`, cwd: root });
  terminal.show();
  terminal.sendText(offer.command);
}
