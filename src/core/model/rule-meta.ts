import type { Severity } from './finding';

export type Framework = 'express' | 'fastify';

export type RuleCategory = 'security' | 'correctness' | 'reliability' | 'performance';

export interface RuleMeta {
  /** kebab-case id, also the diagnostic code and the docs page name. */
  id: string;
  /** One sentence, starting with a verb ("Require …", "Disallow …"), no trailing period. */
  description: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  frameworks: readonly Framework[];
  /** Whether findings of this rule carry a quick fix. */
  fixable: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/routewise/routewise/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
