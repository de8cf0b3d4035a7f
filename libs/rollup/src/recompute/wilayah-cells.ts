import type { EntityManager } from 'typeorm';
import { ROLLUP_BUCKETS, type BucketScope, rowsInBuckets } from './buckets';
import {
  applyCellDeltas,
  COVERAGE_CELLS,
  deleteBuckets,
  insertBuckets,
  SPM_CELLS,
} from './cell-deltas';

/**
 * Recomputes, for the given years and buckets of recipients, PPKS coverage and the five SPM
 * services per kecamatan.
 *
 * Coverage per PPKS type: registered = the type's members of the year (persons, or households for
 * KK types); served = those with at least one non-void service in the year (for a household, a
 * service to the household or to any member).
 *
 * SPM A–D: people of the service's PPKS types (A only when terlantar), each counted once however
 * many types and services they have; served = at least one non-void service in the year.
 * SPM E: people who are victims of a disaster whose tanggap darurat starts in the year (listed as
 * victims, or classified korban bencana of that disaster); served = a non-void service to them, or
 * to their household, dated within the disaster's window [start_date, emergency_end_date].
 *
 * The kecamatan cells (`rollup_ppks_coverage`, `rollup_spm`) move by the change of the buckets.
 */
export async function recomputeWilayah(
  m: EntityManager,
  years: number[],
  buckets: BucketScope,
): Promise<void> {
  if (years.length === 0 || buckets?.length === 0) return;
  const params = [years, buckets];
  const inScope = `b.year = ANY ($1) AND ($2::int[] IS NULL OR b.bucket IN (SELECT unnest($2::int[])))`;
  await deleteBuckets(m, COVERAGE_CELLS, inScope, params);
  await deleteBuckets(m, SPM_CELLS, inScope, params);
  const members = rowsInBuckets('rollup_ppks_member', 'mb', 'bucket', buckets, '$2');
  await insertBuckets(
    m,
    COVERAGE_CELLS,
    '',
    `INSERT INTO rollup_coverage_bucket (year, bucket, kecamatan_kode, ppks_kode, registered, served)
     SELECT mb.year, mb.bucket, mb.kecamatan_kode, mb.ppks_kode, count(*)::int,
            count(*) FILTER (
              WHERE EXISTS (SELECT 1 FROM rollup_service_fact f
                            WHERE f.year = mb.year AND f.recipient_id = mb.recipient_id)
                 OR EXISTS (SELECT 1 FROM rollup_service_fact f
                            WHERE f.year = mb.year AND f.household_id = mb.recipient_id))::int
     FROM ${members.from}
     WHERE mb.year = ANY ($1) AND ${members.where}
     GROUP BY mb.year, mb.bucket, mb.kecamatan_kode, mb.ppks_kode`,
    params,
  );
  await insertBuckets(
    m,
    SPM_CELLS,
    `basic AS (
       SELECT mb.year, mb.bucket, mb.kecamatan_kode, t.spm::text AS spm, mb.recipient_id,
              EXISTS (SELECT 1 FROM rollup_service_fact f
                      WHERE f.year = mb.year AND f.recipient_id = mb.recipient_id) AS served
       FROM ${members.from}
       JOIN ppks_type t ON t.kode = mb.ppks_kode
       WHERE mb.year = ANY ($1) AND ${members.where}
         AND t.spm IN ('A', 'B', 'C', 'D') AND (NOT t.spm_requires_terlantar OR mb.terlantar)
     ),
     victim AS (
       SELECT v.beneficiary_id, d.start_date, d.emergency_end_date
       FROM disaster_victim v JOIN disaster d ON d.id = v.disaster_id
       WHERE v.beneficiary_id IS NOT NULL
       UNION
       SELECT c.beneficiary_id, d.start_date, d.emergency_end_date
       FROM ppks_classification c
       JOIN disaster d ON d.id = c.disaster_id
       JOIN ppks_type t ON t.kode = c.ppks_kode AND t.spm = 'E'
       WHERE c.beneficiary_id IS NOT NULL AND c.verification <> 'REJECTED'
     ),
     bencana AS (
       SELECT extract(year FROM v.start_date)::smallint AS year,
              (hashtext(b.id::text) & ${ROLLUP_BUCKETS - 1})::smallint AS bucket,
              left(b.desa_kode, 8) AS kecamatan_kode, 'E' AS spm, b.id AS recipient_id,
              EXISTS (SELECT 1 FROM service_event e
                      WHERE e.voided_at IS NULL
                        AND e.event_date BETWEEN v.start_date AND v.emergency_end_date
                        AND (e.beneficiary_id = b.id OR e.household_id = b.household_id)) AS served
       FROM victim v
       JOIN beneficiary b ON b.id = v.beneficiary_id AND b.status <> 'MERGED'
       WHERE extract(year FROM v.start_date) = ANY ($1)
         AND ($2::int[] IS NULL OR (hashtext(b.id::text) & ${ROLLUP_BUCKETS - 1}) IN (SELECT unnest($2::int[])))
     ),
     needing AS (SELECT * FROM basic UNION ALL SELECT * FROM bencana)`,
    `INSERT INTO rollup_spm_bucket (year, bucket, kecamatan_kode, spm, needing, served)
     SELECT year, bucket, kecamatan_kode, spm, count(DISTINCT recipient_id)::int,
            count(DISTINCT recipient_id) FILTER (WHERE served)::int
     FROM needing GROUP BY year, bucket, kecamatan_kode, spm`,
    params,
  );
  await applyCellDeltas(m, COVERAGE_CELLS);
  await applyCellDeltas(m, SPM_CELLS);
}

/** The years in which these recipients (as people, or as households of people) are disaster victims. */
export async function victimYearsOf(m: EntityManager, recipients: string[]): Promise<number[]> {
  if (recipients.length === 0) return [];
  const rows: { year: number }[] = await m.query(
    `SELECT DISTINCT extract(year FROM d.start_date)::int AS year
     FROM beneficiary b
     JOIN disaster d ON d.id IN (
       SELECT v.disaster_id FROM disaster_victim v WHERE v.beneficiary_id = b.id
       UNION SELECT c.disaster_id FROM ppks_classification c
             WHERE c.beneficiary_id = b.id AND c.disaster_id IS NOT NULL)
     WHERE b.id = ANY ($1) OR b.household_id = ANY ($1)`,
    [recipients],
  );
  return rows.map((r) => r.year);
}
