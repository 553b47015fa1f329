import fs from 'node:fs';

/**
 * What a bench run found, kept as data beside the printed tables: `npm run bench` writes
 * them to bench-results.json so two runs (or two machines) can be compared without
 * reading the prose.
 */
export interface BenchResult {
  /** The bench part (search, import, posters, …). */
  part: string;
  /** What was measured, e.g. "venue search at 100k, p95". */
  measure: string;
  app: number;
  /** The fair baseline's figure in the same run and unit; absent for absolute goals (memory). */
  baseline?: number;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'codes/s';
  /** app / baseline (baseline / app for rates, where more is better). */
  ratio?: number;
  /** The goal as the issue states it, e.g. "≤ 1.3x" or "≤ 250 MB". */
  goal?: string;
}

const results: BenchResult[] = [];

export function recordResult(result: BenchResult): void {
  results.push(result);
}

export function writeResults(file: string, context: Record<string, unknown>): void {
  fs.writeFileSync(file, `${JSON.stringify({ ...context, results }, null, 2)}\n`);
}
