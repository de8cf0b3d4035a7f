import type { EntityManager } from 'typeorm';
import type { IndicatorUnit } from '../rollup.types';
import { PART_TOTALS, type Sign, stageContributions } from './cell-deltas';
import type { MeasurePart } from './measure-parts';
import { type UnitScope, whose } from './units';

export const unitsJson = (units: IndicatorUnit[]): string =>
  JSON.stringify(units.map((u) => ({ indicator_id: u.indicatorId, year: u.year })));

export const partsJson = (parts: MeasurePart[]): string =>
  JSON.stringify(
    parts.map((p) => ({
      indicator_id: p.indicatorId,
      role: p.role,
      type: p.type,
      service_types: p.serviceTypes,
      ppks: p.ppks,
      kode_from: p.kodeFrom,
      kode_to: p.kodeTo,
    })),
  );

/** The parts of the units' indicators, as a relation (jsonb_to_recordset) named `part`. */
export const PART_RELATION = `jsonb_to_recordset($2::jsonb) AS part(
  indicator_id uuid, role text, type text, service_types text[], ppks text[],
  kode_from text COLLATE "C", kode_to text COLLATE "C")`;
export const UNIT_RELATION = `jsonb_to_recordset($1::jsonb) AS unit(indicator_id uuid, year smallint)`;

/**
 * Stages, for the given indicator-years, what the recipients in scope contribute to each part
 * (see cell-deltas.ts), from their service facts and PPKS memberships:
 * - EVENTS / QUANTITY / AMOUNT: the sums of each triwulan;
 * - DISTINCT_BENEFICIARIES: each person once, in the triwulan of their first qualifying service
 *   of the year (all of a person's facts are theirs: a person is one recipient);
 * - DISTINCT_HOUSEHOLDS: the same per household, from the facts that name the household (its
 *   own services and its members'), when the household is in scope;
 * - PPKS_POPULATION: the members of the year, in all four triwulan.
 * A fact counts for a part when its sub-kegiatan is in the part's range, its service type in the
 * part's list, and (with a PPKS filter) its person or household is a member of one of the types
 * that year. Which parts a (sub-kegiatan, service type) feeds is worked out once per combination,
 * so each fact is joined only to its own parts.
 */
