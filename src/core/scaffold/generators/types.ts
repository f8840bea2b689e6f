import type { z } from 'zod';
import type { FileChange } from '../../model/edit';
import type { Framework } from '../../model/rule-meta';
import type { ProjectInfo } from '../../project/project-info';
import type { RouteGraph } from '../../project/route-graph-types';
import type { AstProject } from '../ast-project';
import type { Style } from '../style';
import type { ScaffoldTree } from '../tree';

/** The versions generated code must be written for; every supported combination is tested. */
export interface Flavour {
  framework: Framework;
  /** 4 or 5: anything else is refused before a generator runs. */
  major: 4 | 5;
  /** zod major the code is written for (3 or 4), and the specifier to import it from. */
  zodMajor: 3 | 4;
  zodImport: 'zod' | 'zod/v4';
  esm: boolean;
  typescript: boolean;
  /** Suffix for relative imports: `.js` under NodeNext ESM, else none. */
  importExtension: '' | '.js' | '.ts';
  /**
   * The project's TypeScript version (`4.0.3`: the installed compiler, else the declared range's
   * floor); undefined for a new project or when unknown. Templates ask `f.tsAtLeast('4.5')`.
   */
  typescriptVersion?: string;
  /** The project's @types/node (major, `node:` specifiers typed); undefined: current typings. Templates ask `f.nodeTypesAtLeast(17)`. */
  nodeTypes?: { major: number; nodePrefix: boolean };
  /** The newest ES library year the tsconfig gives (`lib` / `target`); undefined: current. Templates ask `f.esLibAtLeast(2019)`. */
  esLibYear?: number;
  /** False when the installed Express typings predate Request's `Locals` type parameter. */
  expressRequestLocals?: boolean;
  /** False when the project compiles without strictNullChecks (narrowing on `result.success` then needs `=== false`). */
  strictNullChecks?: boolean;
}

export interface GeneratorMeta<Options extends z.ZodType = z.ZodType> {
  /** kebab-case id: the CLI's `routewise add <id>`. */
  id: string;
  /** Palette title, e.g. "Add Resource…". */
  title: string;
  /** One sentence for help texts. */
  description: string;
  frameworks: readonly Framework[];
  /** Validates and defaults the options; `describe()` texts become CLI help and prompts. */
  options: Options;
  /**
   * Creates a new project (`project`): the root is `<cwd>/<options.directory>` as a fresh package,
   * not the package owning cwd, and the flavour comes from the options.
   */
  createsProject?: boolean;
}

export interface WriteOptions {
  /**
   * What to do when the file exists with other content: `conflict` refuses (the default: never
   * overwrite a user's file), `keep` leaves the existing file (a shared module another generator
   * already wrote, perhaps edited since).
   */
  ifExists?: 'conflict' | 'keep';
}

export interface DependencyRequest {
  name: string;
  range: string;
  dev: boolean;
}

export interface GeneratorContext {
  /** Directory of the project's package.json. */
  readonly root: string;
  readonly tree: ScaffoldTree;
  readonly project: ProjectInfo;
  readonly style: Style;
  readonly flavour: Flavour;
  /** ts-morph over the tree, created on first use. */
  ast(): AstProject;
  /** The route graph of the project as it is on disk (apps, routers, mounts). */
  graph(): RouteGraph | undefined;
  /** Renders `templates/<framework>/<template>` (EJS) with the flavour, style helpers and `data`. */
  render(template: string, data?: Record<string, unknown>): string;
  /** Writes a generated file (path relative to the root), restyled to the project's style. */
  writeFile(relativePath: string, content: string, options?: WriteOptions): void;
  /** Relative import specifier from one project file to another, with the project's suffix style. */
  importPath(fromRelative: string, toRelative: string): string;
  addDependency(name: string, range: string, dev?: boolean): void;
  /** A message for the user (what was done, what to do next). */
  note(message: string): void;
  /** Runs another generator in the same tree (e.g. `resource` ensures the error handler). */
  invoke(generatorId: string, options?: Record<string, unknown>): void;
}

export interface Generator<Options extends z.ZodType = z.ZodType> {
  meta: GeneratorMeta<Options>;
  generate(context: GeneratorContext, options: z.output<Options>): void;
}

export interface GeneratorResult {
  changes: FileChange[];
  notes: string[];
  /** Dependencies added to package.json, so the adapter can offer an install. */
  dependencies: DependencyRequest[];
}

/**
 * Erases a generator's option type for the registry; the runner parses options with the
 * generator's own schema before calling it, so the erased type is never trusted blindly.
 */
export function defineGenerator<Options extends z.ZodType>(generator: Generator<Options>): Generator {
  return generator;
}
