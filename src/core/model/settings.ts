import type { SeveritySetting } from './finding';

/** What users can configure, in VS Code settings (`routewise.*`) or `.routewiserc.json`. */
export interface RoutewiseSettings {
  rules: Record<string, SeveritySetting>;
  authMiddleware: string[];
  validationMiddleware: string[];
  rateLimitMiddleware: string[];
  lintTestFiles: boolean;
}

export const DEFAULT_SETTINGS: RoutewiseSettings = {
  rules: {},
  authMiddleware: [],
  validationMiddleware: [],
  rateLimitMiddleware: [],
  lintTestFiles: false,
};

export function withDefaults(partial: Partial<RoutewiseSettings> | undefined): RoutewiseSettings {
  return {
    rules: { ...(partial?.rules ?? {}) },
    authMiddleware: [...(partial?.authMiddleware ?? [])],
    validationMiddleware: [...(partial?.validationMiddleware ?? [])],
    rateLimitMiddleware: [...(partial?.rateLimitMiddleware ?? [])],
    lintTestFiles: partial?.lintTestFiles ?? false,
  };
}
