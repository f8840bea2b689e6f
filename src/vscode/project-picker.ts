import * as vscode from 'vscode';
import type { FileSystemHost } from '../core/model/file-system';
import { joinPath, relativePath } from '../core/model/paths';
import { ProjectDetector } from '../core/project/detect';
import type { ProjectInfo } from '../core/project/project-info';
import { toPath } from './convert';
import { orderProjects } from './scaffold-results';

/**
 * The project a generator runs on: the only package.json root of the workspace, or the one the user
 * picks (Express / Fastify packages only, when there are any; the active editor's project first).
 */
export async function pickProjectRoot(host: FileSystemHost, title: string): Promise<string | undefined> {
  const manifests = await vscode.workspace.findFiles('**/package.json', '**/node_modules/**', 500);
  const detector = new ProjectDetector(host);
  const projects = manifests.map((uri) => detector.detect(toPath(uri))).filter((project) => project.packageJsonPath !== undefined);
  const backends = projects.filter((project) => project.framework !== undefined);
  const candidates = new Map((backends.length > 0 ? backends : projects).map((project) => [project.root, project]));
  if (candidates.size === 0) {
    void vscode.window.showErrorMessage('Routewise: the workspace has no package.json. Open an Express or Fastify project, or run "Routewise: New Project…".');
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const ordered = orderProjects([...candidates.keys()], active?.scheme === 'file' ? toPath(active) : undefined);
  if (ordered.length === 1) return ordered[0];
  const picked = await vscode.window.showQuickPick(
    ordered.map((root) => ({ label: labelOf(root), description: describe(candidates.get(root)!), root })),
    { title, placeHolder: 'Which project?', ignoreFocusOut: true, matchOnDescription: true },
  );
  return picked?.root;
}

/** Where a new project goes: the workspace folder (picked when there are several), else a folder chosen in a dialog. */
export async function pickParentFolder(): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return toPath(folders[0].uri);
  if (folders.length > 1) {
    const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the project in which folder?', ignoreFocusOut: true });
    return folder ? toPath(folder.uri) : undefined;
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Project Here' });
  return chosen?.[0] ? toPath(chosen[0]) : undefined;
}

/** `api` for a workspace folder's own package, `api/services/orders` below it. */
function labelOf(root: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(root));
  if (!folder) return root;
  const base = toPath(folder.uri);
  const relative = relativePath(base, root);
  return relative === '' || relative === '.' ? folder.name : joinPath(folder.name, relative);
}

function describe(project: ProjectInfo): string {
  const framework = project.framework ? `${project.framework}${project.frameworkMajor ? ` ${project.frameworkMajor}` : ''}` : 'no Express / Fastify dependency';
  return [framework, project.typescript ? 'TypeScript' : 'JavaScript', project.moduleSystem.toUpperCase()].join(' · ');
}
