/**
 * A .gitignore matcher for the patterns real projects use: `dir/`, `*.log`, `/build`, `**\/x`,
 * `!negation`. Patterns apply relative to the directory holding the .gitignore.
 */
export class IgnoreRules {
  private readonly rules: { regex: RegExp; negate: boolean; directoryOnly: boolean }[] = [];

  constructor(text = '') {
    for (const raw of text.split(/\r?\n/)) this.add(raw);
  }

  add(raw: string): void {
    let pattern = raw.trim();
    if (pattern === '' || pattern.startsWith('#')) return;
    let negate = false;
    if (pattern.startsWith('!')) {
      negate = true;
      pattern = pattern.slice(1);
    }
    const directoryOnly = pattern.endsWith('/');
    if (directoryOnly) pattern = pattern.slice(0, -1);
    // A pattern with a slash in the middle or at the start is anchored to the .gitignore's folder.
    const anchored = pattern.includes('/');
    if (pattern.startsWith('/')) pattern = pattern.slice(1);
    const body = globToRegex(pattern);
    this.rules.push({ regex: new RegExp(anchored ? `^${body}$` : `(^|/)${body}$`), negate, directoryOnly });
  }

  /** `relativePath` uses `/`, relative to the .gitignore's folder. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.regex.test(relativePath)) ignored = !rule.negate;
    }
    return ignored;
  }
}

function globToRegex(glob: string): string {
  let result = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        if (glob[i + 2] === '/') {
          result += '(?:.*/)?';
          i += 2;
        } else {
          result += '.*';
          i += 1;
        }
      } else {
        result += '[^/]*';
      }
    } else if (char === '?') {
      result += '[^/]';
    } else if ('\\^$+.()|{}[]'.includes(char)) {
      result += `\\${char}`;
    } else {
      result += char;
    }
  }
  return result;
}
