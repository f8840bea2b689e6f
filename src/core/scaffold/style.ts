import { IndentationText, NewLineKind, QuoteKind, ts, type ManipulationSettings } from 'ts-morph';
import type { FileSystemHost } from '../model/file-system';
import { joinPath } from '../model/paths';
import { DEFAULT_FORMATTING, type FormattingStyle } from './formatting';
import { parseJsonc } from '../model/jsonc';
import { findPrettierConfig } from './prettier-config';
import { discoverSourceFiles } from './source-files';
import { addEvidence, emptyEvidence, formattingFromEvidence, sampleSourceFile, type StyleEvidence } from './style-sampling';
import { matchesAlias, packageImportAliases, readTsconfig, type PathAlias, type TsconfigFacts } from './tsconfig-paths';

export { DEFAULT_FORMATTING, eolOf, quoteString, type FormattingStyle } from './formatting';
export type { PathAlias } from './tsconfig-paths';

/** Everything a generator needs to write code that looks like the project's own. */
export interface Style extends FormattingStyle {
  /** Suffix of relative imports in the project: `./user.js`, `./user.ts` or `./user`. */
  importExtension: '.js' | '.ts' | '';
  /** Path aliases the existing code really imports through (empty: use relative imports). */
  pathAliases: PathAlias[];
  /**
   * The alias generated imports go through (`@/*` → `src/*`): set when the project imports its own
   * modules through it more often than relatively. Unset: relative imports.
   */
  preferredAlias?: PathAlias;
  /** Where the formatting came from: a readable Prettier config, the sources, or our defaults. */
  formattingSource: 'prettier' | 'sampled' | 'default';
  /** The Prettier config found, also when it could not be read (a JS config). */
  prettierConfigPath?: string;
}

export const DEFAULT_STYLE: Readonly<Style> = {
  ...DEFAULT_FORMATTING,
  importExtension: '',
  pathAliases: [],
  formattingSource: 'default',
};

/**
 * Detects the project's style. A readable Prettier config is authoritative for formatting (it is
 * what the code will be reformatted to anyway); otherwise the source files are sampled. Import
 * suffixes and aliases always come from the code, since no config states them.
 */
export function detectStyle(projectRoot: string, host: FileSystemHost, sampleFiles?: readonly string[]): Style {
  const evidence = emptyEvidence();
  for (const path of sampleFiles ?? discoverSourceFiles(projectRoot, host)) {
    const text = host.readFile(path);
    if (text === undefined) continue;
    addEvidence(evidence, sampleSourceFile(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path))));
  }

  const prettier = findPrettierConfig(projectRoot, host);
  const sampled = formattingFromEvidence(evidence);
  const formatting: FormattingStyle = prettier?.formatting ? { ...sampled, ...prettier.formatting } : sampled;
  const sawCode = evidence.withSemicolon + evidence.withoutSemicolon > 0;

  const packageJson = parseJsonc(host.readFile(joinPath(projectRoot, 'package.json')) ?? '') as { type?: unknown } | undefined;
  const tsconfig = readTsconfig(projectRoot, host);
  const aliases = [...(tsconfig?.aliases ?? []), ...packageImportAliases(packageJson, projectRoot)];

  const used = aliases.filter((alias) => evidence.bareSpecifiers.some((specifier) => matchesAlias(specifier, alias)));
  const preferredAlias = preferredAliasOf(used, evidence);
  return {
    ...formatting,
    importExtension: importExtensionFrom(evidence, packageJson?.type === 'module', tsconfig),
    pathAliases: used,
    ...(preferredAlias ? { preferredAlias } : {}),
    formattingSource: prettier?.formatting ? 'prettier' : sawCode ? 'sampled' : 'default',
    prettierConfigPath: prettier?.path,
  };
}

/**
 * The alias most of the project's own imports use, when they use it more than relative paths:
 * a wildcard alias onto one folder (`@/*` → `src/*`), the only shape a generated specifier can
 * be written in unambiguously.
 */
function preferredAliasOf(aliases: readonly PathAlias[], evidence: StyleEvidence): PathAlias | undefined {
  const relative = evidence.relativeJs + evidence.relativeTs + evidence.relativeBare;
  let best: { alias: PathAlias; count: number } | undefined;
  for (const alias of aliases) {
    if (!alias.pattern.endsWith('/*') || alias.pattern.indexOf('*') !== alias.pattern.length - 1) continue;
    if (alias.targets.length !== 1 || !alias.targets[0].endsWith('/*')) continue;
    const count = evidence.bareSpecifiers.filter((specifier) => matchesAlias(specifier, alias)).length;
    if (!best || count > best.count) best = { alias, count };
  }
  return best && best.count > relative ? best.alias : undefined;
}

/** ts-morph settings equivalent to a style, for generators that build code through ts-morph's printers. */
export function toManipulationSettings(style: FormattingStyle): Partial<ManipulationSettings> {
  return {
    quoteKind: style.quote === 'single' ? QuoteKind.Single : QuoteKind.Double,
    indentationText: indentationTextOf(style.indent),
    newLineKind: style.eol === '\r\n' ? NewLineKind.CarriageReturnLineFeed : NewLineKind.LineFeed,
    useTrailingCommas: style.trailingCommas !== 'none',
    insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: style.bracketSpacing,
  };
}

function indentationTextOf(indent: string): IndentationText {
  switch (indent) {
    case '\t':
      return IndentationText.Tab;
    case '  ':
      return IndentationText.TwoSpaces;
    case '    ':
      return IndentationText.FourSpaces;
    case '        ':
      return IndentationText.EightSpaces;
    default:
      // ts-morph only names the common widths, but measures whatever string it is given.
      return indent as IndentationText;
  }
}

function importExtensionFrom(evidence: StyleEvidence, packageIsEsm: boolean, tsconfig: TsconfigFacts | undefined): Style['importExtension'] {
  const { relativeJs, relativeTs, relativeBare } = evidence;
  if (relativeJs + relativeTs + relativeBare > 0) {
    if (relativeJs > relativeBare && relativeJs >= relativeTs) return '.js';
    if (relativeTs > relativeBare && relativeTs > relativeJs) return '.ts';
    return '';
  }
  // No relative import to copy: Node's ESM resolution (and TS node16/nodenext) requires a suffix.
  const nodeResolution = [tsconfig?.module, tsconfig?.moduleResolution].some((value) => value === 'node16' || value === 'nodenext');
  const bundlerResolution = tsconfig?.moduleResolution === 'bundler';
  return packageIsEsm && !bundlerResolution && (nodeResolution || !tsconfig) ? '.js' : '';
}

export function scriptKindOf(path: string): ts.ScriptKind {
  if (/\.tsx$/.test(path)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(path)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
