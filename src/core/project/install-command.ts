import type { PackageManager } from './project-info';

/**
 * The command that installs what package.json declares, for the project's package manager
 * (ProjectInfo.packageManager: the `packageManager` field, else the lockfile). Yarn installs with
 * a bare `yarn` in every major; the others take `install`.
 */
export function installCommand(manager: PackageManager): string {
  switch (manager) {
    case 'pnpm':
      return 'pnpm install';
    case 'yarn':
      return 'yarn';
    case 'bun':
      return 'bun install';
    default:
      return 'npm install';
  }
}
