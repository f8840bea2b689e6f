import type { Rule } from '../lint/rule';
import errorDetailsLeak from './error-details-leak';
import hardcodedSecret from './hardcoded-secret';
import missingErrorHandler from './missing-error-handler';
import missingValidation from './missing-validation';
import permissiveCors from './permissive-cors';
import wrongStatusCode from './wrong-status-code';

/** Every rule, sorted by id. */
export const ALL_RULES: readonly Rule[] = [
  errorDetailsLeak,
  hardcodedSecret,
  missingErrorHandler,
  missingValidation,
  permissiveCors,
  wrongStatusCode,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.meta.id === id);
}
