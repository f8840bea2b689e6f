import { ts } from 'ts-morph';

/**
 * Re-expresses the relative indentation of a multi-line snippet in the file's indentation unit
 * (a generator writing two-space snippets into a tab-indented file). Lines inside template
 * literals are content, not indentation, and stay as they are.
 */
export function adaptIndentation(text: string, unit: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length === 1) return lines[0];
  const frozen = linesInsideTemplates(lines.join('\n'));
  const sourceUnit = indentationUnitOf(lines, frozen);
  if (!sourceUnit || sourceUnit === unit) return lines.join('\n');
  return lines
    .map((line, index) => {
      if (frozen.has(index)) return line;
      const leading = /^[ \t]*/.exec(line)![0];
      const levels = countLevels(leading, sourceUnit);
      return levels === undefined ? line : unit.repeat(levels) + line.slice(leading.length);
    })
    .join('\n');
}

/** Makes an expression comparable: no whitespace, one quote kind, no trailing commas. */
export function normalizeCode(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/["`]/g, "'")
    .replace(/,([)\]}])/g, '$1');
}

function indentationUnitOf(lines: readonly string[], frozen: ReadonlySet<number>): string | undefined {
  let smallestSpaces = Infinity;
  for (let i = 1; i < lines.length; i++) {
    if (frozen.has(i) || lines[i].trim() === '') continue;
    const leading = /^[ \t]*/.exec(lines[i])![0];
    if (leading.startsWith('\t')) return '\t';
    if (leading.length > 0) smallestSpaces = Math.min(smallestSpaces, leading.length);
  }
  return smallestSpaces === Infinity ? undefined : ' '.repeat(smallestSpaces);
}

function countLevels(leading: string, unit: string): number | undefined {
  if (leading.length === 0) return 0;
  if (leading.length % unit.length !== 0 || leading !== unit.repeat(leading.length / unit.length)) return undefined;
  return leading.length / unit.length;
}

/** Indexes of lines that begin inside a template literal. */
function linesInsideTemplates(text: string): Set<number> {
  const frozen = new Set<number>();
  if (!text.includes('`')) return frozen;
  const sourceFile = ts.createSourceFile('snippet.ts', text, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number): number => sourceFile.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node): void => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      for (let line = lineOf(node.getStart(sourceFile)) + 1; line <= lineOf(node.end); line++) frozen.add(line);
    }
    node.getChildren(sourceFile).forEach(visit);
  };
  visit(sourceFile);
  return frozen;
}
