import type { EntityManager } from 'typeorm';

/**
 * Planner settings for a roll-up transaction (SET LOCAL: they end with it). The recompute
 * statements join materialized CTEs whose row estimates are poor: a merge join chosen on such an
 * estimate re-sorts millions of rows where a hash join reads them once, and JIT compilation costs
 * more than it saves on statements this size. Hashes get the memory they need: a drain's are
 * small; a rebuild (one at a time, under the exclusive rebuild lock) aggregates millions of rows
 * and would spill to disk many times over with less.
 */
export async function tuneForRollup(m: EntityManager, workMem: '64MB' | '1GB'): Promise<void> {
  await m.query(`SET LOCAL work_mem = '${workMem}'`);
  await m.query('SET LOCAL enable_mergejoin = off');
  await m.query('SET LOCAL jit = off');
}
