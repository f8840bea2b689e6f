// Shared by the CLI tests: captured output, throw-away project folders, and two small rules that
// make the engine produce (or fail on) findings independently of the product rules' heuristics.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import type { Rule } from '../core/lint/rule';
import type { CliIo } from './io';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}): CapturedIo {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    out: () => stdout,
    err: () => stderr,
  };
}

/** Writes files (relative path → content) under a fresh folder in the OS temp directory. */
export function makeTempProject(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'routewise-cli-')));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return root;
}

export function removeTempProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** Flags every `console.log(...)`, with a fix, so tests control exactly where findings are. */
export const consoleLogRule: Rule = {
  meta: {
    id: 'test-console-log',
    description: 'Flag console.log calls',
    category: 'reliability',
    defaultSeverity: 'error',
    frameworks: ['express', 'fastify'],
    fixable: true,
  },
  create: (context) => ({
    nodes: {
      [ts.SyntaxKind.CallExpression]: (node) => {
        const call = node as ts.CallExpression;
        if (call.expression.getText(context.sourceFile) !== 'console.log') return;
        context.report({
          node: call,
          message: 'Unexpected console.log',
          fix: { title: 'Remove', build: () => [{ kind: 'edit', path: context.fileName, edits: [{ start: call.getStart(context.sourceFile), end: call.getEnd(), newText: 'undefined' }] }] },
        });
      },
    },
  }),
};

/** Flags every `debugger` statement as a warning, without a fix. */
export const debuggerRule: Rule = {
  meta: {
    id: 'test-debugger',
    description: 'Flag debugger statements',
    category: 'reliability',
    defaultSeverity: 'warning',
    frameworks: ['express', 'fastify'],
    fixable: false,
  },
  create: (context) => ({
    nodes: {
      [ts.SyntaxKind.DebuggerStatement]: (node) => context.report({ node, message: 'Unexpected debugger statement' }),
    },
  }),
};

/** Throws on every file whose text mentions `explode`, as a buggy rule would. */
export const explodingRule: Rule = {
  meta: {
    id: 'test-exploding',
    description: 'Flag nothing but throw on files that mention explode',
    category: 'reliability',
    defaultSeverity: 'error',
    frameworks: ['express', 'fastify'],
    fixable: false,
  },
  create: (context) => ({
    end: () => {
      if (context.text.includes('explode')) throw new Error('boom');
    },
  }),
};

export const TEST_RULES: readonly Rule[] = [consoleLogRule, debuggerRule, explodingRule];

/** An app whose registration helpers call each other twice per level: 2^levels calls for the graph to follow. */
export function fanOutApp(levels: number): string {
  const lines = ["const express = require('express');", 'const app = express();'];
  for (let level = 0; level < levels; level++) {
    const body = level < levels - 1 ? `  level${level + 1}(r);\n  level${level + 1}(r);` : "  r.get('/leaf', (req, res) => res.json({ ok: true }));";
    lines.push(`function level${level}(r) {\n${body}\n}`);
  }
  lines.push('level0(app);', "app.post('/notes', (req, res) => res.status(201).json(req.body));", '');
  return lines.join('\n');
}
