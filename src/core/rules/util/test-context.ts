import type { RuleContext } from '../../lint/rule';

/** Whether the rule should skip the file as a test (the `lintTestFiles` setting reports them too). */
export function skipsTestFile(ctx: Pick<RuleContext, 'isTestFile' | 'settings'>): boolean {
  return ctx.isTestFile && !ctx.settings.lintTestFiles;
}
