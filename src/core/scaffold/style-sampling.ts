import { ts } from 'ts-morph';
import { DEFAULT_FORMATTING, type FormattingStyle } from './formatting';

/** Counts of how existing code is written; summed over files, then turned into a style. */
export interface StyleEvidence {
  singleQuotes: number;
  doubleQuotes: number;
  withSemicolon: number;
  withoutSemicolon: number;
  tabIndentedLines: number;
  spaceIndentedLines: number;
  /** Increase of indentation (in spaces) between consecutive indented lines → how often. */
  indentSteps: Record<number, number>;
  crlf: number;
  lf: number;
  /** Multi-line objects, arrays, imports, patterns with / without a trailing comma. */
  es5WithComma: number;
  es5WithoutComma: number;
  /** Multi-line parameter and argument lists with / without a trailing comma. */
  callWithComma: number;
  callWithoutComma: number;
  spacedBraces: number;
  tightBraces: number;
  /** Relative import specifiers by suffix. */
  relativeJs: number;
  relativeTs: number;
  relativeBare: number;
  /** Non-relative specifiers seen (to tell which path aliases the code really uses). */
  bareSpecifiers: string[];
}

export function emptyEvidence(): StyleEvidence {
  return {
    singleQuotes: 0, doubleQuotes: 0, withSemicolon: 0, withoutSemicolon: 0,
    tabIndentedLines: 0, spaceIndentedLines: 0, indentSteps: {}, crlf: 0, lf: 0,
    es5WithComma: 0, es5WithoutComma: 0, callWithComma: 0, callWithoutComma: 0,
    spacedBraces: 0, tightBraces: 0, relativeJs: 0, relativeTs: 0, relativeBare: 0, bareSpecifiers: [],
  };
}

export function addEvidence(into: StyleEvidence, from: StyleEvidence): StyleEvidence {
  for (const key of Object.keys(into) as (keyof StyleEvidence)[]) {
    const value = from[key];
    if (typeof value === 'number') (into[key] as number) += value;
  }
  for (const [step, count] of Object.entries(from.indentSteps)) {
    into.indentSteps[Number(step)] = (into.indentSteps[Number(step)] ?? 0) + count;
  }
  into.bareSpecifiers.push(...from.bareSpecifiers);
  return into;
}

// Statements that end with `;` unless the author relies on ASI.
const SEMICOLON_STATEMENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.VariableStatement, ts.SyntaxKind.ExpressionStatement, ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ThrowStatement, ts.SyntaxKind.BreakStatement, ts.SyntaxKind.ContinueStatement,
  ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ImportEqualsDeclaration, ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ExportAssignment, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.DebuggerStatement,
]);

const KNOWN_EXTENSION = /\.([cm]?[jt]sx?)$/;
const NON_CODE_EXTENSION = /\.(json|css|scss|less|svg|png|jpe?g|gif|html|node|wasm|txt|md|graphql|gql|ya?ml)$/;

/** Reads the style evidence of one parsed file. */
export function sampleSourceFile(sourceFile: ts.SourceFile): StyleEvidence {
  const evidence = emptyEvidence();
  const text = sourceFile.text;
  countLineEndings(text, evidence);
  const lineStarts: number[] = [];

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) sampleString(node, sourceFile, evidence);
    if (SEMICOLON_STATEMENTS.has(node.kind)) {
      if (text.charCodeAt(node.end - 1) === 59 /* ; */) evidence.withSemicolon++;
      else evidence.withoutSemicolon++;
    }
    if (startsLine(node)) lineStarts.push(node.getStart(sourceFile));
    sampleLists(node, sourceFile, evidence);
    sampleSpecifier(node, evidence);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  sampleIndentation(text, lineStarts, evidence);
  return evidence;
}

/** Resolves each aspect from the evidence, or from `fallback` where the code shows nothing. */
export function formattingFromEvidence(evidence: StyleEvidence, fallback: FormattingStyle = DEFAULT_FORMATTING): FormattingStyle {
  return {
    quote: decide(evidence.singleQuotes, evidence.doubleQuotes, 'single', 'double', fallback.quote),
    semicolons: decide(evidence.withSemicolon, evidence.withoutSemicolon, true, false, fallback.semicolons),
    indent: indentFromEvidence(evidence) ?? fallback.indent,
    eol: decide(evidence.crlf, evidence.lf, '\r\n', '\n', fallback.eol),
    trailingCommas: trailingCommasFromEvidence(evidence) ?? fallback.trailingCommas,
    bracketSpacing: decide(evidence.spacedBraces, evidence.tightBraces, true, false, fallback.bracketSpacing),
  };
}

function decide<T>(yes: number, no: number, ifYes: T, ifNo: T, fallback: T): T {
  if (yes === 0 && no === 0) return fallback;
  if (yes === no) return fallback;
  return yes > no ? ifYes : ifNo;
}

function indentFromEvidence(evidence: StyleEvidence): string | undefined {
  if (evidence.tabIndentedLines === 0 && evidence.spaceIndentedLines === 0) return undefined;
  if (evidence.tabIndentedLines > evidence.spaceIndentedLines) return '\t';
  let best: number | undefined;
  let bestCount = 0;
  for (const [step, count] of Object.entries(evidence.indentSteps)) {
    const size = Number(step);
    if (count > bestCount || (count === bestCount && best !== undefined && size < best)) {
      best = size;
      bestCount = count;
    }
  }
  return best === undefined ? undefined : ' '.repeat(best);
}

