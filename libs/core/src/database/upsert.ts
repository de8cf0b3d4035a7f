import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

type Queryable = Pick<PoolClient, 'query'> | EntityManager;

async function run<T>(db: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await (db as PoolClient).query(sql, params);
  // pg returns {rows}; TypeORM's EntityManager.query returns the rows themselves.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Set-based upsert that writes only rows whose values differ, and says how many it inserted
 * and updated. Reference-data seeds and imports use it so that re-running them changes nothing.
 * `source` is a relation in SQL: a temp table, or `jsonb_populate_recordset(null::t, $1)`.
 */
export async function upsertChanged(
  db: Queryable,
  options: { table: string; key: string[]; columns: string[]; source: string; params?: unknown[] },
): Promise<UpsertCounts> {
  const { table, key, columns, source } = options;
  const all = [...key, ...columns.filter((c) => !key.includes(c))];
  const updatable = all.filter((c) => !key.includes(c));
  const setClause = updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const current = updatable.map((c) => `${table}.${c}`).join(', ');
  const incoming = updatable.map((c) => `EXCLUDED.${c}`).join(', ');
  const rows = await run<UpsertCounts>(
    db,
    `WITH up AS (
       INSERT INTO ${table} (${all.join(', ')})
       SELECT ${all.join(', ')} FROM ${source} AS src
       ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${setClause}
         WHERE ROW(${current}) IS DISTINCT FROM ROW(${incoming})
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
            count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM up`,
    options.params ?? [],
  );
  return rows[0];
}

/** Upserts plain objects (keys = column names) into `table`. */
export function upsertRecords(
  db: Queryable,
  table: string,
  key: string[],
  records: Record<string, unknown>[],
): Promise<UpsertCounts> {
  const columns = Object.keys(records[0] ?? {});
  return upsertChanged(db, {
    table,
    key,
    columns,
    source: `jsonb_populate_recordset(null::${table}, $1::jsonb)`,
    params: [JSON.stringify(records)],
  });
}
