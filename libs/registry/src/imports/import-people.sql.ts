import { auditInsertSql as auditInsert } from '@pilar/audit';
import type { PoolClient } from 'pg';
import {
  actorParams,
  AuditedColumn,
  auditedUpsertSql,
  ColumnUpdate,
  createdChanges,
  ImportActor,
  setClause,
  TIME_ORDERED_ID,
  updatedChanges,
} from './import-sql-parts';

/** A person's audited fields (the keys of BeneficiariesService's audit entries). */
const AUDITED: AuditedColumn[] = [
  ['nik', 'nik'],
  ['name', 'name'],
  ['sex', 'sex'],
  ['birthDate', 'birth_date'],
  ['birthPlace', 'birth_place'],
  ['desaKode', 'desa_kode'],
  ['alamat', 'alamat'],
  ['householdId', 'household_id'],
  ['relationship', 'relationship'],
];

/** A PPKS classification's audited fields, as PpksClassificationWriter records them. */
const AUDITED_PPKS: AuditedColumn[] = [
  ['beneficiaryId', 'beneficiary_id'],
  ['householdId', 'household_id'],
  ['ppksKode', 'ppks_kode'],
  ['since', 'since'],
  ['source', 'source'],
  ['terlantar', 'terlantar'],
  ['verification', 'verification'],
];

/** What a file says about a known person; a blank never erases what Pilar knows. */
const UPDATES: ColumnUpdate[] = [
  ['name', (s) => `${s}.name`],
  ['sex', (s) => `${s}.sex`],
  ['birth_date', (s) => `${s}.birth_date`],
  ['birth_place', (s, c) => `COALESCE(${s}.birth_place, ${c}.birth_place)`],
  ['desa_kode', (s) => `${s}.desa_kode`],
  ['alamat', (s, c) => `COALESCE(${s}.alamat, ${c}.alamat)`],
  ['household_id', (s, c) => `COALESCE(${s}.household_id, ${c}.household_id)`],
  ['relationship', (s, c) => `COALESCE(${s}.relationship, ${c}.relationship)`],
];

const COLUMNS =
  'nik, name, sex, birth_date, birth_place, desa_kode, alamat, household_id, relationship';

/**
 * Puts the accepted rows `seq` in [from, to] with their household ids into `import_batch`, which
 * every statement of the batch reads: the households are joined once a batch rather than once a
 * statement (each join hashed all the file's families). Not analyzed: the statements look people
 * up row by row whatever the estimates, and ANALYZE cost 170 ms a batch.
 */
export async function stagePeopleBatch(
  client: PoolClient,
  from: number,
  to: number,
): Promise<void> {
  await client.query('TRUNCATE import_batch');
  await client.query(
    `INSERT INTO import_batch
     SELECT r.line, r.nik, r.name, r.sex, r.birth_date, r.birth_place, r.desa_kode, r.alamat,
            s.household_id, r.relationship, r.ppks, r.ppks_since, r.dtks_id
     FROM import_row r LEFT JOIN import_household s ON s.household_key = r.household_key
     WHERE r.seq BETWEEN $1 AND $2 AND NOT r.rejected`,
    [from, to],
  );
}

/** The batch's people with NIK, or without. */
const source = (which: 'nik' | 'no-nik'): string => `
  SELECT line, ${COLUMNS} FROM import_batch
  WHERE nik IS ${which === 'nik' ? 'NOT NULL' : 'NULL'}`;

/** The living record `cur` that the staged person `src` with a NIK is. */
const sameNik = (src: string, cur: string): string =>
  `${cur}.nik = ${src}.nik AND ${cur}.status <> 'MERGED'`;

/** The living record `cur` without NIK that the staged person `src` is, by the natural key. */
const sameIdentity = (src: string, cur: string): string =>
  `${cur}.nik IS NULL AND ${cur}.status <> 'MERGED' AND ${cur}.desa_kode = ${src}.desa_kode
   AND ${cur}.birth_date = ${src}.birth_date AND lower(${cur}.name) = lower(${src}.name)`;

