import type { FileChange, TextEdit } from '../../model/edit';
import type { FileSystemHost } from '../../model/file-system';

/**
 * A FileChange adding `"name": "range"` to the `dependencies` of a package.json, keeping its
 * formatting (indentation, line endings, alphabetical order when the list is sorted). Returns
 * undefined when the package is already a runtime dependency or the file cannot be read.
 */
export function addDependencyChange(host: FileSystemHost, packageJsonPath: string | undefined, name: string, range: string): FileChange | undefined {
  if (!packageJsonPath) return undefined;
  const text = host.readFile(packageJsonPath);
  if (text === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!isRecord(manifest)) return undefined;
  const dependencies = manifest.dependencies;
  if (isRecord(dependencies) && name in dependencies) return undefined;
  const edit = dependencyEdit(text, name, range, isRecord(dependencies) ? Object.keys(dependencies) : undefined);
  return edit ? { kind: 'edit', path: packageJsonPath, edits: [edit] } : undefined;
}

function dependencyEdit(text: string, name: string, range: string, existing: string[] | undefined): TextEdit | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const entry = `${JSON.stringify(name)}: ${JSON.stringify(range)}`;
  const top = topLevelKeys(text);
  if (existing) {
    const key = top.find((candidate) => candidate.key === 'dependencies');
    if (!key) return undefined;
    const open = text.indexOf('{', key.valueStart);
    const close = matchingBrace(text, open);
    if (close < 0) return undefined;
    if (existing.length === 0) {
      return { start: open + 1, end: close, newText: `${eol}${unit}${unit}${entry}${eol}${unit}` };
    }
    const entries = memberOffsets(text, open, close);
    const sorted = existing.every((dep, index) => index === 0 || existing[index - 1].localeCompare(dep) <= 0);
    const before = sorted ? entries.find((candidate) => candidate.key.localeCompare(name) > 0) : undefined;
    const indent = indentationBefore(text, entries[0].start);
    if (before) return { start: before.start, end: before.start, newText: `${entry},${eol}${indent}` };
    const last = entries[entries.length - 1];
    return { start: last.end, end: last.end, newText: `,${eol}${indent}${entry}` };
  }
  // No dependencies block: add one after the last top-level member.
  const last = top[top.length - 1];
  if (!last) return undefined;
  return { start: last.valueEnd, end: last.valueEnd, newText: `,${eol}${unit}"dependencies": {${eol}${unit}${unit}${entry}${eol}${unit}}` };
}

interface Member {
  key: string;
  start: number;
  end: number;
}

/** Top-level keys of a JSON object text with where their values start and end. */
function topLevelKeys(text: string): { key: string; valueStart: number; valueEnd: number }[] {
  const open = text.indexOf('{');
  const close = matchingBrace(text, open);
  return memberOffsets(text, open, close).map((member) => ({ key: member.key, valueStart: text.indexOf(':', member.start) + 1, valueEnd: member.end }));
}

/** Members of the JSON object between `open` and `close`: each key and the end of its value. */
function memberOffsets(text: string, open: number, close: number): Member[] {
  const members: Member[] = [];
  let index = open + 1;
  while (index < close) {
    const quote = text.indexOf('"', index);
    if (quote < 0 || quote >= close) break;
    const keyEnd = skipString(text, quote);
    const key = JSON.parse(text.slice(quote, keyEnd)) as string;
    let cursor = text.indexOf(':', keyEnd) + 1;
    cursor = skipValue(text, cursor);
    members.push({ key, start: quote, end: cursor });
    const comma = text.indexOf(',', cursor);
    index = comma < 0 || comma > close ? close : comma + 1;
  }
  return members;
}

function skipValue(text: string, from: number): number {
  let index = from;
  while (/\s/.test(text.charAt(index))) index++;
  const char = text.charAt(index);
  if (char === '"') return skipString(text, index);
  if (char === '{' || char === '[') return matchingBrace(text, index) + 1;
  while (index < text.length && !/[,}\]\s]/.test(text.charAt(index))) index++;
  return index;
}

function skipString(text: string, quote: number): number {
  let index = quote + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index++;
  }
  return index;
}

/** Offset of the bracket closing the one at `open`, skipping strings. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let index = open;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '"') {
      index = skipString(text, index);
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index;
    }
    index++;
  }
  return -1;
}

function indentationBefore(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(prefix) ? prefix : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
