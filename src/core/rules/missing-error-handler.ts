// PLACEHOLDER until the rule lands; replaced by its implementation.
import type { Rule } from '../lint/rule';

const rule: Rule = {
  meta: { id: 'missing-error-handler', description: 'Placeholder', category: 'security', defaultSeverity: 'warning', frameworks: ['express', 'fastify'], fixable: false },
  create: () => ({}),
};
export default rule;
