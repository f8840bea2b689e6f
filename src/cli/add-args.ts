import { coerceOption, type RawValue } from '../core/generator-options/coerce';
import { flagOf, optionKeyOf, type OptionDescriptor } from '../core/generator-options/describe';
import { UsageError } from './io';

/** `routewise add` before the generator is known: which generator, and the flags of the command itself. */
export interface AddArguments {
  generatorId?: string;
  dryRun: boolean;
  help: boolean;
  cwd?: string;
  /** Everything else, for the generator's options (parsed once its schema is known). */
  optionTokens: string[];
}

const BOOLEAN_WORDS = /^(true|false|yes|no|on|off)$/i;

/** Splits the command's own flags (`--dry-run`, `--cwd`, `--help`) from the generator and its options. */
export function splitAddArguments(args: readonly string[]): AddArguments {
  const result: AddArguments = { dryRun: false, help: false, optionTokens: [] };
  for (let index = 0; index < args.length; index++) {
    const token = args[index];
    if (token === '--dry-run') result.dryRun = true;
    else if (token === '-h' || token === '--help') result.help = true;
    else if (token === '--cwd' || token.startsWith('--cwd=')) {
      const value = token === '--cwd' ? args[++index] : token.slice('--cwd='.length);
      if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError('--cwd needs a directory');
      result.cwd = value;
    } else if (!token.startsWith('-') && result.generatorId === undefined && result.optionTokens.length === 0) {
      result.generatorId = token;
    } else {
      result.optionTokens.push(token);
    }
  }
  return result;
}

/**
 * `--key value`, `--key=value`, `--flag`, `--no-flag`, repeated `--list a --list b` → typed option
 * values (numbers, booleans, lists) by the generator's schema. Unknown options are usage errors
 * that list the known ones.
 */
export function parseGeneratorOptions(generatorId: string, tokens: readonly string[], descriptors: readonly OptionDescriptor[]): Record<string, unknown> {
  const byKey = new Map(descriptors.map((descriptor) => [descriptor.key, descriptor]));
  const raw = new Map<string, RawValue[]>();
  const add = (key: string, value: RawValue): void => {
    raw.set(key, [...(raw.get(key) ?? []), value]);
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token.startsWith('--') || token === '--') throw new UsageError(`Unexpected argument "${token}" (options are written --name value)`);
    const equals = token.indexOf('=');
    const name = token.slice(2, equals === -1 ? undefined : equals);
    const inline = equals === -1 ? undefined : token.slice(equals + 1);
    const descriptor = byKey.get(optionKeyOf(name));
    if (!descriptor && name.startsWith('no-')) {
      const negated = byKey.get(optionKeyOf(name.slice(3)));
      if (negated?.kind === 'boolean' && inline === undefined) {
        add(negated.key, 'false');
        continue;
      }
    }
    if (!descriptor) throw new UsageError(unknownOption(generatorId, name, descriptors));
    if (inline !== undefined) {
      add(descriptor.key, inline);
      continue;
    }
    const next = tokens[index + 1];
    if (descriptor.kind === 'boolean') {
      // `--tests` alone means true; `--tests false` is accepted too.
      if (next !== undefined && BOOLEAN_WORDS.test(next)) {
        add(descriptor.key, next);
        index++;
      } else {
        add(descriptor.key, true);
      }
      continue;
    }
    if (next === undefined || next.startsWith('--')) {
      add(descriptor.key, true);
      continue;
    }
    add(descriptor.key, next);
    index++;
  }
  const options: Record<string, unknown> = {};
  for (const [key, values] of raw) {
    const coerced = coerceOption(byKey.get(key)!, values);
    if (!coerced.ok) throw new UsageError(coerced.problem);
    options[key] = coerced.value;
  }
  return options;
}

function unknownOption(generatorId: string, name: string, descriptors: readonly OptionDescriptor[]): string {
  const known = descriptors.map((option) => flagOf(option.key));
  return known.length === 0
    ? `Unknown option --${name}: the ${generatorId} generator takes no options`
    : `Unknown option --${name} for ${generatorId}; its options are ${known.join(', ')}`;
}
