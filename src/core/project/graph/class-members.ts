import ts from 'typescript';
import { assignedField, hasModifier, propertyNameText, unwrap } from './syntax-utils';
import type { ModuleSummary } from './module-summary';
import { UNKNOWN, type ClassObject, type Frame, type Value } from './values';

type ClassValue = Extract<Value, { kind: 'class' }>;

/** What member lookup needs from the evaluator. */
export interface ClassContext {
  evaluate(node: ts.Expression, frame: Frame): Value;
  newFrame(module: ModuleSummary, container: ts.Node, parent: Frame | undefined, thisValue?: Value): Frame;
  unwrapModule(value: Value): Value;
}

const MAX_BASE_DEPTH = 8;

/** A static member of a class value, or with `object` an instance member, looking up the `extends` chain. */
export function classMember(context: ClassContext, cls: ClassValue, name: string, object: ClassObject | undefined, depth = 0): Value {
  const isStatic = object === undefined;
  for (const member of cls.node.members) {
    if (hasModifier(member, ts.SyntaxKind.StaticKeyword) !== isStatic || !member.name || propertyNameText(member.name) !== name) continue;
    const thisValue: Value = object ? { kind: 'class-instance', object } : cls;
    if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) {
      return { kind: 'function', module: cls.module, fn: member, closure: object?.frame ?? cls.frame, thisValue };
    }
    if (ts.isPropertyDeclaration(member) && member.initializer) {
      const frame = object?.frame ?? context.newFrame(cls.module, cls.node, cls.frame, cls);
      return context.evaluate(member.initializer, frame);
    }
  }
  const base = depth < MAX_BASE_DEPTH ? baseClass(context, cls) : undefined;
  return base ? classMember(context, base, name, object, depth + 1) : UNKNOWN;
}

/** An object's field or method: assigned fields first, then the class body, then `this.x = …` assignments. */
export function instanceMember(context: ClassContext, object: ClassObject, name: string): Value {
  const field = object.fields.get(name);
  if (field) return field;
  // Marks the field in progress: `a = this.b; b = this.a` must not recurse forever.
  object.fields.set(name, UNKNOWN);
  let value = classMember(context, object.cls, name, object);
  // `this.router = Router()` in the constructor of the class or of a base class (`class OrderRoute extends Route`)
  let cls: ClassValue | undefined = object.cls;
  for (let depth = 0; value.kind === 'unknown' && cls && depth < MAX_BASE_DEPTH; depth++) {
    const assigned = assignedField(cls.node, name);
    if (assigned) value = context.evaluate(assigned, cls === object.cls ? object.frame : context.newFrame(cls.module, cls.node, cls.frame, { kind: 'class-instance', object }));
    cls = baseClass(context, cls);
  }
  // An unknown stays unrecorded, so a constructor assignment run later still counts.
  if (value.kind === 'unknown') object.fields.delete(name);
  else object.fields.set(name, value);
  return value;
}

export function baseClass(context: ClassContext, cls: ClassValue): ClassValue | undefined {
  const heritage = cls.node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
  const expression = heritage?.types[0]?.expression;
  if (!expression) return undefined;
  const base = context.unwrapModule(context.evaluate(unwrap(expression), cls.frame));
  return base.kind === 'class' ? base : undefined;
}
