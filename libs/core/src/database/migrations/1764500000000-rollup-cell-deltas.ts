import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cells that move by the change of their buckets. A batch of the roll-up now adds to each cell
 * (part totals, realisasi anggaran, coverage, SPM) the net change of the buckets it recomputed,
 * instead of summing every bucket of each touched cell again.
 *
 * - `rollup_part_total`: each indicator part's total per year and triwulan; realisasi cells
 *   derive from it. Filled here from the buckets already computed.
 * - `served <= registered` (coverage) and `served <= needing` (SPM) go: PostgreSQL checks an
 *   INSERT … ON CONFLICT's proposed row, here a signed change, before it finds the conflict. The
 *   cells still hold it by construction, and the rebuild property test compares them cell for cell.
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
      INSERT INTO rollup_part_total (indicator_id, year, role, triwulan, value)
      SELECT b.indicator_id, b.year, b.role, t.tw, sum(b.value[t.tw])
      FROM rollup_part_bucket b CROSS JOIN generate_series(1, 4) AS t(tw)
      GROUP BY b.indicator_id, b.year, b.role, t.tw
      HAVING sum(b.value[t.tw]) <> 0`);
    await q.query(`ALTER TABLE rollup_ppks_coverage DROP CONSTRAINT rollup_ppks_coverage_check`);
    await q.query(`ALTER TABLE rollup_spm DROP CONSTRAINT rollup_spm_check`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rollup_spm ADD CHECK (served <= needing)`);
    await q.query(`ALTER TABLE rollup_ppks_coverage ADD CHECK (served <= registered)`);
    await q.query(`DROP TABLE rollup_part_total`);
  }
}
