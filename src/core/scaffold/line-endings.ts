import { applyEdits } from '../model/edit';
import { eolOf } from './formatting';
import { diffTexts } from './line-diff';

/**
 * Gives the text that was inserted into `original` the original's line ending, leaving the
 * untouched lines alone (a file with deliberately mixed endings keeps them).
 */
export function preserveLineEndings(original: string, updated: string): string {
  const eol = eolOf(original);
  const edits = diffTexts(original, updated).map((edit) => ({
    ...edit,
    newText: convertLineEndings(edit.newText, eol, original.charCodeAt(edit.start - 1) === 13),
  }));
  return applyEdits(original, edits);
}

function convertLineEndings(text: string, eol: '\n' | '\r\n', afterCarriageReturn: boolean): string {
  const converted = text.replace(/\r?\n/g, eol);
  // An edit that starts between `\r` and `\n` must not double the `\r`.
  return afterCarriageReturn && eol === '\r\n' && text.startsWith('\n') ? converted.slice(1) : converted;
}
