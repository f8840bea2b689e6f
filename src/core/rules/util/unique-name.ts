/** `name`, or `name2`, `name3`… when the file's text already uses it or `taken` holds it (which then records the pick). */
export function uniqueName(name: string, text: string, taken: Set<string>): string {
  for (let index = 1; ; index++) {
    const candidate = index === 1 ? name : `${name}${index}`;
    if (!taken.has(candidate) && !new RegExp(`\\b${candidate}\\b`).test(text)) {
      taken.add(candidate);
      return candidate;
    }
  }
}
