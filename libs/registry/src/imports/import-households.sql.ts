import { auditInsertSql as auditInsert } from '@pilar/audit';
import type { PoolClient } from 'pg';
import {
  actorParams,
  AuditedColumn,
  auditedUpsertSql,
  ColumnUpdate,
  ImportActor,
} from './import-sql-parts';

/** A household's audited fields (the keys of HouseholdsService's audit entries). */
const AUDITED: AuditedColumn[] = [
  ['noKk', 'no_kk'],
  ['desaKode', 'desa_kode'],
  ['alamat', 'alamat'],
  ['dtksRegistered', 'dtks_registered'],
  ['dtksId', 'dtks_id'],
  ['desil', 'desil'],
];

/**
 * What a file says about a known family: its desa, and whatever it knows of address and DTKS.
 * A blank in the file never erases what Pilar knows.
 */
const UPDATES: ColumnUpdate[] = [
  ['desa_kode', (s) => `${s}.desa_kode`],
  ['alamat', (s, c) => `COALESCE(${s}.alamat, ${c}.alamat)`],
  ['dtks_registered', (s, c) => `${c}.dtks_registered OR ${s}.dtks_registered`],
  ['dtks_id', (s, c) => `COALESCE(${s}.dtks_id, ${c}.dtks_id)`],
  ['desil', (s, c) => `COALESCE(${s}.desil, ${c}.desil)`],
];

/**
 * One row per family in the file (keyed by KK number, else DTKS id): desa and address from the
 * kepala keluarga's row (else the first), DTKS id and desil from the first row that has them.
 * Returns the number of families.
 */
export async function stageHouseholds(client: PoolClient): Promise<number> {
  const head = `(relationship = 'KEPALA_KELUARGA') IS TRUE DESC, line`;
  await client.query(`
    CREATE TEMP TABLE import_household AS
    SELECT row_number() OVER (ORDER BY household_key)::int AS hseq, g.*, NULL::uuid AS household_id
    FROM (
      SELECT household_key,
             min(no_kk) AS no_kk,
             (array_agg(dtks_id ORDER BY line) FILTER (WHERE dtks_id IS NOT NULL))[1] AS dtks_id,
             (array_agg(desil ORDER BY line) FILTER (WHERE desil IS NOT NULL))[1] AS desil,
             (array_agg(desa_kode ORDER BY ${head}))[1] AS desa_kode,
             (array_agg(alamat ORDER BY ${head}))[1] AS alamat
      FROM import_row
      WHERE NOT rejected AND household_key IS NOT NULL
      GROUP BY household_key
    ) g`);
  await client.query('CREATE INDEX ON import_household (hseq)');
  await client.query('CREATE INDEX ON import_household (household_key)');
  await client.query('ANALYZE import_household');
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM import_household',
  );
  return rows[0].n;
}

/**
 * Registers or updates the families `hseq` in [from, to] (one transaction, the caller's), each
 * insert and change audited, and records their ids for the people that follow.
 */
export async function upsertHouseholds(
  client: PoolClient,
  from: number,
  to: number,
  actor: ImportActor,
): Promise<{ inserted: number; updated: number }> {
  const params = [...actorParams(actor), from, to];
  const batch = 's.hseq BETWEEN $4 AND $5';

  // A family first registered by DTKS id alone now comes with its KK number: it keeps its record.
  const adopted = await client.query<{ n: number }>(
    `WITH adopted AS (
       UPDATE household h SET no_kk = s.no_kk, version = h.version + 1, updated_at = now()
       FROM import_household s
       WHERE ${batch} AND s.no_kk IS NOT NULL AND s.dtks_id IS NOT NULL
         AND h.no_kk IS NULL AND h.dtks_id = s.dtks_id
         AND NOT EXISTS (SELECT 1 FROM household x WHERE x.no_kk = s.no_kk)
       RETURNING h.id, h.no_kk
     ), audited AS (
       ${auditInsert({
         action: "'household.update'",
         entity: 'household',
         entityId: 'a.id',
         changes: `jsonb_build_object('noKk', jsonb_build_object('before', null, 'after', a.no_kk))`,
         fromClause: 'FROM adopted a',
       })}
     )
     SELECT count(*)::int AS n FROM adopted`,
    params,
  );

  const counts = { inserted: 0, updated: adopted.rows[0].n };
  for (const key of ['no_kk', 'dtks_id'] as const) {
    const conflict =
      key === 'no_kk'
        ? `(no_kk) WHERE no_kk IS NOT NULL`
        : `(dtks_id) WHERE no_kk IS NULL AND dtks_id IS NOT NULL`;
    const selection = key === 'no_kk' ? 's.no_kk IS NOT NULL' : 's.no_kk IS NULL';
    const current = (s: string, h: string): string =>
      key === 'no_kk'
        ? `${h}.no_kk = ${s}.no_kk`
        : `${h}.no_kk IS NULL AND ${h}.dtks_id = ${s}.dtks_id`;
    const { rows } = await client.query<{ inserted: number; updated: number }>(
      auditedUpsertSql({
        table: 'household',
        src: `SELECT s.*, s.dtks_id IS NOT NULL AS dtks_registered
              FROM import_household s WHERE ${batch} AND ${selection}`,
        columns: 'no_kk, desa_kode, alamat, dtks_registered, dtks_id, desil',
        conflict,
        current,
        updates: UPDATES,
        audited: AUDITED,
      }),
      params,
    );
    counts.inserted += rows[0].inserted;
    counts.updated += rows[0].updated;
    await client.query(
      `UPDATE import_household s SET household_id = h.id
       FROM household h WHERE s.hseq BETWEEN $1 AND $2 AND ${selection} AND ${current('s', 'h')}`,
      [from, to],
    );
  }
  return counts;
}
