import type { Measure } from '@pilar/planning';
import type { EntityManager } from 'typeorm';
import { measureParts, MeasurePart } from './measure-parts';

/**
 * The countable parts of every indicator (or of some). Read straight from the indicator table
 * (read-only), inside the caller's transaction, so a drain sees the definitions as of its batch.
 */
export async function loadMeasureParts(
  m: EntityManager,
  indicatorIds: string[] | null = null,
): Promise<MeasurePart[]> {
  const rows: { id: string; level: string; nomenclature_kode: string | null; measure: Measure }[] =
    await m.query(
      `SELECT id, level, nomenclature_kode, measure FROM indicator
       WHERE $1::uuid[] IS NULL OR id = ANY ($1)`,
      [indicatorIds],
    );
  return rows.flatMap((r) =>
    measureParts({
      id: r.id,
      level: r.level,
      nomenclatureKode: r.nomenclature_kode,
      measure: r.measure,
    }),
  );
}

/** The years whose PPKS members are computed for everyone (see `rollup_year`). */
export async function rollupYears(m: EntityManager): Promise<number[]> {
  const rows: { year: number }[] = await m.query('SELECT year FROM rollup_year ORDER BY year');
  return rows.map((r) => r.year);
}
