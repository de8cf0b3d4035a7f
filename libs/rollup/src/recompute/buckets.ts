import type { EntityManager } from 'typeorm';

/**
 * Recipients are spread over this many buckets by a hash of their id (the `*_bucket` columns of
 * the roll-up tables compute the same: `hashtext(id::text) & 16383`). Partial figures are kept
 * per bucket, so a batch recomputes the buckets of the people it touches (a few rows each) and
 * then each touched cell as a sum over at most this many buckets. 16384 balances the two on
 * ten million services: ~170 service facts per bucket, 16384 rows per cell sum.
 */
export const ROLLUP_BUCKETS = 16384;

/**
 * Which buckets to recompute: some, or (null) every one — a rebuild. Rows of listed buckets are
 * read through `rowsInBuckets` (an index lookup per bucket); where a list only filters rows
 * already found, it is matched with `IN (SELECT unnest($n))`, a hashed lookup — never with
 * `= ANY ($n)`, which PostgreSQL walks for every row when it is not an index condition.
 */
export type BucketScope = number[] | null;

/** The buckets of these recipient ids (people or households). */
export async function bucketsOf(m: EntityManager, ids: string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows: { bucket: number }[] = await m.query(
    `SELECT DISTINCT (hashtext(id::text) & ($2 - 1))::int AS bucket
     FROM unnest($1::uuid[]) AS id ORDER BY 1`,
    [ids, ROLLUP_BUCKETS],
  );
  return rows.map((r) => r.bucket);
}

/**
 * The rows of `table` in the scope's buckets, as a FROM item and a condition to AND in. Listed
 * buckets are driven from the list, one index lookup each (the facts are written bucket by
 * bucket, so each lookup reads a few adjacent pages); a rebuild's scope (null) reads everything.
 * The condition keeps `param` referenced either way, so the statement's parameters stay the same.
 */
export function rowsInBuckets(
  table: string,
  alias: string,
  column: string,
  buckets: BucketScope,
  param: string,
): { from: string; where: string } {
  return buckets === null
    ? { from: `${table} AS ${alias}`, where: `${param}::int[] IS NULL` }
    : {
        from: `(unnest(${param}::int[]) AS ${alias}_bucket(bucket)
                JOIN ${table} AS ${alias} ON ${alias}.${column} = ${alias}_bucket.bucket)`,
        where: 'true',
      };
}
