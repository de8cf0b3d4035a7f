import type { EntityManager } from 'typeorm';

/**
 * A table of partial figures per bucket of recipients and the table of cells they add up to.
 *
 * A cell is never re-summed over its buckets (16384 of them: at ten million services that sum,
 * repeated for every touched cell, was most of a batch's time). Instead, every bucket row a
 * recompute deletes or inserts is staged, with its sign, in a temporary table, and the cells
 * change by the net of what was staged: new minus old of exactly the rows replaced. A rebuild
 * clears the cells with the buckets, so the same path leaves each cell as the sum of its buckets.
 */
export interface CellTable {
  buckets: string;
  cells: string;
  /** The cell's key columns, and its additive value columns. */
  keys: readonly string[];
  values: readonly string[];
  /** The staged bucket rows (alias `d`, each with `d.sign` ±1) as signed cell rows: keys, values. */
  contributions: string;
  /** The value column that is zero exactly when the cell holds nothing (it is then removed). */
  emptyWhen: string;
}

const PER_TRIWULAN = 'CROSS JOIN generate_series(1, 4) AS t(tw)';

/** Indicator parts: the total of each part per triwulan, from which realisasi cells derive. */
export const PART_TOTALS: CellTable = {
  buckets: 'rollup_part_bucket',
  cells: 'rollup_part_total',
  keys: ['indicator_id', 'year', 'role', 'triwulan'],
  values: ['value'],
  contributions: `SELECT d.indicator_id, d.year, d.role, t.tw, d.sign * d.value[t.tw]
    FROM rollup_part_bucket_delta d ${PER_TRIWULAN}`,
  emptyWhen: 'value',
};

/** Realisasi anggaran: rupiah and services per sub-kegiatan, year and triwulan. */
export const ANGGARAN_CELLS: CellTable = {
  buckets: 'rollup_anggaran_bucket',
  cells: 'rollup_anggaran_cell',
  keys: ['year', 'sub_kegiatan_kode', 'triwulan'],
  values: ['amount', 'events'],
  contributions: `SELECT d.year, d.sub_kegiatan_kode, t.tw, d.sign * d.amount[t.tw], d.sign * d.events[t.tw]
    FROM rollup_anggaran_bucket_delta d ${PER_TRIWULAN}`,
  emptyWhen: 'events',
};

export const COVERAGE_CELLS: CellTable = {
  buckets: 'rollup_coverage_bucket',
  cells: 'rollup_ppks_coverage',
  keys: ['year', 'kecamatan_kode', 'ppks_kode'],
  values: ['registered', 'served'],
  contributions: `SELECT d.year, d.kecamatan_kode, d.ppks_kode, d.sign * d.registered, d.sign * d.served
    FROM rollup_coverage_bucket_delta d`,
  emptyWhen: 'registered',
};

export const SPM_CELLS: CellTable = {
  buckets: 'rollup_spm_bucket',
  cells: 'rollup_spm',
  keys: ['year', 'kecamatan_kode', 'spm'],
  values: ['needing', 'served'],
  contributions: `SELECT d.year, d.kecamatan_kode, d.spm, d.sign * d.needing, d.sign * d.served
    FROM rollup_spm_bucket_delta d`,
  emptyWhen: 'needing',
};

const CELL_TABLES = [PART_TOTALS, ANGGARAN_CELLS, COVERAGE_CELLS, SPM_CELLS];

const deltaTable = (table: CellTable): string => `${table.buckets}_delta`;

/**
 * Creates this connection's staging tables (once: temporary tables live as long as the
 * connection, and are emptied after each use).
 */
export async function openCellDeltas(m: EntityManager): Promise<void> {
  // CREATE … IF NOT EXISTS says NOTICE each time the table is already there.
  await m.query('SET LOCAL client_min_messages = warning');
  for (const table of CELL_TABLES) {
    await m.query(
      `CREATE TEMP TABLE IF NOT EXISTS ${deltaTable(table)}
         (LIKE ${table.buckets}, sign smallint NOT NULL)`,
    );
  }
}

/**
 * Deletes bucket rows and stages them as removed. `where` filters `table.buckets` aliased `b`
 * (with `using`, more FROM items for it).
 */
export async function deleteBuckets(
  m: EntityManager,
  table: CellTable,
  where: string,
  params: unknown[],
  using = '',
): Promise<void> {
  await m.query(
    `WITH gone AS (
       DELETE FROM ${table.buckets} b ${using ? `USING ${using}` : ''} WHERE ${where} RETURNING b.*
     )
     INSERT INTO ${deltaTable(table)} SELECT gone.*, -1 FROM gone`,
    params,
  );
}

/**
 * Inserts bucket rows and stages them as added. `ctes` are the WITH items the insert's query
 * reads (without WITH), `insert` an `INSERT INTO <buckets> (…) SELECT …` statement.
 */
export async function insertBuckets(
  m: EntityManager,
  table: CellTable,
  ctes: string,
  insert: string,
  params: unknown[],
): Promise<void> {
  await m.query(
    `WITH ${ctes ? `${ctes},` : ''}
     added AS (${insert} RETURNING ${table.buckets}.*)
     INSERT INTO ${deltaTable(table)} SELECT added.*, 1 FROM added`,
    params,
  );
}

/**
 * Applies the staged rows to the cells: each cell whose net change is not zero moves by it (in
 * key order, so concurrent drains lock cells in the same order and never deadlock), cells left
 * empty are removed, and the staging table is emptied.
 */
export async function applyCellDeltas(m: EntityManager, table: CellTable): Promise<void> {
  const keys = table.keys.join(', ');
  const net = `SELECT ${keys}, ${table.values.map((v) => `sum(${v}) AS ${v}`).join(', ')}
    FROM (${table.contributions}) AS x (${keys}, ${table.values.join(', ')})
    GROUP BY ${keys}
    HAVING ${table.values.map((v) => `sum(${v}) <> 0`).join(' OR ')}`;
  const emptied: Record<string, unknown>[] = await m.query(
    `WITH moved AS (
       INSERT INTO ${table.cells} AS c (${keys}, ${table.values.join(', ')})
       ${net} ORDER BY ${keys}
       ON CONFLICT (${keys}) DO UPDATE
         SET ${table.values.map((v) => `${v} = c.${v} + EXCLUDED.${v}`).join(', ')}
       RETURNING c.*
     )
     SELECT ${keys} FROM moved WHERE ${table.emptyWhen} = 0`,
  );
  if (emptied.length > 0) {
    await m.query(
      `DELETE FROM ${table.cells} c
       USING jsonb_populate_recordset(NULL::${table.cells}, $1::jsonb) AS e
       WHERE ${table.keys.map((k) => `c.${k} = e.${k}`).join(' AND ')} AND c.${table.emptyWhen} = 0`,
      [JSON.stringify(emptied)],
    );
  }
  await m.query(`DELETE FROM ${deltaTable(table)}`);
}
