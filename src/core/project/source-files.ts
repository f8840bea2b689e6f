import { isLintable } from '../lint/parse';
import type { FileSystemHost } from '../model/file-system';
import { joinPath } from '../model/paths';
import { IgnoreRules } from './ignore';

/** Folders that never hold the project's own sources. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.turbo', '.cache', '.vscode-test', '.yarn', 'bower_components']);

/**
 * Every lintable JS/TS source under `root`, honouring each folder's .gitignore, skipping
 * node_modules, build output and declaration files. Sorted for stable output.
 */
export function listSourceFiles(root: string, host: FileSystemHost): string[] {
  const result: string[] = [];
  const visit = (directory: string, inherited: { base: string; rules: IgnoreRules }[]): void => {
    const gitignore = host.readFile(joinPath(directory, '.gitignore'));
    const scopes = gitignore === undefined ? inherited : [...inherited, { base: directory, rules: new IgnoreRules(gitignore) }];
    const ignored = (path: string, isDirectory: boolean): boolean =>
      scopes.some((scope) => scope.rules.ignores(path.slice(scope.base.length + 1), isDirectory));
    const entries = host.readDirectory(directory);
    for (const name of entries.directories) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const path = joinPath(directory, name);
      if (!ignored(path, true)) visit(path, scopes);
    }
    for (const name of entries.files) {
      const path = joinPath(directory, name);
      if (isLintable(path) && !ignored(path, false)) result.push(path);
    }
  };
  if (host.fileExists(root)) return isLintable(root) ? [root] : [];
  visit(root.replace(/\/+$/, '') || '/', []);
  return result.sort();
}
