import { isTestFilePath } from '../../lint/parse';
import type { RuleContext } from '../../lint/rule';

/**
 * Whether the rule should treat the file as a test. The engine judges the path relative to the
 * package root; without a package.json that root is the file's own folder, which hides `test/`
 * directories, so the whole path is judged then.
 */
export function skipsTestFile(ctx: Pick<RuleContext, 'isTestFile' | 'settings' | 'project' | 'fileName'>): boolean {
  if (ctx.settings.lintTestFiles) return false;
  return ctx.isTestFile || (ctx.project.packageJsonPath === undefined && isTestFilePath(ctx.fileName));
}
