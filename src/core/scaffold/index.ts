// Public API of the scaffold engine: the entry of dist/scaffold.js, which the extension and the
// CLI load lazily (it carries ts-morph). Generators build on these pieces.
export { ScaffoldConflictError, ScaffoldError, ScaffoldRefusalError } from './errors';
export { ScaffoldTree } from './tree';
export { diffTexts } from './line-diff';
export { AstProject } from './ast-project';
export { DEFAULT_STYLE, detectStyle, eolOf, quoteString, toManipulationSettings, type FormattingStyle, type PathAlias, type Style } from './style';
export { DEFAULT_FORMATTING } from './formatting';
export { createModuleResolver } from './module-resolver';
export { firstParseError, type ParseError } from './parse-check';
export * from './transforms';
// What the adapters (src/vscode, src/cli) call through the lazily loaded bundle.
export { runGenerator, type RunGeneratorRequest } from './generators/run';
export { allGenerators, generatorById } from './generators/registry';
export type { DependencyRequest, Generator, GeneratorMeta, GeneratorResult } from './generators/types';
export { checkFields, type FieldCheck } from './generators/resource';
