/**
 * The small Express project the integration suite opens (written to a temp folder by run.ts).
 * Kept as data, not as files under test/, so that type-checking and linting of the repository
 * never see its deliberate findings.
 */
export const INTEGRATION_WORKSPACE: Readonly<Record<string, string>> = {
  'package.json': `${JSON.stringify(
    {
      name: 'routewise-it-app',
      version: '1.0.0',
      private: true,
      dependencies: { express: '^4.21.2', jsonwebtoken: '^9.0.2' },
      devDependencies: { typescript: '^5.9.3', '@types/express': '^4.17.21', '@types/jsonwebtoken': '^9.0.7' },
    },
    null,
    2,
  )}\n`,
  'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, outDir: 'dist' }, include: ['src'] }, null, 2)}\n`,
  // Opened by the suite: a literal JWT key.
  'src/auth.ts': `import jwt from 'jsonwebtoken';

export function issueToken(userId: string): string {
  return jwt.sign({ sub: userId }, 'mysecretkey123', { expiresIn: '1h' });
}
`,
  // Never opened by the suite: only "Routewise: Lint Workspace" reports it.
  'src/unopened/session.ts': `import jwt from 'jsonwebtoken';

export function verifyToken(token: string) {
  return jwt.verify(token, 'another-hardcoded-key-42', { algorithms: ['HS256'] });
}
`,
};

/** Paths the suite refers to. */
export const OPENED_FILE = 'src/auth.ts';
export const UNOPENED_FILE = 'src/unopened/session.ts';
