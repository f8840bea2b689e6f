import { z } from 'zod';
import type { FileSystemHost } from '../core/model/file-system';
import { dirname, joinPath } from '../core/model/paths';
import { settingsSchema, type RoutewiseSettings } from '../core/model/settings';
import { UsageError } from './io';

export const CONFIG_FILE_NAME = '.routewiserc.json';

// The same fields as the editor settings, but strict: in a file, a misspelt key silently doing
// nothing is worse than a clear error. `$schema` is allowed for editors' JSON completion.
const configSchema = z.strictObject({ ...settingsSchema.shape, $schema: z.string().optional() });

export interface LoadedConfig {
  /** Absolute path of the file that was read; undefined when there is none. */
  path?: string;
  settings: Partial<RoutewiseSettings>;
}

/** The nearest `.routewiserc.json` at or above `start`. */
export function findConfigFile(start: string, host: FileSystemHost): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = joinPath(dir, CONFIG_FILE_NAME);
    if (host.fileExists(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads and validates the config governing `cwd`; throws a UsageError naming the file and every problem. */
export function loadConfig(cwd: string, host: FileSystemHost, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const path = findConfigFile(cwd, host);
  if (path === undefined) return { settings: {} };
  const text = host.readFile(path);
  if (text === undefined) throw new UsageError(`Cannot read ${path}`);

  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`Invalid ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }

  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
    throw new UsageError(`Invalid ${path}:\n${problems.join('\n')}`);
  }
  const unknown = Object.keys(parsed.data.rules ?? {}).filter((id) => !knownRuleIds.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`Invalid ${path}:\n${unknown.map((id) => `  - rules.${id}: unknown rule id`).join('\n')}\nKnown rules: ${[...knownRuleIds].sort().join(', ')}`);
  }

  const { $schema: _schema, ...settings } = parsed.data;
  return { path, settings };
}