export async function stageIndicatorContributions(
  m: EntityManager,
  sign: Sign,
  units: IndicatorUnit[],
  parts: MeasurePart[],
  scope: UnitScope,
): Promise<void> {
  if (units.length === 0 || scope?.length === 0) return;
  // The units' years again as an array: a filter on each row read, where `IN (SELECT year FROM
  // unit)` hashed the CTE and probed it once per fact (three reads of every fact in a rebuild).
  const years = [...new Set(units.map((u) => u.year))];
  const params = [unitsJson(units), partsJson(parts), scope, years];
  // Every join here is a hash join, for a batch as for everyone: the facts that feed a part are
  // estimated at a row or two (a join on four keys to a CTE), and a nested loop chosen on that
  // reads every PPKS member looked up once per fact.
  await withoutNestedLoops(m, () =>
    stageContributions(
      m,
      PART_TOTALS,
      sign,
      `unit AS MATERIALIZED (SELECT * FROM ${UNIT_RELATION}),
     part AS MATERIALIZED (SELECT * FROM ${PART_RELATION}),
     -- The facts in scope: by their recipient, and again by their household. Read where used,
     -- not materialized: for everyone, that is millions of wide rows written to disk and read
     -- back, where scanning the facts again costs less; for a few, a second index lookup.
     touched AS NOT MATERIALIZED (
       SELECT 'R' AS kind, f.year, f.sub_kegiatan_kode, f.service_type, f.recipient_id,
              f.household_id, f.beneficiary_id AS counted_id, f.first_date, f.events,
              f.quantity, f.amount
       FROM rollup_service_fact f
       WHERE f.year = ANY ($4::smallint[]) AND ${whose('f.recipient_id', '$3')}
       UNION ALL
       SELECT 'H', f.year, f.sub_kegiatan_kode, f.service_type, f.recipient_id, f.household_id,
              f.household_id, f.first_date, NULL, NULL, NULL
       FROM rollup_service_fact f
       WHERE f.year = ANY ($4::smallint[]) AND ${whose('f.household_id', '$3')}
         AND f.household_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM part WHERE part.type = 'DISTINCT_HOUSEHOLDS')
     ),
     -- The combinations of the facts in scope, read in one pass over them (not one per kind):
     -- a fact's combination is its recipient's (R) when the recipient is in scope, and its
     -- household's (H) when the household is.
     combo_part AS MATERIALIZED (
       SELECT c.kind, c.year, c.sub_kegiatan_kode, c.service_type,
              unit.indicator_id, part.role, part.type, part.ppks
       FROM (SELECT DISTINCT k.kind, combo.year, combo.sub_kegiatan_kode, combo.service_type
             FROM (SELECT DISTINCT f.year, f.sub_kegiatan_kode, f.service_type,
                          ${whose('f.recipient_id', '$3')} AS of_recipient,
                          f.household_id IS NOT NULL AND ${whose('f.household_id', '$3')}
                            AS of_household
                   FROM rollup_service_fact f
                   WHERE f.year = ANY ($4::smallint[])
                     AND (${whose('f.recipient_id', '$3')} OR ${whose('f.household_id', '$3')})
                  ) AS combo
             JOIN (VALUES ('R'), ('H')) AS k (kind)
               ON CASE k.kind WHEN 'R' THEN combo.of_recipient ELSE combo.of_household END
            ) AS c
       JOIN unit ON unit.year = c.year
       JOIN part ON part.indicator_id = unit.indicator_id
        AND part.type <> 'PPKS_POPULATION'
        AND (part.type = 'DISTINCT_HOUSEHOLDS') = (c.kind = 'H')
        AND c.sub_kegiatan_kode BETWEEN part.kode_from AND part.kode_to
        AND (part.service_types IS NULL OR c.service_type = ANY (part.service_types))
     ),
     asked AS MATERIALIZED (
       SELECT recipient_id AS id FROM touched UNION SELECT household_id FROM touched
     ),
     -- The PPKS types of everyone a filtered part may ask about, fetched once.
     types_of AS MATERIALIZED (
       SELECT mb.recipient_id, mb.year, array_agg(mb.ppks_kode) AS kodes
       FROM rollup_ppks_member mb
       WHERE EXISTS (SELECT 1 FROM part WHERE part.ppks IS NOT NULL)
         AND mb.year = ANY ($4::smallint[])
         -- Looked up by key for a few recipients; a rebuild reads every member.
         AND ($3::uuid[] IS NULL OR mb.recipient_id = ANY (ARRAY(SELECT id FROM asked)))
       GROUP BY mb.recipient_id, mb.year
     ),
     -- The facts that feed a part: each fact with the parts of its combination, then (for a part
     -- with a PPKS filter) the types of its person and of its household (hash joins, not probes).
     qualifying AS (
       SELECT cp.indicator_id, t.year, cp.role, cp.type, t.counted_id,
              t.first_date, t.events, t.quantity, t.amount
       FROM touched t
       JOIN combo_part cp
         ON cp.kind = t.kind AND cp.year = t.year
        AND cp.sub_kegiatan_kode = t.sub_kegiatan_kode AND cp.service_type = t.service_type
       LEFT JOIN types_of own ON own.recipient_id = t.recipient_id AND own.year = t.year
       LEFT JOIN types_of family ON family.recipient_id = t.household_id AND family.year = t.year
       WHERE cp.ppks IS NULL OR cp.ppks && own.kodes OR cp.ppks && family.kodes
     ),
     summed AS (
       SELECT indicator_id, year, role,
              ARRAY[sum(pick[1]), sum(pick[2]), sum(pick[3]), sum(pick[4])] AS value
       FROM (SELECT q.*,
                    CASE type WHEN 'EVENTS' THEN events::numeric[]
                              WHEN 'QUANTITY' THEN quantity
                              ELSE amount::numeric[] END AS pick
             FROM qualifying q WHERE type IN ('EVENTS', 'QUANTITY', 'AMOUNT')) AS s
       GROUP BY indicator_id, year, role
     ),
     firsts AS (
       SELECT indicator_id, year, role, extract(quarter FROM min(first_date))::int AS tw
       FROM qualifying
       WHERE type IN ('DISTINCT_BENEFICIARIES', 'DISTINCT_HOUSEHOLDS') AND counted_id IS NOT NULL
       GROUP BY indicator_id, year, role, counted_id
     ),
     counted AS (
       SELECT indicator_id, year, role,
              ARRAY[count(*) FILTER (WHERE tw = 1), count(*) FILTER (WHERE tw = 2),
                    count(*) FILTER (WHERE tw = 3), count(*) FILTER (WHERE tw = 4)]::numeric[]
                AS value
       FROM firsts GROUP BY indicator_id, year, role
     ),
     population AS (
       SELECT unit.indicator_id, unit.year, part.role,
              count(DISTINCT mb.recipient_id)::numeric AS n
       FROM unit
       JOIN part ON part.indicator_id = unit.indicator_id AND part.type = 'PPKS_POPULATION'
       JOIN rollup_ppks_member mb
         ON mb.year = unit.year AND mb.ppks_kode = ANY (part.ppks)
        AND ${whose('mb.recipient_id', '$3')}
       GROUP BY unit.indicator_id, unit.year, part.role
     )`,
      `SELECT indicator_id, year, role, value FROM summed
     UNION ALL SELECT indicator_id, year, role, value FROM counted
     UNION ALL SELECT indicator_id, year, role, ARRAY[n, n, n, n] FROM population`,
      params,
    ),
  );
}

/** Runs `work` with nested loop joins off, then puts the setting back as it was. */
async function withoutNestedLoops(m: EntityManager, work: () => Promise<void>): Promise<void> {
  const [{ was }]: { was: string }[] = await m.query(
    `SELECT current_setting('enable_nestloop') AS was, set_config('enable_nestloop', 'off', true)`,
  );
  await work();
  await m.query(`SELECT set_config('enable_nestloop', $1, true)`, [was]);
}
