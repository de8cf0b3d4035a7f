import type { EntityManager } from 'typeorm';
import type { IndicatorUnit } from '../rollup.types';
import { PART_RELATION, partsJson, UNIT_RELATION, unitsJson } from './indicator-contributions';
import type { MeasurePart } from './measure-parts';

/**
 * Recomputes the realisasi cells (one row per triwulan) of the given indicator-years from their
 * parts' totals (`rollup_part_total`, the sums of what each recipient contributes). `value` is the figure of
 * the triwulan on its own, `value_ytd` the running total (s.d. TW); a ratio's denominator sits in
 * `denominator(_ytd)`; a PPKS population
 * is the year's, the same in every triwulan and year-to-date. Distinct counts add up across
 * recipients because each person (household) is counted by its own contribution only. Rows that would hold only zeros
 * are not stored, so a rebuild and the incremental path leave exactly the same rows.
 */
export async function recomputeIndicatorCells(
  m: EntityManager,
  units: IndicatorUnit[],
  parts: MeasurePart[],
): Promise<void> {
  if (units.length === 0) return;
  const params = [unitsJson(units), partsJson(parts)];
  await m.query(
    `DELETE FROM rollup_indicator_cell c USING ${UNIT_RELATION}
     WHERE c.indicator_id = unit.indicator_id AND c.year = unit.year`,
    [params[0]],
  );
  await m.query(
    `WITH unit AS (SELECT * FROM ${UNIT_RELATION}),
     part AS (SELECT * FROM ${PART_RELATION}),
     total AS (
       SELECT pt.indicator_id, pt.year, pt.role, pt.triwulan, pt.value
       FROM unit
       JOIN rollup_part_total pt ON pt.indicator_id = unit.indicator_id AND pt.year = unit.year
     ),
     quarterly AS (
       SELECT unit.indicator_id, unit.year, part.role, t.tw,
              coalesce(s.value, 0) AS v,
              CASE WHEN part.type = 'PPKS_POPULATION' THEN coalesce(s.value, 0)
                   ELSE sum(coalesce(s.value, 0)) OVER (
                          PARTITION BY unit.indicator_id, unit.year, part.role ORDER BY t.tw) END
                AS ytd
       FROM unit
       JOIN part ON part.indicator_id = unit.indicator_id
       CROSS JOIN generate_series(1, 4) AS t(tw)
       LEFT JOIN total s
         ON s.indicator_id = unit.indicator_id AND s.year = unit.year AND s.role = part.role
        AND s.triwulan = t.tw
     ),
     cell AS (
       SELECT indicator_id, year, tw,
              coalesce(max(v) FILTER (WHERE role = 'VALUE'), 0) AS value,
              coalesce(max(ytd) FILTER (WHERE role = 'VALUE'), 0) AS value_ytd,
              max(v) FILTER (WHERE role = 'DENOMINATOR') AS denominator,
              max(ytd) FILTER (WHERE role = 'DENOMINATOR') AS denominator_ytd
       FROM quarterly GROUP BY indicator_id, year, tw
     )
     INSERT INTO rollup_indicator_cell
       (indicator_id, year, triwulan, value, value_ytd, denominator, denominator_ytd)
     SELECT indicator_id, year, tw, value, value_ytd, denominator, denominator_ytd
     FROM cell
     WHERE value <> 0 OR value_ytd <> 0
        OR coalesce(denominator, 0) <> 0 OR coalesce(denominator_ytd, 0) <> 0`,
    params,
  );
}
