import type { FileSystemHost } from '../../../model/file-system';
import { runGenerator } from '../run';
import type { GeneratorResult } from '../types';

export interface ValidationFixRequest {
  host: FileSystemHost;
  /** The folder holding `templates/<framework>/…`. */
  templatesDir: string;
  /** Absolute path of the file that registers the route. */
  file: string;
  /** The finding's route: method and path (as written, or the full path). */
  method: string;
  path: string;
  /** 1-based line of the route registration, when known. */
  line?: number;
}

/**
 * For the `missing-validation` quick fix: the changes that validate a finding's route with zod
 * (the validation generator, run on the file's project). Throws a ScaffoldError with a message
 * for the user when the route cannot be validated this way.
 */
export function validationChangesForRoute(request: ValidationFixRequest): GeneratorResult {
  return runGenerator({
    generatorId: 'validation',
    options: { file: request.file, method: request.method, path: request.path, ...(request.line !== undefined ? { line: request.line } : {}) },
    cwd: request.file.slice(0, request.file.lastIndexOf('/')),
    host: request.host,
    templatesDir: request.templatesDir,
  });
}
