import type { EntityManager } from 'typeorm';
import type { IndicatorUnit } from '../rollup.types';
import { LockKind, lockKeys } from './advisory-locks';
import { stageAnggaranContributions } from './anggaran-contributions';
import { applyCellDeltas, CELL_TABLES, type Sign, stagedIndicatorYears } from './cell-deltas';
import { recomputeIndicatorCells } from './indicator-cells';
import { stageIndicatorContributions, UNIT_RELATION, unitsJson } from './indicator-contributions';
import type { MeasurePart } from './measure-parts';
import type { UnitScope } from './units';
import { stageWilayahContributions } from './wilayah-contributions';

/**
 * Stages everything the recipients in scope contribute in the given years — to the parts of
 * `parts`, to realisasi anggaran, coverage and SPM — with `sign` (see cell-deltas.ts).
 */
export async function stageFigures(
  m: EntityManager,
  sign: Sign,
  parts: MeasurePart[],
  years: number[],
  scope: UnitScope,
): Promise<void> {
  await stageParts(m, sign, parts, years, scope);
  await stageAnggaranContributions(m, sign, years, scope);
  await stageWilayahContributions(m, sign, years, scope);
}

/** Stages what the recipients in scope contribute to `parts` in the given years. */
export function stageParts(
  m: EntityManager,
  sign: Sign,
  parts: MeasurePart[],
  years: number[],
  scope: UnitScope,
): Promise<void> {
  const units = [...new Set(parts.map((p) => p.indicatorId))].flatMap((indicatorId) =>
    years.map((year) => ({ indicatorId, year })),
  );
  return stageIndicatorContributions(m, sign, units, parts, scope);
}

/**
 * Applies what is staged to every table of cells and derives again the realisasi of the
 * indicator-years whose part totals moved, and of `redefined` (whose totals are replaced by what
 * is staged for them: everything, under their new definition). Those indicator-years are locked
 * first, so two drains never derive one from totals the other is still moving.
 */
export async function applyFigures(
  m: EntityManager,
  parts: MeasurePart[],
  redefined: IndicatorUnit[] = [],
): Promise<void> {
  const key = (u: IndicatorUnit): string => `${u.indicatorId}/${u.year}`;
  const derived = [
    ...new Map([...(await stagedIndicatorYears(m)), ...redefined].map((u) => [key(u), u])).values(),
  ];
  await lockKeys(m, LockKind.IndicatorCell, derived.map(key));
  if (redefined.length > 0) {
    await m.query(
      `DELETE FROM rollup_part_total t USING ${UNIT_RELATION}
       WHERE t.indicator_id = unit.indicator_id AND t.year = unit.year`,
      [unitsJson(redefined)],
    );
  }
  for (const table of CELL_TABLES) await applyCellDeltas(m, table);
  const ids = new Set(derived.map((u) => u.indicatorId));
  await recomputeIndicatorCells(
    m,
    derived,
    parts.filter((p) => ids.has(p.indicatorId)),
  );
}
