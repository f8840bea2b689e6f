// The palette's scaffolding commands as data, and everything about them that needs no VS Code:
// the questions each asks (from the generator's zod option schema), checking what the user types,
// and turning the answers into generator options. scaffold-commands.ts shows the questions.
import { answerProblem, coerceOption } from '../core/generator-options/coerce';
import { describeOptions, type OptionDescriptor, type OptionSchema } from '../core/generator-options/describe';

export interface ScaffoldCommand {
  /** Command id in package.json. */
  command: string;
  /** Palette title (category "Routewise"). */
  title: string;
  generatorId: string;
  /** Options asked one by one, in this order; the others keep their defaults. */
  ask: readonly string[];
  /** Yes/no options asked together as one multi-select (checked = yes). */
  toggles?: readonly string[];
  /** Options holding a field list (`title:string price:number?`): checked with the resource parser; true for resource rules. */
  fieldLists?: Readonly<Record<string, boolean>>;
  /** Stand-ins for options not asked yet, so cross-field rules can judge an answer early. */
  samples?: Readonly<Record<string, unknown>>;
  /** When an option is asked at all, given the answers before it. */
  askWhen?: Readonly<Record<string, (answers: Readonly<Record<string, unknown>>) => boolean>>;
  /** A default computed from earlier answers (a new project's folder is its name). */
  defaults?: Readonly<Record<string, (answers: Readonly<Record<string, unknown>>) => string | undefined>>;
  /** The option whose value is picked from the project's routers (with "type it instead"). */
  routerOption?: string;
  /** Creates a project: asks for a parent folder instead of picking an existing project. */
  createsProject?: boolean;
}

const WITH_BODY = new Set(['post', 'put', 'patch']);

