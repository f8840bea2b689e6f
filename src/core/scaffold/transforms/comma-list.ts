import type { TextEdit } from '../../model/edit';

/** An existing element of a `{ a, b }` / `[a, b]` list, by offsets into the text. */
export interface ListItem {
  start: number;
  end: number;
  /** What the list is ordered by (the imported name, the property name). */
  key: string;
  /** A `...rest` element, which must stay last. */
  isRest?: boolean;
}

export interface CommaList {
  text: string;
  /** Offset just after the opening bracket. */
  open: number;
  /** Offset of the closing bracket. */
  close: number;
  items: readonly ListItem[];
}

export interface NewListItem {
  text: string;
  key: string;
  /** Insert before the existing element at this index (items.length = at the end), whatever the order. */
  index?: number;
}

export interface CommaListOptions {
  eol: string;
  bracketSpacing: boolean;
  /** Keep this order even if the existing elements don't follow it (package.json dependencies). */
  order?: (a: string, b: string) => number;
}

/**
 * Edits adding elements to a comma-separated list the way its author laid it out: one per line
 * with the same indentation and trailing comma if it is multi-line (the Prettier layout that
 * naive splicing breaks), inline otherwise; in order if the list is already sorted, at the end
 * if not. Returns edits with offsets into `list.text`.
 */
export function commaListInsertions(list: CommaList, added: readonly NewListItem[], options: CommaListOptions): TextEdit[] {
  if (added.length === 0) return [];
  const { text, items } = list;
  if (items.length === 0) {
    const inner = added.map((item) => item.text).join(', ');
    return [{ start: list.open, end: list.close, newText: options.bracketSpacing ? ` ${inner} ` : inner }];
  }

  const multiline = /\n/.test(text.slice(list.open, items[0].start));
  const separator = separatorOf(list, multiline, options.eol);
  const last = items[items.length - 1];
  const appendLimit = last.isRest ? items.length - 1 : items.length;
  const compare = options.order ?? sortOrderOf(items.slice(0, appendLimit));

  const byIndex = new Map<number, string[]>();
  for (const item of added) {
    let index = item.index ?? appendLimit;
    if (item.index === undefined && compare) {
      const after = items.slice(0, appendLimit).findIndex((existing) => compare(existing.key, item.key) > 0);
      if (after !== -1) index = after;
    }
    byIndex.set(index, [...(byIndex.get(index) ?? []), item.text]);
  }

  const edits: TextEdit[] = [];
  for (const [index, texts] of byIndex) {
    const joined = texts.join(separator);
    if (index < items.length) {
      edits.push({ start: items[index].start, end: items[index].start, newText: `${joined}${separator}` });
      continue;
    }
    const trailingComma = trailingCommaAfter(text, last.end);
    if (trailingComma !== undefined) {
      const lead = multiline ? `${options.eol}${indentationAt(text, items[0].start)}` : ' ';
      edits.push({ start: trailingComma + 1, end: trailingComma + 1, newText: `${lead}${joined},` });
    } else {
      edits.push({ start: last.end, end: last.end, newText: `${separator}${joined}` });
    }
  }
  return edits;
}

function separatorOf(list: CommaList, multiline: boolean, eol: string): string {
  const { text, items } = list;
  if (items.length >= 2) {
    const between = text.slice(items[0].end, items[1].start);
    if (/^[ \t]*,\s*$/.test(between)) return between.replace(/^[ \t]*/, '');
  }
  return multiline ? `,${eol}${indentationAt(text, items[0].start)}` : ', ';
}

/** The order the existing elements follow, if any (two or more elements to tell). */
function sortOrderOf(items: readonly ListItem[]): ((a: string, b: string) => number) | undefined {
  if (items.length < 2) return undefined;
  const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const caseless = (a: string, b: string): number => ordinal(a.toLowerCase(), b.toLowerCase()) || ordinal(a, b);
  for (const compare of [ordinal, caseless]) {
    if (items.every((item, i) => i === 0 || compare(items[i - 1].key, item.key) <= 0)) return compare;
  }
  return undefined;
}

function trailingCommaAfter(text: string, position: number): number | undefined {
  let i = position;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i] === ',' ? i : undefined;
}

function indentationAt(text: string, position: number): string {
  let start = position;
  while (start > 0 && text[start - 1] !== '\n') start--;
  return /^[ \t]*/.exec(text.slice(start, position))![0];
}
