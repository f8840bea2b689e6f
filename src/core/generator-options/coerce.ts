import { flagOf, type OptionDescriptor, type OptionSchema } from './describe';

/** What the command line gave for an option: values, or `true` for a bare `--flag`. */
export type RawValue = string | true;

export type Coerced = { ok: true; value: unknown } | { ok: false; problem: string };

const TRUE = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE = new Set(['false', 'no', 'n', 'off', '0']);

/**
 * Turns command-line strings into the type the option's schema expects (numbers, booleans,
 * lists). Range and format checks stay with the schema: runGenerator parses the result and
 * reports what is wrong in the generator's own words.
 */
export function coerceOption(option: OptionDescriptor, raws: readonly RawValue[]): Coerced {
  const flag = flagOf(option.key);
  const last = raws[raws.length - 1];
  if (last === undefined) return { ok: false, problem: `${flag} needs a value` };
  switch (option.kind) {
    case 'boolean': {
      if (last === true) return { ok: true, value: true };
      const word = last.trim().toLowerCase();
      if (TRUE.has(word)) return { ok: true, value: true };
      if (FALSE.has(word)) return { ok: true, value: false };
      return { ok: false, problem: `${flag} is true or false, not "${last}"` };
    }
    case 'list': {
      if (raws.some((raw) => raw === true)) return { ok: false, problem: `${flag} needs a value (a comma-separated list)` };
      const items = (raws as string[]).flatMap((raw) => raw.split(',')).map((item) => item.trim()).filter((item) => item.length > 0);
      return { ok: true, value: items.map((item) => asChoice(option, item)) };
    }
    default: {
      if (raws.length > 1) return { ok: false, problem: `${flag} is given more than once` };
      if (last === true) return { ok: false, problem: `${flag} needs a value` };
      if (option.kind === 'number') {
        const number = Number(last);
        return last.trim() !== '' && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, problem: `${flag} is a number, not "${last}"` };
      }
      return { ok: true, value: option.kind === 'choice' ? asChoice(option, last) : last };
    }
  }
}

/** `4` for a choice among numbers (`--major 4`); the text otherwise. */
function asChoice(option: OptionDescriptor, text: string): string | number {
  const numeric = option.choices?.some((choice) => typeof choice === 'number') ?? false;
  return numeric && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/**
 * What is wrong with `value` as the answer for `key`, given the answers so far: its own schema
 * first, then the whole options object (cross-field rules such as "a GET route takes no body"),
 * reporting only problems of `key`. Undefined when there is nothing to say yet.
 */
export function answerProblem(options: OptionSchema, option: OptionDescriptor, answers: Readonly<Record<string, unknown>>, value: unknown): string | undefined {
  const own = option.schema.safeParse(value);
  if (!own.success) return own.error.issues[0]?.message;
  const whole = options.safeParse({ ...answers, [option.key]: value });
  if (whole.success) return undefined;
  return whole.error.issues.find((issue) => issue.path[0] === option.key)?.message;
}

/** The problems of a complete set of options, as `key: message` pairs (first problem per key). */
export function optionProblems(options: OptionSchema, values: Readonly<Record<string, unknown>>): Map<string, string> {
  const problems = new Map<string, string>();
  const result = options.safeParse(values);
  if (result.success) return problems;
  for (const issue of result.error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    if (!problems.has(key)) problems.set(key, issue.message);
  }
  return problems;
}
