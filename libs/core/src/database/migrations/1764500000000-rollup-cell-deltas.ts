import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roll-up without buckets. Every cell is a sum over recipients of what each contributes, so a
 * batch now stages what its recipients contributed before and after the change and moves each
 * cell by the net (libs/rollup/src/recompute/cell-deltas.ts), instead of recomputing the partial
 * figures of 16384 buckets of recipients and re-summing them: at ten million services a batch
 * read ~160 facts per touched person, and the buckets were most of a rebuild's writes.
 *
 * - `rollup_part_total`: each indicator part's total per year and triwulan; realisasi cells are
 *   derived from it.
 * - `rollup_victim`: SPM E's victims per year, derived like the PPKS members, so what a person
 *   contributed before a change can be taken out even when the records themselves changed.
 * - The bucket tables, columns and indexes go; classifications get an index on their disaster.
 * - `served <= registered` (coverage) and `served <= needing` (SPM) go: PostgreSQL checks an
 *   INSERT … ON CONFLICT's proposed row, here a signed change, before it finds the conflict. The
 *   cells still hold it by construction; the rebuild property test compares them cell for cell.
 *
 * Every year's figures are computed again by the worker's next sweep (`rollup_year` emptied).
 */
export class RollupCellDeltas1764500000000 implements MigrationInterface {
  name = 'RollupCellDeltas1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_part_total (
        indicator_id  uuid NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
        year          smallint NOT NULL,
        role          text COLLATE "C" NOT NULL CHECK (role IN ('VALUE', 'DENOMINATOR')),
        triwulan      smallint NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
        value         numeric NOT NULL,
        CONSTRAINT rollup_part_total_pkey PRIMARY KEY (indicator_id, year, role, triwulan)
      )`);
    await q.query(`
      CREATE TABLE rollup_victim (
        recipient_id    uuid NOT NULL,
        year            smallint NOT NULL,
        kecamatan_kode  text COLLATE "C" NOT NULL,
        served          boolean NOT NULL,
        CONSTRAINT rollup_victim_pkey PRIMARY KEY (recipient_id, year)
      )`);
    // A disaster's change names its victims, also those classified korban bencana of it.
    await q.query(`CREATE INDEX ppks_classification_disaster_idx ON ppks_classification (disaster_id)
      WHERE disaster_id IS NOT NULL`);
    for (const table of BUCKET_TABLES) await q.query(`DROP TABLE ${table}`);
    await q.query(
      `ALTER TABLE rollup_service_fact DROP COLUMN recipient_bucket, DROP COLUMN household_bucket`,
    );
    await q.query(`ALTER TABLE rollup_ppks_member DROP COLUMN bucket`);
    await q.query(`ALTER TABLE rollup_ppks_coverage DROP CONSTRAINT rollup_ppks_coverage_check`);
    await q.query(`ALTER TABLE rollup_spm DROP CONSTRAINT rollup_spm_check`);
    await q.query(`DELETE FROM rollup_year`);
  }

  /** Back to buckets, empty: the old worker's next sweep computes every year again. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rollup_year`);
    await q.query(`ALTER TABLE rollup_spm ADD CHECK (served <= needing)`);
    await q.query(`ALTER TABLE rollup_ppks_coverage ADD CHECK (served <= registered)`);
    await q.query(`ALTER TABLE rollup_ppks_member ADD COLUMN bucket smallint NOT NULL
      GENERATED ALWAYS AS (${BUCKET('recipient_id')}) STORED`);
    await q.query(`ALTER TABLE rollup_service_fact
      ADD COLUMN recipient_bucket smallint NOT NULL
        GENERATED ALWAYS AS (${BUCKET('recipient_id')}) STORED,
      ADD COLUMN household_bucket smallint GENERATED ALWAYS AS (${BUCKET('household_id')}) STORED`);
    await q.query(
      `CREATE INDEX rollup_ppks_member_bucket_idx ON rollup_ppks_member (year, bucket)`,
    );
    await q.query(`CREATE INDEX rollup_service_fact_bucket_idx
      ON rollup_service_fact (year, recipient_bucket)`);
    await q.query(`CREATE INDEX rollup_service_fact_household_bucket_idx
      ON rollup_service_fact (year, household_bucket) WHERE household_bucket IS NOT NULL`);
    await q.query(`
      CREATE TABLE rollup_part_bucket (
        indicator_id  uuid NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
        year          smallint NOT NULL,
        role          text COLLATE "C" NOT NULL CHECK (role IN ('VALUE', 'DENOMINATOR')),
        bucket        smallint NOT NULL,
        value         numeric[] NOT NULL CHECK (cardinality(value) = 4),
        CONSTRAINT rollup_part_bucket_pkey PRIMARY KEY (indicator_id, year, role, bucket)
      )`);
    await q.query(`
      CREATE TABLE rollup_anggaran_bucket (
        year               smallint NOT NULL,
        sub_kegiatan_kode  text COLLATE "C" NOT NULL,
        bucket             smallint NOT NULL,
        amount             bigint[] NOT NULL CHECK (cardinality(amount) = 4),
        events             integer[] NOT NULL CHECK (cardinality(events) = 4),
        CONSTRAINT rollup_anggaran_bucket_pkey PRIMARY KEY (year, sub_kegiatan_kode, bucket)
      )`);
    for (const [table, spm, needing] of [
      ['rollup_coverage_bucket', 'ppks_kode text COLLATE "C"', 'registered'],
      ['rollup_spm_bucket', 'spm char(1)', 'needing'],
    ]) {
      const key = spm.split(' ')[0];
      await q.query(`
        CREATE TABLE ${table} (
          year            smallint NOT NULL,
          bucket          smallint NOT NULL,
          kecamatan_kode  text COLLATE "C" NOT NULL,
          ${spm} NOT NULL,
          ${needing}      integer NOT NULL,
          served          integer NOT NULL,
          CONSTRAINT ${table}_pkey PRIMARY KEY (year, bucket, kecamatan_kode, ${key})
        )`);
      await q.query(`CREATE INDEX ${table}_kecamatan_idx ON ${table} (year, kecamatan_kode)`);
    }
    await q.query(`DROP INDEX ppks_classification_disaster_idx`);
    await q.query(`DROP TABLE rollup_victim`);
    await q.query(`DROP TABLE rollup_part_total`);
  }
}

/** As in Rollup1764400000000. */
const BUCKET = (column: string): string => `(hashtext(${column}::text) & 16383)::smallint`;

const BUCKET_TABLES = [
  'rollup_part_bucket',
  'rollup_anggaran_bucket',
  'rollup_coverage_bucket',
  'rollup_spm_bucket',
];
