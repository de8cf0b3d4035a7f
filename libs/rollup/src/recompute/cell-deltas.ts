import type { EntityManager } from 'typeorm';

/**
 * A table of cells the reports read, and how a change reaches it.
 *
 * Every cell is a sum over recipients (people or households) of what each contributes: their
 * services to a part or a sub-kegiatan, their membership and service to coverage and SPM. So a
 * batch never re-sums a cell: it stages what its recipients contributed before the change (sign
 * −1) and after it (+1) in a temporary table, and each cell moves by the net. A rebuild clears
 * the cells and stages everyone's contribution once (+1): the same path, the same cells.
 */
export interface CellTable {
  cells: string;
  /** The staging table: the contribution's columns (cell keys, then values) and `sign`. */
  delta: string;
  deltaColumns: string;
  /** The cell's key columns, and its additive value columns. */
  keys: readonly string[];
  values: readonly string[];
  /** The staged rows (alias `d`) as signed cell rows: keys, then values. */
  contributions: string;
  /** The value column that is zero exactly when the cell holds nothing (it is then removed). */
  emptyWhen: string;
}

const PER_TRIWULAN = 'CROSS JOIN generate_series(1, 4) AS t(tw)';

/** Indicator parts: the total of each part per triwulan, from which realisasi cells derive. */
export const PART_TOTALS: CellTable = {
  cells: 'rollup_part_total',
  delta: 'rollup_part_delta',
  deltaColumns: `indicator_id uuid, year smallint, role text COLLATE "C", value numeric[]`,
  keys: ['indicator_id', 'year', 'role', 'triwulan'],
  values: ['value'],
  contributions: `SELECT d.indicator_id, d.year, d.role, t.tw, d.sign * d.value[t.tw]
    FROM rollup_part_delta d ${PER_TRIWULAN}`,
  emptyWhen: 'value',
};

/** Realisasi anggaran: rupiah and services per sub-kegiatan, year and triwulan. */
export const ANGGARAN_CELLS: CellTable = {
  cells: 'rollup_anggaran_cell',
  delta: 'rollup_anggaran_delta',
  deltaColumns: `year smallint, sub_kegiatan_kode text COLLATE "C", amount bigint[], events integer[]`,
  keys: ['year', 'sub_kegiatan_kode', 'triwulan'],
  values: ['amount', 'events'],
  contributions: `SELECT d.year, d.sub_kegiatan_kode, t.tw, d.sign * d.amount[t.tw], d.sign * d.events[t.tw]
    FROM rollup_anggaran_delta d ${PER_TRIWULAN}`,
  emptyWhen: 'events',
};

export const COVERAGE_CELLS: CellTable = {
  cells: 'rollup_ppks_coverage',
  delta: 'rollup_coverage_delta',
  deltaColumns: `year smallint, kecamatan_kode text COLLATE "C", ppks_kode text COLLATE "C",
    registered integer, served integer`,
  keys: ['year', 'kecamatan_kode', 'ppks_kode'],
  values: ['registered', 'served'],
  contributions: `SELECT d.year, d.kecamatan_kode, d.ppks_kode, d.sign * d.registered, d.sign * d.served
    FROM rollup_coverage_delta d`,
  emptyWhen: 'registered',
};

export const SPM_CELLS: CellTable = {
  cells: 'rollup_spm',
  delta: 'rollup_spm_delta',
  deltaColumns: `year smallint, kecamatan_kode text COLLATE "C", spm char(1), needing integer,
    served integer`,
  keys: ['year', 'kecamatan_kode', 'spm'],
  values: ['needing', 'served'],
  contributions: `SELECT d.year, d.kecamatan_kode, d.spm, d.sign * d.needing, d.sign * d.served
    FROM rollup_spm_delta d`,
  emptyWhen: 'needing',
};

/** In the order every transaction applies them, so concurrent drains lock rows in one order. */
export const CELL_TABLES = [PART_TOTALS, ANGGARAN_CELLS, COVERAGE_CELLS, SPM_CELLS];

/**
 * Creates this connection's staging tables (once: temporary tables live as long as the
 * connection, and are emptied after each use).
 */
export async function openCellDeltas(m: EntityManager): Promise<void> {
  // One round trip. CREATE … IF NOT EXISTS says NOTICE each time the table is already there.
  await m.query(
    [
      'SET LOCAL client_min_messages = warning',
      ...CELL_TABLES.map(
        (t) =>
          `CREATE TEMP TABLE IF NOT EXISTS ${t.delta} (${t.deltaColumns}, sign smallint NOT NULL)`,
      ),
    ].join(';\n'),
  );
}

/** Whether a contribution is counted in (after a change) or taken out (before it). */
export type Sign = 1 | -1;

/**
 * Stages contributions: `ctes` (WITH items, without WITH) and `select`, a query returning the
 * staging table's columns (keys, then values) in order.
 */
export async function stageContributions(
  m: EntityManager,
  table: CellTable,
  sign: Sign,
  ctes: string,
  select: string,
  params: unknown[],
): Promise<void> {
  await m.query(
    `${ctes ? `WITH ${ctes}` : ''}
     INSERT INTO ${table.delta} SELECT contribution.*, ${sign} FROM (${select}) AS contribution`,
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
  await m.query(`DELETE FROM ${table.delta}`);
}

/** The indicator-years whose part totals the staged rows change (read before applying them). */
export async function stagedIndicatorYears(
  m: EntityManager,
): Promise<{ indicatorId: string; year: number }[]> {
  const rows: { indicator_id: string; year: number }[] = await m.query(
    `SELECT DISTINCT indicator_id, year FROM (
       SELECT indicator_id, year FROM (${PART_TOTALS.contributions}) AS x (indicator_id, year, role, triwulan, value)
       GROUP BY indicator_id, year, role, triwulan HAVING sum(value) <> 0
     ) AS changed ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ indicatorId: r.indicator_id, year: r.year }));
}
