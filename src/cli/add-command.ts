import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describeOptions, flagOf, type OptionDescriptor } from '../core/generator-options/describe';
import { dirname, joinPath, relativePath, toPosix } from '../core/model/paths';
import { ProjectDetector } from '../core/project/detect';
import { installCommand } from '../core/project/install-command';
import { loadScaffoldModule, templatesDirectory, type ScaffoldModule } from '../host/scaffold-module';
import { parseGeneratorOptions, splitAddArguments } from './add-args';
import { describePlannedChanges } from './change-preview';
import { EXIT_OK, EXIT_USAGE_OR_INTERNAL, UsageError, type CliIo } from './io';
import { RecordingFileSystem, StaleFileError, writeChanges } from './write-changes';

type GeneratorMeta = ReturnType<ScaffoldModule['allGenerators']>[number]['meta'];
type GeneratorResult = ReturnType<ScaffoldModule['runGenerator']>;

export interface AddCommandOptions {
  /** The scaffold engine: the binary loads dist/scaffold.js, tests may pass the source entry. */
  loadScaffold?: () => ScaffoldModule;
  templatesDir?: string;
}

/**
 * `routewise add GENERATOR [--option value]… [--dry-run] [--cwd dir]`: runs a generator on the
 * project in the directory, then prints the planned changes (`--dry-run`) or writes them all or
 * nothing. Exit 0, or 2 for usage errors and refusals (the message on stderr, nothing written).
 */
export function runAddCommand(args: readonly string[], cwd: string, io: CliIo, options: AddCommandOptions = {}): number {
  const parsed = splitAddArguments(args);
  let engine: ScaffoldModule;
  try {
    engine = (options.loadScaffold ?? loadScaffoldModule)();
  } catch (error) {
    io.stderr(`routewise: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE_OR_INTERNAL;
  }
  const generators = engine.allGenerators();
  if (parsed.generatorId === undefined) {
    const usage = addUsage(generators.map((generator) => generator.meta));
    if (parsed.help) io.stdout(usage);
    else io.stderr(usage);
    return parsed.help ? EXIT_OK : EXIT_USAGE_OR_INTERNAL;
  }
  const generatorId = parsed.generatorId;
  const generator = generators.find((candidate) => candidate.meta.id === generatorId);
  if (!generator) {
    throw new UsageError(`Unknown generator "${generatorId}". Available: ${generators.map((candidate) => candidate.meta.id).join(', ')}`);
  }
  const descriptors = describeOptions(generator.meta.options);
  if (parsed.help) {
    io.stdout(generatorUsage(generator.meta, descriptors));
    return EXIT_OK;
  }
  const generatorOptions = parseGeneratorOptions(generatorId, parsed.optionTokens, descriptors);
  const directory = nodePath.resolve(cwd, parsed.cwd ?? '.');
  if (!fs.statSync(directory, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${directory} is not a directory`);

  const files = new RecordingFileSystem();
  let result: GeneratorResult;
  try {
    result = engine.runGenerator({
      generatorId,
      options: generatorOptions,
      cwd: toPosix(directory),
      host: files,
      templatesDir: options.templatesDir ?? templatesDirectory(),
    });
  } catch (error) {
    if (!(error instanceof engine.ScaffoldError)) throw error;
    io.stderr(`routewise add ${generatorId}: ${error.message}\n`);
    return EXIT_USAGE_OR_INTERNAL;
  }

  const base = toPosix(nodePath.resolve(cwd));
  const display = (path: string): string => relativePath(base, path) || '.';
  if (result.changes.length === 0) {
    io.stdout(`Nothing to change: the project already has what ${generatorId} adds.\n`);
    printNotes(io, result.notes);
    return EXIT_OK;
  }
  if (parsed.dryRun) {
    io.stdout(`Planned changes (dry run: nothing was written):\n\n`);
    io.stdout(describePlannedChanges(result.changes, (path) => files.baseline(path), display));
  } else {
    try {
      writeChanges(result.changes, files);
    } catch (error) {
      if (!(error instanceof StaleFileError)) throw error;
      io.stderr(`routewise add ${generatorId}: ${error.message}\n`);
      return EXIT_USAGE_OR_INTERNAL;
    }
    for (const change of [...result.changes].sort((a, b) => a.path.localeCompare(b.path))) {
      io.stdout(`${change.kind === 'create' ? 'created' : 'edited '} ${display(change.path)}\n`);
    }
  }
  printNotes(io, result.notes);
  printDependencies(io, result, base, parsed.dryRun);
  return EXIT_OK;
}

function printNotes(io: CliIo, notes: readonly string[]): void {
  if (notes.length === 0) return;
  io.stdout(`\nNotes:\n${notes.map((note) => `  - ${note}\n`).join('')}`);
}

/** The added dependencies, and the install command of the project's package manager. */
function printDependencies(io: CliIo, result: GeneratorResult, base: string, dryRun: boolean): void {
  if (result.dependencies.length === 0) return;
  const manifest = result.changes.find((change) => change.path.endsWith('/package.json'));
  const root = manifest ? dirname(manifest.path) : base;
  const manager = new ProjectDetector(new RecordingFileSystem()).detect(joinPath(root, 'package.json')).packageManager;
  const where = relativePath(base, root);
  const command = `${where && where !== '.' ? `cd ${where} && ` : ''}${installCommand(manager)}`;
  const list = result.dependencies.map((dependency) => `${dependency.name}@${dependency.range}${dependency.dev ? ' (dev)' : ''}`).join(', ');
  io.stdout(`\n${dryRun ? 'Would add' : 'Added'} to package.json: ${list}\n`);
  io.stdout(`${dryRun ? 'Then run' : 'Run'} \`${command}\` to install ${result.dependencies.length === 1 ? 'it' : 'them'}.\n`);
}

export function addUsage(generators: readonly GeneratorMeta[]): string {
  const width = Math.max(...generators.map((meta) => meta.id.length)) + 2;
  const lines = generators.map((meta) => `  ${meta.id.padEnd(width)}${meta.description}`);
  return `Usage: routewise add GENERATOR [--option value]… [--dry-run] [--cwd dir]

Applies a generator to the project in the current directory (the nearest package.json), as the
VS Code commands do. Nothing is written with --dry-run; otherwise every change is written or none.

Generators:
${lines.join('\n')}

Options:
      --dry-run        print the planned changes (created files, edited files as diffs)
      --cwd <dir>      run in another directory
  -h, --help           show this help; routewise add GENERATOR --help lists its options

Exit status: 0 done (or nothing to do), 2 usage error or refusal (nothing written).
`;
}

function generatorUsage(meta: GeneratorMeta, descriptors: readonly OptionDescriptor[]): string {
  const lines = descriptors.map((option) => {
    const value = option.kind === 'boolean' ? '' : option.kind === 'list' ? ' <a,b,…>' : option.kind === 'choice' ? ` <${option.choices?.join('|') ?? 'value'}>` : ` <${option.kind === 'number' ? 'n' : 'value'}>`;
    const facts = [option.required ? 'required' : undefined, option.default !== undefined ? `default: ${JSON.stringify(option.default)}` : undefined].filter(Boolean).join('; ');
    return `  ${flagOf(option.key)}${value}\n      ${option.description ?? ''}${facts ? ` (${facts})` : ''}`;
  });
  return `Usage: routewise add ${meta.id}${descriptors.length > 0 ? ' [options]' : ''} [--dry-run] [--cwd dir]

${meta.description}
${lines.length > 0 ? `\nOptions:\n${lines.join('\n')}\n` : ''}`;
}
