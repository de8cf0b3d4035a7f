import type { EntityManager } from 'typeorm';
import type { IndicatorUnit } from '../rollup.types';
import { type BucketScope, rowsInBuckets } from './buckets';
import { applyCellDeltas, deleteBuckets, insertBuckets, PART_TOTALS } from './cell-deltas';
import type { MeasurePart } from './measure-parts';

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
 * Recomputes, for the given indicator-years and buckets, each part's partial figures from the
 * service facts and PPKS members of the people in those buckets:
 * - EVENTS / QUANTITY / AMOUNT: the sums of each triwulan;
 * - DISTINCT_BENEFICIARIES: each person once, in the triwulan of their first qualifying service
 *   of the year (people are bucketed by their own id, so a person lies in one bucket);
 * - DISTINCT_HOUSEHOLDS: the same per household, bucketed by the household's id (its members'
 *   services all land in the household's bucket);
 * - PPKS_POPULATION: the members of the year, in all four triwulan.
 * A fact counts for a part when its sub-kegiatan is in the part's range, its service type in the
 * part's list, and (with a PPKS filter) its person or household is a member of one of the types
 * that year. Which parts a (sub-kegiatan, service type) feeds is worked out once per combination,
 * so each fact is joined only to its own parts. Buckets without any figure are not stored. The
 * parts' totals (`rollup_part_total`) move by the change.
 */
export async function recomputeIndicatorBuckets(
  m: EntityManager,
  units: IndicatorUnit[],
  parts: MeasurePart[],
  buckets: BucketScope,
): Promise<void> {
  if (units.length === 0 || buckets?.length === 0) return;
  const params = [unitsJson(units), partsJson(parts), buckets];
  await deleteBuckets(
    m,
    PART_TOTALS,
    `b.indicator_id = unit.indicator_id AND b.year = unit.year
     AND ($2::int[] IS NULL OR b.bucket IN (SELECT unnest($2::int[])))`,
    [params[0], buckets],
    UNIT_RELATION,
  );
  const byRecipient = rowsInBuckets('rollup_service_fact', 'f', 'recipient_bucket', buckets, '$3');
  const byHousehold = rowsInBuckets('rollup_service_fact', 'f', 'household_bucket', buckets, '$3');
  const members = rowsInBuckets('rollup_ppks_member', 'mb', 'bucket', buckets, '$3');
  await insertBuckets(
    m,
    PART_TOTALS,
    `unit AS MATERIALIZED (SELECT * FROM ${UNIT_RELATION}),
     part AS MATERIALIZED (SELECT * FROM ${PART_RELATION}),
     -- The facts of the buckets: by their recipient, and again by their household.
     touched AS MATERIALIZED (
       SELECT 'R' AS kind, f.recipient_bucket AS bucket, f.year, f.sub_kegiatan_kode,
              f.service_type, f.recipient_id, f.household_id, f.beneficiary_id AS counted_id,
              f.first_date, f.events, f.quantity, f.amount
       FROM ${byRecipient.from}
       WHERE f.year IN (SELECT year FROM unit) AND ${byRecipient.where}
       UNION ALL
       SELECT 'H', f.household_bucket, f.year, f.sub_kegiatan_kode, f.service_type,
              f.recipient_id, f.household_id, f.household_id, f.first_date, NULL, NULL, NULL
       FROM ${byHousehold.from}
       WHERE f.year IN (SELECT year FROM unit) AND ${byHousehold.where}
         AND f.household_bucket IS NOT NULL
         AND EXISTS (SELECT 1 FROM part WHERE part.type = 'DISTINCT_HOUSEHOLDS')
     ),
     combo_part AS MATERIALIZED (
       SELECT c.kind, c.year, c.sub_kegiatan_kode, c.service_type,
              unit.indicator_id, part.role, part.type, part.ppks
       FROM (SELECT DISTINCT kind, year, sub_kegiatan_kode, service_type FROM touched) AS c
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
       JOIN asked ON asked.id = mb.recipient_id
       WHERE EXISTS (SELECT 1 FROM part WHERE part.ppks IS NOT NULL)
         AND mb.year IN (SELECT year FROM unit)
       GROUP BY mb.recipient_id, mb.year
     ),
     -- Each fact with the types of its person and of its household (hash joins, not probes).
     typed AS MATERIALIZED (
       SELECT t.*, coalesce(own.kodes, '{}') || coalesce(family.kodes, '{}') AS kodes
       FROM touched t
       LEFT JOIN types_of own ON own.recipient_id = t.recipient_id AND own.year = t.year
       LEFT JOIN types_of family ON family.recipient_id = t.household_id AND family.year = t.year
     ),
     qualifying AS (
       SELECT cp.indicator_id, t.year, cp.role, cp.type, t.bucket, t.counted_id,
              t.first_date, t.events, t.quantity, t.amount
       FROM typed t
       JOIN combo_part cp
         ON cp.kind = t.kind AND cp.year = t.year
        AND cp.sub_kegiatan_kode = t.sub_kegiatan_kode AND cp.service_type = t.service_type
       WHERE cp.ppks IS NULL OR cp.ppks && t.kodes
     ),
     summed AS (
       SELECT indicator_id, year, role, bucket,
              ARRAY[sum(pick[1]), sum(pick[2]), sum(pick[3]), sum(pick[4])] AS value
       FROM (SELECT q.*,
                    CASE type WHEN 'EVENTS' THEN events::numeric[]
                              WHEN 'QUANTITY' THEN quantity
                              ELSE amount::numeric[] END AS pick
             FROM qualifying q WHERE type IN ('EVENTS', 'QUANTITY', 'AMOUNT')) AS s
       GROUP BY indicator_id, year, role, bucket
     ),
     firsts AS (
       SELECT indicator_id, year, role, bucket, extract(quarter FROM min(first_date))::int AS tw
       FROM qualifying
       WHERE type IN ('DISTINCT_BENEFICIARIES', 'DISTINCT_HOUSEHOLDS') AND counted_id IS NOT NULL
       GROUP BY indicator_id, year, role, bucket, counted_id
     ),
     counted AS (
       SELECT indicator_id, year, role, bucket,
              ARRAY[count(*) FILTER (WHERE tw = 1), count(*) FILTER (WHERE tw = 2),
                    count(*) FILTER (WHERE tw = 3), count(*) FILTER (WHERE tw = 4)]::numeric[]
                AS value
       FROM firsts GROUP BY indicator_id, year, role, bucket
     ),
     population AS (
       SELECT unit.indicator_id, unit.year, part.role, mb.bucket,
              count(DISTINCT mb.recipient_id)::numeric AS n
       FROM unit
       JOIN part ON part.indicator_id = unit.indicator_id AND part.type = 'PPKS_POPULATION'
       JOIN ${members.from}
         ON mb.year = unit.year AND mb.ppks_kode = ANY (part.ppks) AND ${members.where}
       GROUP BY unit.indicator_id, unit.year, part.role, mb.bucket
     )`,
    `INSERT INTO rollup_part_bucket (indicator_id, year, role, bucket, value)
     SELECT indicator_id, year, role, bucket, value FROM summed
     WHERE value <> ARRAY[0, 0, 0, 0]::numeric[]
     UNION ALL SELECT indicator_id, year, role, bucket, value FROM counted
     UNION ALL SELECT indicator_id, year, role, bucket, ARRAY[n, n, n, n] FROM population`,
    params,
  );
  await applyCellDeltas(m, PART_TOTALS);
}
