import type { TextEdit } from '../model/edit';

/**
 * The edit behind "Disable RULE for this line": a `// routewise-disable-next-line RULE` comment
 * above the line, indented like it, with the file's EOL; an existing directive there gets the id
 * appended instead of a second comment. `line` is 1-based.
 */
export function disableNextLineEdit(text: string, line: number, ruleId: string): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const start = lineStarts[Math.min(line - 1, lineStarts.length - 1)];
  if (line >= 2) {
    const previousStart = lineStarts[line - 2];
    const previous = text.slice(previousStart, start).replace(/\r?\n$/, '');
    const match = /^(\s*\/\/\s*routewise-disable-next-line)([^\n]*?)(\s+--.*)?$/.exec(previous);
    if (match) {
      const ids = match[2].split(/[\s,]+/).filter(Boolean);
      if (ids.length === 0 || ids.includes(ruleId)) return { start: previousStart, end: previousStart, newText: '' };
      const insertAt = previousStart + match[1].length + match[2].length;
      return { start: insertAt, end: insertAt, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
  return { start, end: start, newText: `${indent}// routewise-disable-next-line ${ruleId}${eol}` };
}
