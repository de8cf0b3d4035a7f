import type { EntityManager } from 'typeorm';
import type { AnggaranUnit } from '../rollup.types';
import { type BucketScope, rowsInBuckets } from './buckets';

const UNIT = `jsonb_to_recordset($1::jsonb) AS unit(sub_kegiatan_kode text COLLATE "C", year smallint)`;

const unitsJson = (units: AnggaranUnit[]): string =>
  JSON.stringify(units.map((u) => ({ sub_kegiatan_kode: u.subKegiatanKode, year: u.year })));

/** A KUNJUNGAN paid by no sub-kegiatan spends no pagu. */
const funded = (units: AnggaranUnit[]): AnggaranUnit[] =>
  units.filter((u) => u.subKegiatanKode !== '');

/**
 * Recomputes, per sub-kegiatan, year and bucket of recipients, the rupiah spent and the services
 * given in each triwulan, from the service facts.
 */
export async function recomputeAnggaranBuckets(
  m: EntityManager,
  units: AnggaranUnit[],
  buckets: BucketScope,
): Promise<void> {
  const planned = funded(units);
  if (planned.length === 0 || buckets?.length === 0) return;
  const params = [unitsJson(planned), buckets];
  await m.query(
    `DELETE FROM rollup_anggaran_bucket a USING ${UNIT}
     WHERE a.sub_kegiatan_kode = unit.sub_kegiatan_kode AND a.year = unit.year
       AND ($2::int[] IS NULL OR a.bucket IN (SELECT unnest($2::int[])))`,
    params,
  );
  const facts = rowsInBuckets('rollup_service_fact', 'f', 'recipient_bucket', buckets, '$2');
  await m.query(
    `INSERT INTO rollup_anggaran_bucket (year, sub_kegiatan_kode, bucket, amount, events)
     SELECT f.year, f.sub_kegiatan_kode, f.recipient_bucket,
            ARRAY[sum(f.amount[1]), sum(f.amount[2]), sum(f.amount[3]), sum(f.amount[4])]::bigint[],
            ARRAY[sum(f.events[1]), sum(f.events[2]), sum(f.events[3]), sum(f.events[4])]::int[]
     FROM ${facts.from}
     WHERE f.year = ANY ($3::smallint[]) AND ${facts.where}
       AND (f.year, f.sub_kegiatan_kode) IN (SELECT year, sub_kegiatan_kode FROM ${UNIT})
     GROUP BY f.year, f.sub_kegiatan_kode, f.recipient_bucket`,
    [...params, [...new Set(planned.map((u) => u.year))]],
  );
}

/**
 * Recomputes realisasi anggaran (rupiah, and how many services) per sub-kegiatan, year and
 * triwulan as the sums of its buckets.
 */
export async function recomputeAnggaranCells(
  m: EntityManager,
  units: AnggaranUnit[],
): Promise<void> {
  const planned = funded(units);
  if (planned.length === 0) return;
  const params = [unitsJson(planned)];
  await m.query(
    `DELETE FROM rollup_anggaran_cell a USING ${UNIT}
     WHERE a.sub_kegiatan_kode = unit.sub_kegiatan_kode AND a.year = unit.year`,
    params,
  );
  await m.query(
    `WITH summed AS (
       SELECT b.sub_kegiatan_kode, b.year,
              ARRAY[sum(b.amount[1]), sum(b.amount[2]), sum(b.amount[3]), sum(b.amount[4])] AS amount,
              ARRAY[sum(b.events[1]), sum(b.events[2]), sum(b.events[3]), sum(b.events[4])] AS events
       FROM ${UNIT}
       JOIN rollup_anggaran_bucket b
         ON b.year = unit.year AND b.sub_kegiatan_kode = unit.sub_kegiatan_kode
       GROUP BY b.sub_kegiatan_kode, b.year
     )
     INSERT INTO rollup_anggaran_cell (sub_kegiatan_kode, year, triwulan, amount, events)
     SELECT s.sub_kegiatan_kode, s.year, t.tw, s.amount[t.tw]::bigint, s.events[t.tw]::int
     FROM summed s CROSS JOIN generate_series(1, 4) AS t(tw)
     WHERE s.events[t.tw] > 0`,
    params,
  );
}