/**
 * Registers or updates the people of the batch (stagePeopleBatch) inside the caller's
 * transaction, each insert and change audited. People are matched by NIK; people without NIK by
 * name, birth date and desa. A person registered without NIK who now comes with one gets it (no
 * second record).
 */
export async function upsertPeople(
  client: PoolClient,
  actor: ImportActor,
): Promise<{ inserted: number; updated: number }> {
  const params = actorParams(actor);

  const adopted = await client.query<{ n: number }>(
    `WITH candidates AS (
       SELECT DISTINCT ON (b.id) b.id, s.*
       FROM (${source('nik')}) s
       -- Looked up row by row in the indexes (LIMIT and OFFSET keep the planner from joining the
       -- batch to the whole registry, which it read in full each batch): first the record without
       -- NIK of the same name, birth date and desa, in the small index of people without NIK;
       -- then, for the few found, whether someone already has the row's NIK.
       CROSS JOIN LATERAL (
         SELECT b.id FROM beneficiary b WHERE ${sameIdentity('s', 'b')} LIMIT 1
       ) b
       CROSS JOIN LATERAL (
         SELECT EXISTS (
           SELECT 1 FROM beneficiary x WHERE ${sameNik('s', 'x')}
         ) AS taken
         OFFSET 0
       ) nik
       WHERE NOT nik.taken
       ORDER BY b.id, s.line
     ), old AS (
       SELECT b.* FROM beneficiary b JOIN candidates USING (id)
     ), adopted AS (
       UPDATE beneficiary b SET nik = c.nik, ${setClause(UPDATES, 'c', 'b')},
              version = b.version + 1, updated_at = now()
       FROM candidates c WHERE b.id = c.id
       RETURNING b.*
     ), audited AS (
       ${auditInsert({
         action: "'beneficiary.update'",
         entity: 'beneficiary',
         entityId: 'a.id',
         changes: updatedChanges(AUDITED, 'old', 'a'),
         fromClause: 'FROM adopted a JOIN old ON old.id = a.id',
       })}
     )
     SELECT count(*)::int AS n FROM adopted`,
    params,
  );

  const counts = { inserted: 0, updated: adopted.rows[0].n };
  for (const which of ['nik', 'no-nik'] as const) {
    const conflict =
      which === 'nik'
        ? `(nik) WHERE nik IS NOT NULL AND status <> 'MERGED'`
        : `(desa_kode, birth_date, lower(name)) WHERE nik IS NULL AND status <> 'MERGED'`;
    const current = which === 'nik' ? sameNik : sameIdentity;
    const { rows } = await client.query<{ inserted: number; updated: number }>(
      auditedUpsertSql({
        table: 'beneficiary',
        src: source(which),
        columns: COLUMNS,
        conflict,
        current,
        updates: UPDATES,
        audited: AUDITED,
      }),
      params,
    );
    counts.inserted += rows[0].inserted;
    counts.updated += rows[0].updated;
  }
  return counts;
}

/**
 * Opens the PPKS periods the rows of the batch name, from `ppks_sejak` (default: the import
 * day): to the person, or for types counted in KK to their family. A type the holder already
 * holds over that day is left alone (the exclusion constraint's ON CONFLICT), so a re-import
 * adds nothing. Returns how many periods were opened.
 */
