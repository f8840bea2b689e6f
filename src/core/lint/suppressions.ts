import type ts from 'typescript';

const DIRECTIVE = /^\s*(?:\/\/|\/\*)\s*routewise-(disable-next-line|disable-line|disable|enable)\b([^*\n]*)/;

interface RangeDirective {
  kind: 'disable' | 'enable';
  line: number;
  rules: string[] | 'all';
}

/**
 * Suppression comments, ESLint style: `// routewise-disable-next-line RULE[, RULE]`,
 * `// routewise-disable-line RULE`, and `/* routewise-disable RULE *\/` … `/* routewise-enable RULE *\/`
 * (no rule list means every rule).
 */
export class Suppressions {
  private readonly lineRules = new Map<number, string[] | 'all'>();
  private readonly ranges: RangeDirective[] = [];

  constructor(sourceFile: ts.SourceFile) {
    const text = sourceFile.text;
    if (!text.includes('routewise-')) return;
    const lineStarts = sourceFile.getLineStarts();
    for (let line = 0; line < lineStarts.length; line++) {
      const lineText = text.slice(lineStarts[line], line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length);
      const commentStart = lineText.search(/\/\/|\/\*/);
      if (commentStart === -1 || !lineText.includes('routewise-')) continue;
      const match = DIRECTIVE.exec(lineText.slice(commentStart));
      if (!match) continue;
      const rules = parseRuleList(match[2]);
      switch (match[1]) {
        case 'disable-next-line':
          this.addLine(line + 1, rules);
          break;
        case 'disable-line':
          this.addLine(line, rules);
          break;
        default:
          this.ranges.push({ kind: match[1] as 'disable' | 'enable', line, rules });
      }
    }
  }

  /** `line` is 0-based. */
  isSuppressed(ruleId: string, line: number): boolean {
    const onLine = this.lineRules.get(line);
    if (onLine === 'all' || onLine?.includes(ruleId)) return true;
    let disabled = false;
    for (const range of this.ranges) {
      if (range.line > line) break;
      if (range.rules === 'all' || range.rules.includes(ruleId)) disabled = range.kind === 'disable';
    }
    return disabled;
  }

  private addLine(line: number, rules: string[] | 'all'): void {
    const existing = this.lineRules.get(line);
    if (existing === 'all' || rules === 'all') this.lineRules.set(line, 'all');
    else this.lineRules.set(line, [...(existing ?? []), ...rules]);
  }
}

function parseRuleList(raw: string): string[] | 'all' {
  // Text after `--` is a reason, as in ESLint.
  const list = raw.split('--')[0].trim();
  if (list.length === 0) return 'all';
  return list.split(/[\s,]+/).filter((id) => /^[a-z][a-z0-9-]*$/.test(id));
}
