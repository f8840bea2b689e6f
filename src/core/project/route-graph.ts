// PLACEHOLDER until the route graph lands.
import type { FileSystemHost } from '../model/file-system';
import type { SourceCache } from '../lint/source-cache';
import type { ProjectDetector } from './detect';
import type { ProjectInfo } from './project-info';
import type { RouteGraph } from './route-graph-types';

export class RouteGraphBuilder {
  constructor(
    readonly host: FileSystemHost,
    readonly cache: SourceCache,
    readonly projects: ProjectDetector,
  ) {}

  graphFor(_project: ProjectInfo): RouteGraph | undefined {
    return undefined;
  }
}