export async function addClassifications(client: PoolClient, actor: ImportActor): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `WITH wanted AS (
       SELECT DISTINCT ON (holder.beneficiary_id, holder.household_id, k.kode)
              holder.beneficiary_id, holder.household_id, k.kode, r.ppks_since,
              CASE WHEN r.dtks_id IS NOT NULL THEN 'DTKS' ELSE 'IMPORT' END AS source
       FROM import_batch r
       CROSS JOIN LATERAL unnest(r.ppks) AS k(kode)
       JOIN ppks_type t ON t.kode = k.kode
       -- The person, by the natural key of the row: one index lookup per row (LIMIT keeps the
       -- planner from joining the batch to the whole registry instead, read in full each batch).
       LEFT JOIN LATERAL (
         SELECT b.id FROM beneficiary b
         WHERE r.nik IS NOT NULL AND ${sameNik('r', 'b')}
         LIMIT 1
       ) by_nik ON true
       LEFT JOIN LATERAL (
         SELECT b.id FROM beneficiary b
         WHERE r.nik IS NULL AND ${sameIdentity('r', 'b')}
         LIMIT 1
       ) by_identity ON true
       CROSS JOIN LATERAL (
         SELECT CASE WHEN t.satuan = 'JIWA' THEN COALESCE(by_nik.id, by_identity.id) END
                  AS beneficiary_id,
                CASE WHEN t.satuan = 'KK' THEN r.household_id END AS household_id
       ) holder
       WHERE cardinality(r.ppks) > 0
         AND (holder.beneficiary_id IS NOT NULL OR holder.household_id IS NOT NULL)
       ORDER BY holder.beneficiary_id, holder.household_id, k.kode, r.line
     ), added AS (
       INSERT INTO ppks_classification
         (id, beneficiary_id, household_id, ppks_kode, since, source, created_by)
       SELECT ${TIME_ORDERED_ID}, beneficiary_id, household_id, kode, ppks_since, source, $1::uuid
       FROM wanted
       ON CONFLICT DO NOTHING
       RETURNING *
     ), audited AS (
       ${auditInsert({
         action: "'ppks-classification.create'",
         entity: 'ppks_classification',
         entityId: 'a.id',
         changes: createdChanges(AUDITED_PPKS, 'a'),
         fromClause: 'FROM added a',
       })}
     )
     SELECT count(*)::int AS n FROM added`,
    actorParams(actor),
  );
  return rows[0].n;
}

const NAME_INDEX = 'beneficiary_name_trgm_idx';
/** Room for the trigrams of a whole batch of names (about 16 MB for 50,000), in kB. */
const BATCH_PENDING_LIST_KB = 65_536;

/**
 * Runs `work` (the caller's transaction) with the trigram index on the distinct names (which the
 * insert trigger on `beneficiary` fills) holding the whole batch in its pending list, then merges
 * the list into the index in one pass and puts the index's own limit back, before the commit. The
 * index keeps a small list so that searches stay fast (see the registry migration); at that size
 * a bulk insert flushes it every few hundred names, rewriting the same posting trees again and
 * again (measured when the index covered every person: 50,000 people into 950,000, 486 ms with
 * the small list, 261 ms with this one).
 * Concurrent searches read the batch's entries until the merge; when the transaction fails,
 * the rollback restores the limit.
 */
export async function withBatchSizedNameIndexList<T>(
  client: PoolClient,
  work: () => Promise<T>,
): Promise<T> {
  const { rows } = await client.query<{ limit: string | null }>(
    `SELECT (SELECT option_value FROM pg_options_to_table(c.reloptions)
             WHERE option_name = 'gin_pending_list_limit') AS limit
     FROM pg_class c WHERE c.oid = $1::regclass`,
    [NAME_INDEX],
  );
  await client.query(
    `ALTER INDEX ${NAME_INDEX} SET (gin_pending_list_limit = ${BATCH_PENDING_LIST_KB})`,
  );
  const result = await work();
  await client.query(`SELECT gin_clean_pending_list($1::regclass)`, [NAME_INDEX]);
  const own = rows[0].limit;
  await client.query(
    own === null
      ? `ALTER INDEX ${NAME_INDEX} RESET (gin_pending_list_limit)`
      : `ALTER INDEX ${NAME_INDEX} SET (gin_pending_list_limit = ${Number(own)})`,
  );
  return result;
}