function trailingCommasFromEvidence(evidence: StyleEvidence): FormattingStyle['trailingCommas'] | undefined {
  const es5 = evidence.es5WithComma + evidence.es5WithoutComma;
  if (es5 === 0) return undefined;
  if (evidence.es5WithComma <= evidence.es5WithoutComma) return 'none';
  // Prettier 3 defaults to `all`; only code that visibly avoids commas in calls says `es5`.
  return evidence.callWithoutComma > evidence.callWithComma ? 'es5' : 'all';
}

function countLineEndings(text: string, evidence: StyleEvidence): void {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) evidence.crlf++;
    else evidence.lf++;
  }
}

function sampleString(node: ts.StringLiteral, sourceFile: ts.SourceFile, evidence: StyleEvidence): void {
  // JSX attributes follow their own rule, and a string holding a quote had no free choice.
  if (node.parent && ts.isJsxAttribute(node.parent)) return;
  if (node.text.includes("'") || node.text.includes('"')) return;
  const quote = sourceFile.text[node.getStart(sourceFile)];
  if (quote === "'") evidence.singleQuotes++;
  else if (quote === '"') evidence.doubleQuotes++;
}

function startsLine(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
    return true;
  }
  return ts.isObjectLiteralElementLike(node) || ts.isClassElement(node) || ts.isTypeElement(node) || ts.isEnumMember(node);
}

function sampleIndentation(text: string, starts: number[], evidence: StyleEvidence): void {
  starts.sort((a, b) => a - b);
  let previousSpaces = -1;
  let previousLine = -1;
  for (const start of starts) {
    let lineStart = start;
    while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
    if (lineStart === previousLine) continue;
    const leading = text.slice(lineStart, start);
    // Only nodes that open their line tell us about indentation.
    if (!/^[ \t]*$/.test(leading)) continue;
    previousLine = lineStart;
    if (leading.length === 0) {
      previousSpaces = 0;
      continue;
    }
    if (leading.startsWith('\t')) {
      evidence.tabIndentedLines++;
      previousSpaces = -1;
      continue;
    }
    evidence.spaceIndentedLines++;
    const spaces = leading.length;
    if (previousSpaces >= 0 && spaces > previousSpaces) {
      const step = spaces - previousSpaces;
      evidence.indentSteps[step] = (evidence.indentSteps[step] ?? 0) + 1;
    }
    previousSpaces = spaces;
  }
}

function sampleLists(node: ts.Node, sourceFile: ts.SourceFile, evidence: StyleEvidence): void {
  if (ts.isObjectLiteralExpression(node)) {
    sampleList(node.properties, sourceFile, evidence, 'es5');
    sampleBraces(node, node.properties.length, sourceFile, evidence);
  } else if (ts.isArrayLiteralExpression(node)) {
    sampleList(node.elements, sourceFile, evidence, 'es5');
  } else if (ts.isNamedImports(node) || ts.isNamedExports(node) || ts.isObjectBindingPattern(node)) {
    sampleList(node.elements, sourceFile, evidence, 'es5');
    sampleBraces(node, node.elements.length, sourceFile, evidence);
  } else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
    sampleList(node.arguments, sourceFile, evidence, 'call');
  } else if (ts.isFunctionLike(node)) {
    sampleList(node.parameters, sourceFile, evidence, 'call');
  }
}

function sampleList(list: ts.NodeArray<ts.Node>, sourceFile: ts.SourceFile, evidence: StyleEvidence, kind: 'es5' | 'call'): void {
  if (list.length === 0) return;
  const last = list[list.length - 1];
  const text = sourceFile.text;
  // Multi-line means the closing bracket sits on a later line than the last element.
  let i = last.end;
  let sawNewline = false;
  while (i < text.length && /[\s,]/.test(text[i])) {
    if (text[i] === '\n') sawNewline = true;
    i++;
  }
  if (!sawNewline) return;
  if (list.hasTrailingComma) evidence[kind === 'es5' ? 'es5WithComma' : 'callWithComma']++;
  else evidence[kind === 'es5' ? 'es5WithoutComma' : 'callWithoutComma']++;
}

function sampleBraces(node: ts.Node, count: number, sourceFile: ts.SourceFile, evidence: StyleEvidence): void {
  if (count === 0) return;
  const start = node.getStart(sourceFile);
  const inner = sourceFile.text.slice(start + 1, node.end - 1);
  if (inner.includes('\n')) return;
  if (inner.startsWith(' ')) evidence.spacedBraces++;
  else evidence.tightBraces++;
}

function sampleSpecifier(node: ts.Node, evidence: StyleEvidence): void {
  let specifier: string | undefined;
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    specifier = node.moduleSpecifier.text;
  } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
    specifier = node.expression.text;
  } else if (
    ts.isCallExpression(node) &&
    (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0])
  ) {
    specifier = node.arguments[0].text;
  }
  if (specifier === undefined) return;
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
    if (evidence.bareSpecifiers.length < 500) evidence.bareSpecifiers.push(specifier);
    return;
  }
  const extension = KNOWN_EXTENSION.exec(specifier)?.[1];
  if (extension?.includes('j')) evidence.relativeJs++;
  else if (extension?.includes('t')) evidence.relativeTs++;
  else if (!NON_CODE_EXTENSION.test(specifier)) evidence.relativeBare++;
}
