/** The lowest version a range admits, for "never downgrade" decisions. */
export interface VersionFloor {
  major: number;
  minor: number;
  patch: number;
}

/**
 * Undefined for ranges that are not plain semver (`workspace:*`, git URLs, `file:`, `npm:`
 * aliases, `latest`, `*`): those are deliberate choices we leave alone.
 */
export function versionFloor(range: string): VersionFloor | undefined {
  const trimmed = range.trim();
  if (trimmed === '' || /^[a-z][a-z+.-]*:/i.test(trimmed) || trimmed.includes('/')) return undefined;
  let lowest: VersionFloor | undefined;
  for (const part of trimmed.split('||')) {
    const match = /(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?/.exec(part.split(' - ')[0]);
    if (!match) return undefined;
    const floor = { major: Number(match[1]), minor: toNumber(match[2]), patch: toNumber(match[3]) };
    if (!lowest || compareFloors(floor, lowest) < 0) lowest = floor;
  }
  return lowest;
}

export function compareFloors(a: VersionFloor, b: VersionFloor): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** Semver's compatibility line: the major, or the minor below 1.0. */
export function compatibilityLine(floor: VersionFloor): string {
  return floor.major === 0 ? `0.${floor.minor}` : String(floor.major);
}

function toNumber(part: string | undefined): number {
  return part === undefined || /[xX*]/.test(part) ? 0 : Number(part);
}
