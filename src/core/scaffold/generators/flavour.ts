import type { ProjectInfo } from '../../project/project-info';
import { ScaffoldError } from '../errors';
import type { Flavour } from './types';
import { tsVersionAtLeast } from './typescript-version';

const FRAMEWORK_NAMES = { express: 'Express', fastify: 'Fastify' } as const;

/**
 * The versions to generate for. A new project takes them from its options; an existing one from
 * detection, and an unknown or unsupported major is refused: generating Express 4 code into an
 * Express 6 app would compile and then misbehave.
 */
export function flavourOf(project: ProjectInfo, options: Record<string, unknown>, typescriptVersion?: string): Flavour {
  if (typeof options.framework === 'string' && !project.framework) {
    const framework = options.framework === 'fastify' ? 'fastify' : 'express';
    const major = options.major === 4 ? 4 : 5;
    const esm = options.moduleSystem === 'esm';
    return { framework, major, zodMajor: defaultZodMajor(framework, major), zodImport: 'zod', esm, typescript: true, importExtension: esm ? '.js' : '' };
  }
  const framework = project.framework;
  if (!framework) {
    throw new ScaffoldError(`No Express or Fastify dependency in ${project.packageJsonPath ?? `${project.root}/package.json`}: Routewise scaffolds into Express 4/5 and Fastify 4/5 projects.`);
  }
  const name = FRAMEWORK_NAMES[framework];
  const major = project.frameworkMajor;
  if (major !== 4 && major !== 5) {
    throw new ScaffoldError(
      major === undefined
        ? `Cannot tell which ${name} major this project uses (declared range: ${project.dependencies[framework] ?? 'none'}). Install dependencies or pin a version, then try again.`
        : `${name} ${major} is not supported for scaffolding yet (supported: ${name} 4 and 5). Nothing was changed.`,
    );
  }
  if (!project.typescript) {
    throw new ScaffoldError(`Scaffolding writes TypeScript; ${project.root} is a JavaScript project (no typescript dependency or tsconfig.json). Nothing was changed.`);
  }
  const zodMajor = project.zodMajor ?? (tsVersionAtLeast(typescriptVersion, ZOD4_MIN_TYPESCRIPT) ? defaultZodMajor(framework, major) : 3);
  if (zodMajor !== 3 && zodMajor !== 4) {
    throw new ScaffoldError(`zod ${zodMajor} is not supported for scaffolding yet (supported: zod 3 and 4). Nothing was changed.`);
  }
  return {
    framework,
    major,
    zodMajor,
    zodImport: project.zodImport ?? 'zod',
    esm: project.moduleSystem === 'esm',
    typescript: true,
    importExtension: '',
    ...(typescriptVersion === undefined ? {} : { typescriptVersion }),
  };
}

/** zod 4's declaration files need TypeScript 5.5; older compilers get zod 3 (see zodRangeFor). */
export const ZOD4_MIN_TYPESCRIPT = '5.5';

/**
 * The zod range to add for the project's zod major and TypeScript version. zod 3.23 and later use
 * TypeScript 4.1+ syntax in their declarations (3.25 needs 4.5+), which even --skipLibCheck does
 * not let an older compiler parse; 3.22 is the last line TypeScript 4.0 reads.
 */
export function zodRangeFor(flavour: Flavour): string {
  if (flavour.zodMajor === 4) return '^4.1.0';
  return tsVersionAtLeast(flavour.typescriptVersion, '4.5') ? '^3.25.76' : '~3.22.4';
}

/**
 * The zod major for a project that has no zod yet: 4, except on Fastify 4, whose zod type provider
 * (fastify-type-provider-zod 2.x, the last line for Fastify 4) needs zod 3.
 */
export function defaultZodMajor(framework: 'express' | 'fastify', major: 4 | 5): 3 | 4 {
  return framework === 'fastify' && major === 4 ? 3 : 4;
}
