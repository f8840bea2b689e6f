import type { Finding } from '../core/model/finding';

/** The key shared by a Finding and the Diagnostic made from it (code actions get copies of diagnostics). */
export function findingKey(position: { line: number; column: number; endLine: number; endColumn: number }, ruleId: string, message: string): string {
  return `${position.line}:${position.column}-${position.endLine}:${position.endColumn}|${ruleId}|${message}`;
}

/** The latest findings per document, with the document version they were computed for. */
export class FindingStore {
  private readonly byDocument = new Map<string, { version: number; byKey: Map<string, Finding> }>();

  set(documentKey: string, version: number, findings: readonly Finding[]): void {
    const byKey = new Map<string, Finding>();
    for (const finding of findings) byKey.set(findingKey(finding, finding.ruleId, finding.message), finding);
    this.byDocument.set(documentKey, { version, byKey });
  }

  get(documentKey: string, key: string): { finding: Finding; version: number } | undefined {
    const entry = this.byDocument.get(documentKey);
    const finding = entry?.byKey.get(key);
    return entry && finding ? { finding, version: entry.version } : undefined;
  }

  all(documentKey: string): Finding[] {
    return [...(this.byDocument.get(documentKey)?.byKey.values() ?? [])];
  }

  delete(documentKey: string): void {
    this.byDocument.delete(documentKey);
  }

  clear(): void {
    this.byDocument.clear();
  }
}
