import { z } from 'zod';
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

const severitySetting = z.enum(['off', 'info', 'warning', 'error']);

/** The settings' schema, shared by VS Code settings and `.routewiserc.json`. */
export const settingsSchema = z
  .object({
    rules: z.record(z.string(), severitySetting),
    authMiddleware: z.array(z.string()),
    validationMiddleware: z.array(z.string()),
    rateLimitMiddleware: z.array(z.string()),
    lintTestFiles: z.boolean(),
  })
  .partial();

/** Validates raw settings; returns the settings with defaults, or a readable message per problem. */
export function parseSettings(raw: unknown): { settings: RoutewiseSettings; problems: string[] } {
  const result = settingsSchema.safeParse(raw ?? {});
  if (result.success) return { settings: withDefaults(result.data), problems: [] };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { settings: withDefaults(undefined), problems };
}
