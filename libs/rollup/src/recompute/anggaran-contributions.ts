import type { EntityManager } from 'typeorm';
import { ANGGARAN_CELLS, type Sign, stageContributions } from './cell-deltas';
import { type UnitScope, whose } from './units';

/**
 * Stages what the recipients in scope contribute to realisasi anggaran in the given years: per
 * sub-kegiatan, the rupiah spent and the services given in each triwulan, from their service
 * facts. A KUNJUNGAN paid by no sub-kegiatan (empty code) spends no pagu.
 */
export async function stageAnggaranContributions(
  m: EntityManager,
  sign: Sign,
  years: number[],
  scope: UnitScope,
): Promise<void> {
  if (years.length === 0 || scope?.length === 0) return;
  await stageContributions(
    m,
    ANGGARAN_CELLS,
    sign,
    '',
    `SELECT f.year, f.sub_kegiatan_kode,
            ARRAY[sum(f.amount[1]), sum(f.amount[2]), sum(f.amount[3]), sum(f.amount[4])]::bigint[],
            ARRAY[sum(f.events[1]), sum(f.events[2]), sum(f.events[3]), sum(f.events[4])]::int[]
     FROM rollup_service_fact f
     WHERE f.year = ANY ($1::smallint[]) AND f.sub_kegiatan_kode <> ''
       AND ${whose('f.recipient_id', '$2')}
     GROUP BY f.year, f.sub_kegiatan_kode`,
    [years, scope],
  );
}
