import { join } from 'node:path';
import { AppConfig } from '@pilar/core';
import { createTestDatabase, ensureTemplateDatabase, TestDatabase } from '@pilar/testing';

/** A throwaway database (migrated, reference data seeded) for one benchmark, commits durable. */
export async function benchDatabase(): Promise<TestDatabase> {
  const env = AppConfig.rawEnvironment();
  if (!env.PILAR_TEST_TEMPLATE) {
    process.env.PILAR_TEST_TEMPLATE = await ensureTemplateDatabase(join(__dirname, '..'));
  }
  return createTestDatabase({ durable: true });
}

/** p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Prints one result line: what, Pilar's figure, the baseline's figure, their ratio, the goal. */
export function report(what: string, pilar: string, baseline: string, note = ''): void {
  console.log(
    `  ${what.padEnd(46)} ${pilar.padStart(16)}   baseline ${baseline.padStart(16)}   ${note}`,
  );
}
