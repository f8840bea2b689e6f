/** Where a command writes; the binary passes the process, tests a buffer. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal: colour codes would corrupt piped or redirected output. */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Part of the CLI contract: other tools branch on these. */
export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_USAGE_OR_INTERNAL = 2;

/** A mistake in how the CLI was called or configured: reported without a stack, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function processIo(): CliIo {
  // `routewise lint | head` closes the pipe early: the reader has all it wanted, so no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
