/** A connection or entity manager: anything that runs SQL. */
export interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** Whose figures a roll-up transaction computes: a drain's batch of recipients, or everyone's. */
export type RollupScale = 'batch' | 'everyone';

/**
 * Planner settings for a roll-up transaction (SET LOCAL: they end with it). The recompute
 * statements join materialized CTEs whose row estimates are poor: a merge join chosen on such an
 * estimate re-sorts millions of rows where a hash join reads them once, and JIT compilation costs
 * more than it saves on statements this size. Hashes get the memory they need: a drain's are
 * small; a rebuild (one at a time, under the exclusive rebuild lock) aggregates millions of rows
 * and would spill to disk many times over with less. A rebuild joins nothing by nested loop
 * either: it reads every row of both sides, and a nested loop chosen on a CTE's estimate (the
 * facts that feed a part: millions, estimated at two) reads the inner side once per row.
 */
export async function tuneForRollup(db: Queryable, scale: RollupScale): Promise<void> {
  await db.query(`SET LOCAL work_mem = '${scale === 'batch' ? '64MB' : '1GB'}'`);
  await db.query('SET LOCAL enable_mergejoin = off');
  await db.query('SET LOCAL jit = off');
  if (scale === 'everyone') await db.query('SET LOCAL enable_nestloop = off');
}
