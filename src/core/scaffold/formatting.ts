/** How code is laid out: what inserted code must copy so it looks like the user wrote it. */
export interface FormattingStyle {
  quote: 'single' | 'double';
  semicolons: boolean;
  /** One level of indentation: a tab or N spaces. */
  indent: string;
  eol: '\n' | '\r\n';
  /** Prettier's vocabulary: `es5` = objects, arrays, imports; `all` adds parameters and arguments. */
  trailingCommas: 'none' | 'es5' | 'all';
  /** `{ a }` rather than `{a}`. */
  bracketSpacing: boolean;
}

/**
 * Used where neither a formatter config nor the code says otherwise: what most Express and
 * Fastify codebases (and Prettier with `singleQuote`) look like.
 */
export const DEFAULT_FORMATTING: Readonly<FormattingStyle> = {
  quote: 'single',
  semicolons: true,
  indent: '  ',
  eol: '\n',
  trailingCommas: 'all',
  bracketSpacing: true,
};

/** The line ending a text mostly uses; texts without line breaks count as LF. */
export function eolOf(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Renders a string literal in the given quote style. */
export function quoteString(value: string, quote: FormattingStyle['quote']): string {
  const q = quote === 'single' ? "'" : '"';
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .split(q)
    .join(`\\${q}`);
  return `${q}${escaped}${q}`;
}
