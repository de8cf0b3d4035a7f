import type { EntityManager } from 'typeorm';
import { COVERAGE_CELLS, type Sign, SPM_CELLS, stageContributions } from './cell-deltas';
import { type UnitScope, whose } from './units';

/**
 * Stages what the recipients in scope contribute, in the given years, to PPKS coverage and the
 * five SPM services per kecamatan (see cell-deltas.ts).
 *
 * Coverage per PPKS type: registered = the type's members of the year (persons, or households for
 * KK types); served = those with at least one non-void service in the year (for a household, a
 * service to the household or to any member).
 *
 * SPM A–D: people of the service's PPKS types (A only when terlantar), each counted once however
 * many types and services they have; served = at least one non-void service in the year.
 * SPM E: the disaster victims of the year (see disaster-victims.ts), served within the window.
 * Everything here is read from the derived tables only, which change under the drain's locks.
 */
export async function stageWilayahContributions(
  m: EntityManager,
  sign: Sign,
  years: number[],
  scope: UnitScope,
): Promise<void> {
  if (years.length === 0 || scope?.length === 0) return;
  const params = [years, scope];
  await stageContributions(
    m,
    COVERAGE_CELLS,
    sign,
    '',
    `SELECT mb.year, mb.kecamatan_kode, mb.ppks_kode, count(*)::int,
            count(*) FILTER (
              WHERE EXISTS (SELECT 1 FROM rollup_service_fact f
                            WHERE f.year = mb.year AND f.recipient_id = mb.recipient_id)
                 OR EXISTS (SELECT 1 FROM rollup_service_fact f
                            WHERE f.year = mb.year AND f.household_id = mb.recipient_id))::int
     FROM rollup_ppks_member mb
     WHERE mb.year = ANY ($1) AND ${whose('mb.recipient_id', '$2')}
     GROUP BY mb.year, mb.kecamatan_kode, mb.ppks_kode`,
    params,
  );
  await stageContributions(
    m,
    SPM_CELLS,
    sign,
    `basic AS (
       SELECT mb.year, mb.kecamatan_kode, t.spm::text AS spm, mb.recipient_id,
              EXISTS (SELECT 1 FROM rollup_service_fact f
                      WHERE f.year = mb.year AND f.recipient_id = mb.recipient_id) AS served
       FROM rollup_ppks_member mb
       JOIN ppks_type t ON t.kode = mb.ppks_kode
       WHERE mb.year = ANY ($1) AND ${whose('mb.recipient_id', '$2')}
         AND t.spm IN ('A', 'B', 'C', 'D') AND (NOT t.spm_requires_terlantar OR mb.terlantar)
     ),
     bencana AS (
       SELECT v.year, v.kecamatan_kode, 'E' AS spm, v.recipient_id, v.served
       FROM rollup_victim v
       WHERE v.year = ANY ($1) AND ${whose('v.recipient_id', '$2')}
     ),
     needing AS (SELECT * FROM basic UNION ALL SELECT * FROM bencana)`,
    `SELECT year, kecamatan_kode, spm, count(DISTINCT recipient_id)::int,
            count(DISTINCT recipient_id) FILTER (WHERE served)::int
     FROM needing GROUP BY year, kecamatan_kode, spm`,
    params,
  );
}
