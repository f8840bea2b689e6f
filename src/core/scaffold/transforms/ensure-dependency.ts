import { applyEdits, type TextEdit } from '../../model/edit';
import { ScaffoldRefusalError } from '../errors';
import { eolOf } from '../formatting';
import { parseJsonText, type JsonMember, type JsonNode, type JsonObject } from '../json-text';
import { compareFloors, compatibilityLine, versionFloor } from '../semver-floor';
import { commaListInsertions } from './comma-list';

const byNpmOrder = (a: string, b: string): number => a.localeCompare(b, 'en');

/** The sections a package can be declared in, in the order npm resolves them for the root project. */
const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * Declares `name@range` in package.json text and returns the new text. Edits only what it must:
 * key order, indentation, line endings and everything else stay as they are. The entry goes in
 * alphabetical position (as npm writes it). A package the project already declares, in any
 * section, keeps its range: the user's pin is a decision (peer constraints such as
 * `@vitest/coverage-v8` pinning `vitest` exactly break when it moves), and the generated code
 * works with the declared major. The one change is a runtime dependency found only in
 * devDependencies: it moves to dependencies, with its range.
 */
export function ensureDependency(packageJsonText: string, name: string, range: string, dev = false): string {
  const root = parse(packageJsonText);
  const section = dev ? 'devDependencies' : 'dependencies';
  if (entryIn(root, section, name)) return packageJsonText;
  if (dev && entryIn(root, 'dependencies', name)) return packageJsonText;

  const devOnly = dev ? undefined : entryIn(root, 'devDependencies', name);
  if (devOnly) {
    const kept = stringValue(devOnly.value) ?? range;
    return addEntry(removeMember(packageJsonText, memberObject(root, 'devDependencies')!, devOnly), section, name, kept);
  }
  // Declared as a peer or optional dependency: the project already decides its version.
  if (entryIn(root, 'peerDependencies', name) || entryIn(root, 'optionalDependencies', name)) return packageJsonText;
  return addEntry(packageJsonText, section, name, range);
}

/** The range `name` is declared with in any dependency section of the package.json text, if any. */
export function declaredRange(packageJsonText: string, name: string): string | undefined {
  const root = parse(packageJsonText);
  for (const section of SECTIONS) {
    const entry = entryIn(root, section, name);
    if (entry) return stringValue(entry.value) ?? '';
  }
  return undefined;
}

/**
 * Whether a declared range is on an older major than the one the generated code is written for
 * (the range is kept all the same: moving a major is a migration the user decides on).
 */
export function olderMajor(declared: string, requested: string): boolean {
  const current = versionFloor(declared);
  const wanted = versionFloor(requested);
  return current !== undefined && wanted !== undefined && compareFloors(current, wanted) < 0 && compatibilityLine(current) !== compatibilityLine(wanted);
}

function parse(text: string): JsonObject {
  let root: JsonNode;
  try {
    root = parseJsonText(text);
  } catch (error) {
    throw new ScaffoldRefusalError('package.json', `Cannot add dependencies: package.json is not valid JSON (${(error as Error).message}).`);
  }
  if (root.kind !== 'object') throw new ScaffoldRefusalError('package.json', 'Cannot add dependencies: package.json is not a JSON object.');
  return root;
}

function memberObject(root: JsonObject, key: string): JsonObject | undefined {
  const value = root.members.find((member) => member.key === key)?.value;
  return value?.kind === 'object' ? value : undefined;
}

function entryIn(root: JsonObject, section: string, name: string): JsonMember | undefined {
  return memberObject(root, section)?.members.find((member) => member.key === name);
}

function stringValue(node: JsonNode): string | undefined {
  return node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

function addEntry(text: string, section: string, name: string, range: string): string {
  const root = parse(text);
  const eol = eolOf(text);
  const unit = indentUnitOf(text, root);
  const target = memberObject(root, section);
  const member = (colon: string): string => `${JSON.stringify(name)}${colon}${JSON.stringify(range)}`;

  if (target && target.members.length > 0) {
    const first = target.members[0];
    const colon = text.slice(first.keyEnd, first.value.start);
    const edits = commaListInsertions(
      { text, open: target.start + 1, close: target.end - 1, items: target.members.map((m) => ({ start: m.start, end: m.end, key: m.key })) },
      [{ text: member(colon), key: name }],
      { eol, bracketSpacing: true, order: byNpmOrder },
    );
    return applyEdits(text, edits);
  }

  const colon = colonOf(text, root);
  const sectionIndent = lineIndentation(text, root.members[0]?.start ?? root.start) || unit;
  const body = `{${eol}${sectionIndent}${unit}${member(colon)}${eol}${sectionIndent}}`;
  if (target) return applyEdits(text, [{ start: target.start, end: target.end, newText: body }]);

  const sectionMember = `${JSON.stringify(section)}${colon}${body}`;
  if (root.members.length === 0) {
    return applyEdits(text, [{ start: root.start, end: root.end, newText: `{${eol}${unit}${sectionMember}${eol}}` }]);
  }
  const edits = commaListInsertions(
    { text, open: root.start + 1, close: root.end - 1, items: root.members.map((m) => ({ start: m.start, end: m.end, key: m.key })) },
    [{ text: sectionMember, key: section, index: sectionIndex(root, section) }],
    { eol, bracketSpacing: true },
  );
  return applyEdits(text, edits);
}

/** `dependencies` goes before the other dependency maps, `devDependencies` right after `dependencies`. */
function sectionIndex(root: JsonObject, section: string): number {
  const keys = root.members.map((member) => member.key);
  if (section === 'dependencies') {
    const next = keys.findIndex((key) => key === 'devDependencies' || key === 'peerDependencies' || key === 'optionalDependencies');
    return next === -1 ? keys.length : next;
  }
  const dependencies = keys.indexOf('dependencies');
  return dependencies === -1 ? keys.length : dependencies + 1;
}

function removeMember(text: string, object: JsonObject, member: JsonMember): string {
  const index = object.members.indexOf(member);
  let edit: TextEdit;
  if (object.members.length === 1) {
    edit = { start: object.start + 1, end: object.end - 1, newText: '' };
  } else if (index > 0) {
    // Take the separator before it, so the previous entry keeps its (lack of) trailing comma.
    edit = { start: object.members[index - 1].end, end: member.end, newText: '' };
  } else {
    edit = { start: member.start, end: object.members[1].start, newText: '' };
  }
  return applyEdits(text, [edit]);
}

function indentUnitOf(text: string, root: JsonObject): string {
  const first = root.members[0];
  return first ? lineIndentation(text, first.start) || '  ' : '  ';
}

function colonOf(text: string, root: JsonObject): string {
  const first = root.members[0];
  return first ? text.slice(first.keyEnd, first.value.start) : ': ';
}

function lineIndentation(text: string, position: number): string {
  let start = position;
  while (start > 0 && text[start - 1] !== '\n') start--;
  const leading = text.slice(start, position);
  return /^[ \t]*$/.test(leading) ? leading : '';
}
