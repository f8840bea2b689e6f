import type { FileSystemHost } from '../model/file-system';
import { dirname, joinPath } from '../model/paths';
import type { FormattingStyle } from './formatting';
import { parseJsonc } from '../model/jsonc';

export interface PrettierConfigInfo {
  path: string;
  /**
   * What the config pins down. Undefined when the config exists but cannot be read without
   * running it (JS/TS configs, shared configs named by package): we never execute user code,
   * so the caller samples the sources instead.
   */
  formatting?: Partial<FormattingStyle>;
}

// Prettier's own search order within one directory.
const DATA_CONFIGS = ['.prettierrc', '.prettierrc.json', '.prettierrc.yaml', '.prettierrc.yml', '.prettierrc.json5'];
const CODE_CONFIGS = [
  '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.ts', '.prettierrc.cts', '.prettierrc.mts',
  'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', 'prettier.config.ts', 'prettier.config.cts', 'prettier.config.mts',
  '.prettierrc.toml',
];

/** Finds the Prettier config that applies to `startDir`, searching upwards like Prettier does. */
export function findPrettierConfig(startDir: string, host: FileSystemHost): PrettierConfigInfo | undefined {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const found = configIn(dir, host);
    if (found) return found;
    if (dir === dirname(dir)) return undefined;
  }
}

function configIn(dir: string, host: FileSystemHost): PrettierConfigInfo | undefined {
  const packageJsonPath = joinPath(dir, 'package.json');
  const packageJson = host.readFile(packageJsonPath);
  if (packageJson !== undefined) {
    const parsed = parseJsonc(packageJson) as { prettier?: unknown } | undefined;
    if (parsed?.prettier !== undefined) {
      return { path: packageJsonPath, formatting: isRecord(parsed.prettier) ? fromOptions(parsed.prettier) : undefined };
    }
  }
  for (const name of DATA_CONFIGS) {
    const path = joinPath(dir, name);
    const text = host.readFile(path);
    if (text === undefined) continue;
    const options = parseJsonc(text) ?? parseFlatYaml(text);
    return { path, formatting: isRecord(options) ? fromOptions(options) : undefined };
  }
  for (const name of CODE_CONFIGS) {
    const path = joinPath(dir, name);
    if (host.fileExists(path)) return { path };
  }
  return undefined;
}

/** Maps Prettier options to a style; options left out take Prettier's defaults, as Prettier would. */
function fromOptions(options: Record<string, unknown>): Partial<FormattingStyle> {
  const tabWidth = typeof options.tabWidth === 'number' && options.tabWidth > 0 ? options.tabWidth : 2;
  const formatting: Partial<FormattingStyle> = {
    quote: options.singleQuote === true ? 'single' : 'double',
    semicolons: options.semi !== false,
    indent: options.useTabs === true ? '\t' : ' '.repeat(tabWidth),
    trailingCommas: options.trailingComma === 'none' || options.trailingComma === 'es5' ? options.trailingComma : 'all',
    bracketSpacing: options.bracketSpacing !== false,
  };
  // 'auto' keeps whatever the files have, so only an explicit choice is a fact.
  if (options.endOfLine === 'crlf') formatting.eol = '\r\n';
  else if (options.endOfLine === undefined || options.endOfLine === 'lf') formatting.eol = '\n';
  return formatting;
}

/** Enough YAML for `.prettierrc` files, which are flat `key: value` maps. */
function parseFlatYaml(text: string): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#') || line.trim() === '---') continue;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match) {
      // Nested structures (overrides) don't change the top-level options; anything else is not YAML we know.
      if (/^\s/.test(line) || line.trimStart().startsWith('-')) continue;
      return undefined;
    }
    result[match[1]] = yamlScalar(match[2]);
  }
  return result;
}

function yamlScalar(value: string): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
