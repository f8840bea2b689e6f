import * as vscode from 'vscode';
import { optionProblems } from '../core/generator-options/coerce';
import type { OptionDescriptor, OptionSchema } from '../core/generator-options/describe';
import {
  optionsFromAnswers,
  optionsOf,
  questionFor,
  textProblem,
  textValue,
  togglesQuestion,
  type Answers,
  type FieldListCheck,
  type Question,
  type ScaffoldCommand,
} from './scaffold-plan';
import type { RouterChoice } from './scaffold-results';

export interface PromptContext {
  command: ScaffoldCommand;
  /** The generator's zod option schema (from the scaffold bundle). */
  schema: OptionSchema;
  checkFields: FieldListCheck;
  /** The project's routers, for questions that pick one. */
  routers(): RouterChoice[];
}

const CANCELLED = Symbol('cancelled');
type Answer = { value: unknown } | typeof CANCELLED;

/**
 * Asks a command's questions one after the other (Escape cancels: undefined). Text answers are
 * checked while typed; rules that need every answer are checked at the end, and the option at
 * fault is asked again with the message showing.
 */
export async function askAnswers(context: PromptContext): Promise<Answers | undefined> {
  const { command, schema } = context;
  const options = optionsOf(schema);
  const answers: Answers = {};
  const toggles = togglesQuestion(command, options);
  const total = command.ask.filter((key) => options.has(key)).length + (toggles ? 1 : 0);
  let step = 0;
  const title = (): string => `${command.title.replace(/…$/, '')} (${++step}/${Math.max(total, step)})`;
  for (const key of command.ask) {
    const question = questionFor(command, options, key, answers);
    if (!question) continue;
    const answer = await ask(question, context, answers, title());
    if (answer === CANCELLED) return undefined;
    answers[key] = answer.value;
  }
  if (toggles?.kind === 'toggles') {
    const picked = await vscode.window.showQuickPick(
      toggles.items.map((item) => ({ label: item.label, picked: item.picked, key: item.option.key })),
      { title: title(), placeHolder: toggles.placeholder, canPickMany: true, ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    for (const item of toggles.items) answers[item.option.key] = picked.some((choice) => choice.key === item.option.key);
  }
  return confirmComplete(context, answers);
}

async function confirmComplete(context: PromptContext, answers: Answers): Promise<Answers | undefined> {
  const options = optionsOf(context.schema);
  for (let attempt = 0; attempt < 5; attempt++) {
    const [problem] = optionProblems(context.schema, optionsFromAnswers(answers));
    if (!problem) return answers;
    const [key, message] = problem;
    const question = questionFor(context.command, options, key, answers);
    if (!question || question.kind !== 'text') {
      void vscode.window.showErrorMessage(`Routewise: ${key ? `${key}: ` : ''}${message}`);
      return undefined;
    }
    const answer = await askText(question.option, { ...question, value: typeof answers[key] === 'string' ? answers[key] : question.value }, context, answers, `${context.command.title.replace(/…$/, '')}: ${message}`);
    if (answer === CANCELLED) return undefined;
    answers[key] = answer.value;
  }
  return undefined;
}

async function ask(question: Question, context: PromptContext, answers: Answers, title: string): Promise<Answer> {
  switch (question.kind) {
    case 'text':
      return askText(question.option, question, context, answers, title);
    case 'router':
      return askRouter(question.option, question.placeholder, context, answers, title);
    case 'pick':
      return askPick(question, title);
    default:
      return CANCELLED;
  }
}

async function askText(option: OptionDescriptor, question: { prompt?: string; placeholder?: string; value?: string }, context: PromptContext, answers: Answers, title: string): Promise<Answer> {
  const others = { ...answers };
  delete others[option.key];
  const input = await vscode.window.showInputBox({
    title,
    prompt: question.prompt,
    placeHolder: question.placeholder,
    value: question.value,
    ignoreFocusOut: true,
    validateInput: (text) => textProblem(context.command, context.schema, option, text, others, context.checkFields),
  });
  return input === undefined ? CANCELLED : { value: textValue(option, input) };
}

async function askPick(question: Extract<Question, { kind: 'pick' }>, title: string): Promise<Answer> {
  const items = question.items.map((item) => ({ label: item.label, description: item.description, picked: item.picked, value: item.value }));
  if (!question.many) {
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: question.placeholder, ignoreFocusOut: true });
    return picked ? { value: picked.value } : CANCELLED;
  }
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: question.placeholder, canPickMany: true, ignoreFocusOut: true });
    if (!picked) return CANCELLED;
    if (picked.length > 0) return { value: picked.map((item) => item.value) };
    void vscode.window.showWarningMessage('Routewise: pick at least one.');
  }
}

const TYPE_IT = '$(edit) Type a file or mount path…';

/** A router from the route graph, or typed (a file, or the path it is mounted at). */
async function askRouter(option: OptionDescriptor, placeholder: string, context: PromptContext, answers: Answers, title: string): Promise<Answer> {
  const routers = context.routers();
  if (routers.length > 0) {
    const items = [
      ...routers.map((router) => ({ label: router.file, description: `${router.prefix} · ${router.routes} ${router.routes === 1 ? 'route' : 'routes'}`, file: router.file })),
      { label: TYPE_IT, description: '', file: undefined },
    ];
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: placeholder, ignoreFocusOut: true, matchOnDescription: true });
    if (!picked) return CANCELLED;
    if (picked.file !== undefined) return { value: picked.file };
  }
  return askText(option, { prompt: placeholder, placeholder: 'src/routes/orders.ts or /api/v1/orders' }, context, answers, title);
}
