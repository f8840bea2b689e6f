// PLACEHOLDER until the rule lands; replaced by its implementation.
import type { Rule } from '../lint/rule';

const rule: Rule = {
  meta: { id: 'permissive-cors', description: 'Placeholder', category: 'security', defaultSeverity: 'warning', frameworks: ['express', 'fastify'], fixable: false },
  create: () => ({}),
};
export default rule;
