import type { Finding } from '../core/model/finding';

export type PlannedAction =
  | { kind: 'fix'; title: string; preferred: true }
  | { kind: 'disable-line'; title: string }
  | { kind: 'show-docs'; title: string };

/**
 * The menu each finding gets, in this order (as ESLint's extension does): the fix, marked preferred so
 * "Auto Fix" picks it; disabling the rule for the line; the rule's documentation.
 */
export function planCodeActions(finding: Finding): PlannedAction[] {
  const actions: PlannedAction[] = [];
  if (finding.fix) actions.push({ kind: 'fix', title: finding.fix.title, preferred: true });
  actions.push({ kind: 'disable-line', title: `Disable ${finding.ruleId} for this line` });
  actions.push({ kind: 'show-docs', title: `Show documentation for ${finding.ruleId}` });
  return actions;
}
