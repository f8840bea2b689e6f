/** Joins a mount prefix and a route path the way Express and Fastify do: `/api` + `/` → `/api`. */
export function joinRoutePath(prefix: string | undefined, path: string | undefined): string {
  // `app.options('*', …)` is written without a slash and means every path.
  if ((prefix === undefined || prefix === '' || prefix === '/') && path === '*') return '*';
  const parts = [prefix ?? '', path ?? ''].filter((part) => part !== '' && part !== '/');
  if (parts.length === 0) return '/';
  let joined = '';
  for (const part of parts) {
    const segment = part.startsWith('/') || part.startsWith('{') ? part : `/${part}`;
    joined = joined.endsWith('/') && segment.startsWith('/') ? joined + segment.slice(1) : joined + segment;
  }
  const collapsed = joined.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

/**
 * Whether middleware mounted at `filter` (`app.use('/api', mw)`) runs for a route at `path`:
 * the filter must match whole leading segments; `:param` segments match anything.
 */
export function pathCovers(filter: string | undefined, path: string): boolean {
  if (filter === undefined || filter === '' || filter === '/') return true;
  // Unknown or pattern filters (`{config.prefix}`, regexes, `*`) cannot be ruled out.
  if (/[{}*()?+\\]/.test(filter) || filter.startsWith('/') === false) return true;
  const wanted = filter.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  if (wanted.length > actual.length) return false;
  return wanted.every((segment, index) => segment.startsWith(':') || actual[index].startsWith(':') || actual[index].startsWith('{') || segment === actual[index]);
}
