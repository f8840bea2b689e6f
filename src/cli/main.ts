import { EXIT_OK, EXIT_USAGE_OR_INTERNAL, UsageError, processIo, type CliIo } from './io';
import { runAddCommand } from './add-command';
import { runLintCommand } from './lint-command';
import { runRoutesCommand } from './routes-command';
import { ROUTEWISE_VERSION } from './version';

export const USAGE = `Usage: routewise <command> [options]

Commands:
  lint [paths…] [--format stylish|json|sarif] [--rule ID]…
                      lint Express / Fastify sources (default path: .)
  routes [path] [--format table|json]
                      print the route graph of the project in the current directory (or path)
  add GENERATOR [options] [--dry-run]
                      apply a generator (routewise add --help lists them)

Options:
  -h, --help          show this help (routewise <command> --help for a command's options)
  -v, --version       print the version

Exit status: 0 no error findings, 1 error findings, 2 usage or internal error.
`;

/** The whole CLI as a function, so tests run it in-process against real directories. */
export function main(argv: readonly string[], cwd: string, io: CliIo): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'lint':
        return runLintCommand(args, cwd, io);
      case 'routes':
        return runRoutesCommand(args, cwd, io);
      case 'add':
        return runAddCommand(args, cwd, io);
      case '-h':
      case '--help':
        io.stdout(USAGE);
        return EXIT_OK;
      case '-v':
      case '--version':
        io.stdout(`${ROUTEWISE_VERSION}\n`);
        return EXIT_OK;
      case undefined:
        io.stderr(USAGE);
        return EXIT_USAGE_OR_INTERNAL;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`routewise: ${error.message}\nRun "routewise --help" for usage.\n`);
    } else {
      io.stderr(`routewise: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return EXIT_USAGE_OR_INTERNAL;
  }
}

// exitCode rather than exit(): exit() can cut off output still queued for a pipe.
if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.cwd(), processIo());
}
