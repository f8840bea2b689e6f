/** Minimal package.json + installed-package stubs so detection sees the framework a case is written for. */
export type Flavour = 'express4' | 'express5' | 'fastify4' | 'fastify5' | 'none';

export const PROJECT_ROOT = '/project';

const VERSIONS: Record<Exclude<Flavour, 'none'>, { name: string; version: string }> = {
  express4: { name: 'express', version: '4.21.2' },
  express5: { name: 'express', version: '5.1.0' },
  fastify4: { name: 'fastify', version: '4.28.1' },
  fastify5: { name: 'fastify', version: '5.4.0' },
};

export function projectFiles(flavour: Flavour, options: { esm?: boolean; extraDependencies?: Record<string, string> } = {}): Record<string, string> {
  const dependencies: Record<string, string> = { ...(options.extraDependencies ?? {}) };
  const files: Record<string, string> = {};
  if (flavour !== 'none') {
    const { name, version } = VERSIONS[flavour];
    dependencies[name] = `^${version}`;
    files[`${PROJECT_ROOT}/node_modules/${name}/package.json`] = JSON.stringify({ name, version });
  }
  files[`${PROJECT_ROOT}/package.json`] = JSON.stringify(
    { name: 'fixture', version: '1.0.0', ...(options.esm ? { type: 'module' } : {}), dependencies },
    null,
    2,
  );
  return files;
}
