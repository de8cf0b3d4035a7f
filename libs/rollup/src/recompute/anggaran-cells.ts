import type { EntityManager } from 'typeorm';
import type { AnggaranUnit } from '../rollup.types';
import { type BucketScope, rowsInBuckets } from './buckets';
import { ANGGARAN_CELLS, applyCellDeltas, deleteBuckets, insertBuckets } from './cell-deltas';

const UNIT = `jsonb_to_recordset($1::jsonb) AS unit(sub_kegiatan_kode text COLLATE "C", year smallint)`;

const unitsJson = (units: AnggaranUnit[]): string =>
  JSON.stringify(units.map((u) => ({ sub_kegiatan_kode: u.subKegiatanKode, year: u.year })));

/** A KUNJUNGAN paid by no sub-kegiatan spends no pagu. */
const funded = (units: AnggaranUnit[]): AnggaranUnit[] =>
  units.filter((u) => u.subKegiatanKode !== '');

/**
 * Recomputes, per sub-kegiatan, year and bucket of recipients, the rupiah spent and the services
 * given in each triwulan, from the service facts; realisasi anggaran (`rollup_anggaran_cell`, per
 * sub-kegiatan, year and triwulan) moves by the change.
 */
export async function recomputeAnggaran(
  m: EntityManager,
  units: AnggaranUnit[],
  buckets: BucketScope,
): Promise<void> {
  const planned = funded(units);
  if (planned.length === 0 || buckets?.length === 0) return;
  const params = [unitsJson(planned), buckets];
  await deleteBuckets(
    m,
    ANGGARAN_CELLS,
    `b.sub_kegiatan_kode = unit.sub_kegiatan_kode AND b.year = unit.year
     AND ($2::int[] IS NULL OR b.bucket IN (SELECT unnest($2::int[])))`,
    params,
    UNIT,
  );
  const facts = rowsInBuckets('rollup_service_fact', 'f', 'recipient_bucket', buckets, '$2');
  await insertBuckets(
    m,
    ANGGARAN_CELLS,
    '',
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
  await applyCellDeltas(m, ANGGARAN_CELLS);
}
