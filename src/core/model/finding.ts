import type { FileChange } from './edit';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/**
 * A quick fix. `build` is lazy because some fixes read other files or create modules;
 * linting never pays for a fix nobody asks for.
 */
export interface Fix {
  title: string;
  build(): FileChange[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Absolute path with `/` separators. */
  file: string;
  /** Offsets into the file text. */
  start: number;
  end: number;
  /** 1-based, like editors and the CLI contract. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
}