export const SCAFFOLD_COMMANDS: readonly ScaffoldCommand[] = [
  {
    command: 'routewise.addResource',
    title: 'Add Resource…',
    generatorId: 'resource',
    ask: ['name', 'fields', 'idType', 'prefix'],
    toggles: ['put', 'tests'],
    fieldLists: { fields: true },
    samples: { fields: 'title:string' },
  },
  {
    command: 'routewise.addRoute',
    title: 'Add Route…',
    generatorId: 'route',
    ask: ['router', 'method', 'path', 'body', 'query', 'params'],
    toggles: ['protected'],
    fieldLists: { body: false, query: false, params: false },
    askWhen: {
      body: (answers) => WITH_BODY.has(String(answers.method)),
      params: (answers) => typeof answers.path === 'string' && /:[A-Za-z_$]/.test(answers.path),
    },
    routerOption: 'router',
  },
  { command: 'routewise.addAuth', title: 'Add Auth…', generatorId: 'auth', ask: ['prefix'], toggles: ['protectResources', 'tests'] },
  { command: 'routewise.addErrorHandler', title: 'Add Error Handler', generatorId: 'error-handler', ask: [] },
  { command: 'routewise.addMiddleware', title: 'Add Middleware…', generatorId: 'middleware', ask: ['kinds'] },
  { command: 'routewise.addHealthCheck', title: 'Add Health Check', generatorId: 'health', ask: [] },
  { command: 'routewise.addConfig', title: 'Add Config', generatorId: 'config', ask: [] },
  { command: 'routewise.generateTests', title: 'Generate Tests for Router…', generatorId: 'tests', ask: ['target'], routerOption: 'target' },
  {
    command: 'routewise.newProject',
    title: 'New Project…',
    generatorId: 'project',
    ask: ['name', 'framework', 'major', 'moduleSystem', 'directory'],
    defaults: { directory: (answers) => (typeof answers.name === 'string' ? answers.name.replace(/^@[^/]+\//, '') : undefined) },
    createsProject: true,
  },
];

export type Answers = Record<string, unknown>;

export interface PickItem {
  label: string;
  description?: string;
  value: unknown;
  picked?: boolean;
}

export type Question =
  | { kind: 'text'; option: OptionDescriptor; prompt: string; placeholder?: string; value?: string }
  | { kind: 'pick'; option: OptionDescriptor; placeholder: string; items: PickItem[]; many: boolean }
  | { kind: 'router'; option: OptionDescriptor; placeholder: string }
  | { kind: 'toggles'; placeholder: string; items: { option: OptionDescriptor; label: string; picked: boolean }[] };

/** Checks field lists as the user types; the resource generator's parser (`checkFields`). */
export type FieldListCheck = (input: string, options: { resource: boolean }) => { ok: true } | { ok: false; message: string };

/** The option descriptors of a generator's schema, by key. */
export function optionsOf(schema: OptionSchema): Map<string, OptionDescriptor> {
  return new Map(describeOptions(schema).map((option) => [option.key, option]));
}

/**
 * The question for one asked option given the answers before it; undefined when it is not asked
 * (unknown to the generator, or its `askWhen` says no: a GET route is not asked for a body).
 */
export function questionFor(command: ScaffoldCommand, options: ReadonlyMap<string, OptionDescriptor>, key: string, answers: Readonly<Answers>): Question | undefined {
  const option = options.get(key);
  if (!option) return undefined;
  const when = command.askWhen?.[key];
  if (when && !when(answers)) return undefined;
  return questionOf(command, option, answers);
}

/** The command's yes/no options as one multi-select; undefined when it has none. */
export function togglesQuestion(command: ScaffoldCommand, options: ReadonlyMap<string, OptionDescriptor>): Question | undefined {
  const toggles = (command.toggles ?? []).map((key) => options.get(key)).filter((option): option is OptionDescriptor => option?.kind === 'boolean');
  if (toggles.length === 0) return undefined;
  return {
    kind: 'toggles',
    placeholder: 'Also… (checked options are included; Enter to continue)',
    items: toggles.map((option) => ({ option, label: sentence(option.description ?? option.key), picked: option.default === true })),
  };
}

/** Every question of a command for a given set of answers, in order (what the runner asks one by one). */
export function questionsFor(command: ScaffoldCommand, schema: OptionSchema, answers: Readonly<Answers> = {}): Question[] {
  const options = optionsOf(schema);
  const questions = command.ask.map((key) => questionFor(command, options, key, answers)).filter((question): question is Question => question !== undefined);
  const toggles = togglesQuestion(command, options);
  return toggles ? [...questions, toggles] : questions;
}

function questionOf(command: ScaffoldCommand, option: OptionDescriptor, answers: Readonly<Answers>): Question {
  const description = sentence(option.description ?? option.key);
  if (command.routerOption === option.key) return { kind: 'router', option, placeholder: description };
  if (option.kind === 'boolean') {
    return {
      kind: 'pick',
      option,
      placeholder: description,
      many: false,
      items: [
        { label: 'Yes', value: true, picked: option.default === true },
        { label: 'No', value: false, picked: option.default !== true },
      ],
    };
  }
  if ((option.kind === 'choice' || option.kind === 'list') && option.choices) {
    const defaults = Array.isArray(option.default) ? (option.default as unknown[]) : [option.default];
    const items = option.choices.map((choice) => ({
      label: String(choice),
      value: choice,
      picked: defaults.includes(choice),
      ...(defaults.includes(choice) && option.kind === 'choice' ? { description: 'default' } : {}),
    }));
    // The default first: Enter takes it.
    if (option.kind === 'choice') items.sort((a, b) => Number(b.picked) - Number(a.picked));
    return { kind: 'pick', option, placeholder: description, items, many: option.kind === 'list' };
  }
  const computed = command.defaults?.[option.key]?.(answers);
  const value = computed ?? (typeof option.default === 'string' || typeof option.default === 'number' ? String(option.default) : undefined);
  return {
    kind: 'text',
    option,
    prompt: `${description}${option.required ? '' : option.default !== undefined ? ' (empty: the default)' : ' (optional: leave empty to skip)'}`,
    ...(command.fieldLists?.[option.key] !== undefined ? { placeholder: 'title:string price:number? tags:string[] status:enum(draft,published)' } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

/** The value of a typed answer: empty optional answers are left out (undefined), numbers become numbers. */
export function textValue(option: OptionDescriptor, input: string): unknown {
  const trimmed = input.trim();
  if (trimmed === '' && !option.required) return undefined;
  if (option.kind === 'number') {
    const coerced = coerceOption(option, [trimmed]);
    return coerced.ok ? coerced.value : trimmed;
  }
  return trimmed;
}

/**
 * What is wrong with a typed answer, for the input box's validation (undefined: fine): a field list
 * through the resource parser, with its column-precise message; then the option's zod schema,
 * alone and together with the answers so far (and stand-ins for later ones).
 */
export function textProblem(command: ScaffoldCommand, schema: OptionSchema, option: OptionDescriptor, input: string, answers: Readonly<Answers>, checkFields: FieldListCheck): string | undefined {
  const value = textValue(option, input);
  if (value === undefined) return undefined;
  if (option.required && input.trim() === '') return 'A value is required';
  const resourceRules = command.fieldLists?.[option.key];
  if (resourceRules !== undefined) {
    const check = checkFields(input.trim(), { resource: resourceRules });
    if (!check.ok) return check.message;
  }
  if (option.kind === 'number' && typeof value !== 'number') return 'a number';
  return answerProblem(schema, option, { ...command.samples, ...withoutUndefined(answers) }, value);
}

/** Generator options from the answers: toggles as booleans, skipped answers left to their defaults. */
export function optionsFromAnswers(answers: Readonly<Answers>): Record<string, unknown> {
  return withoutUndefined(answers);
}

function withoutUndefined(answers: Readonly<Answers>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined));
}

function sentence(text: string): string {
  return text.length > 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
