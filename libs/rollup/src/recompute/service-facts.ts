import type { EntityManager } from 'typeorm';
import { rewriteWithIndexesAfter } from './bulk-rewrite';
import type { SnapshotReader } from './snapshot-copy';
import { whose } from './units';

/** The columns of `rollup_service_fact` that FACTS returns, in its order. */
const FACT_COLUMNS = `recipient_id, year, sub_kegiatan_kode, service_type, beneficiary_id,
  household_id, first_date, events, quantity, amount`;

/** The four triwulan of an aggregate over the events (`tw`), zero where a triwulan has none. */
const perTriwulan = (aggregate: string, cast: string): string =>
  `ARRAY[${[1, 2, 3, 4]
    .map((tw) => `coalesce(${aggregate} FILTER (WHERE tw = ${tw}), 0)`)
    .join(', ')}]::${cast}`;

/**
 * The facts of the events of recipients $1 (uuid[], null: all), dated in [$2, $3) (dates, null:
 * any), in key order: one aggregation over the events sorted by the facts' keys.
 * The sort runs on every core (parallel sorts under a Gather Merge), and the aggregation reads
 * the merged order once, in constant memory; the subquery (OFFSET 0 keeps it apart) stops the
 * planner from aggregating partially in each worker instead, which for events spread at random
 * over the table merges nearly as many partial groups as there are events, each carrying twelve
 * numeric and bigint sums. The codes compare as in the facts' own columns (COLLATE "C",
 * bytewise: sorts far faster than the database's locale), so the rows come out in the primary
 * key's order.
 */
const FACTS = `WITH
  -- The people of the events, for their household: only the recipients' when some are given
  -- (a hash of the whole registry for a few hundred events cost more than the events).
  person AS (
    SELECT id, household_id FROM beneficiary WHERE ${whose('id', '$1')}
  )
  SELECT recipient_id, year, sub_kegiatan_kode, service_type, beneficiary_id, household_id,
         min(event_date),
         ${perTriwulan('count(*)', 'int[]')},
         ${perTriwulan('sum(quantity)', 'numeric[]')},
         ${perTriwulan('sum(amount)', 'bigint[]')}
  FROM (
    SELECT coalesce(e.beneficiary_id, e.household_id) AS recipient_id,
           extract(year FROM e.event_date)::smallint AS year,
           coalesce(e.sub_kegiatan_kode, '') COLLATE "C" AS sub_kegiatan_kode,
           e.service_type COLLATE "C" AS service_type,
           e.beneficiary_id,
           coalesce(e.household_id, b.household_id) AS household_id,
           extract(quarter FROM e.event_date)::int AS tw,
           e.event_date, e.quantity, e.amount
    FROM service_event e
    LEFT JOIN person b ON b.id = e.beneficiary_id
    WHERE e.voided_at IS NULL
      AND ($1::uuid[] IS NULL OR e.beneficiary_id = ANY ($1::uuid[])
           OR e.household_id = ANY ($1::uuid[]))
      AND ($2::date IS NULL OR (e.event_date >= $2::date AND e.event_date < $3::date))
    ORDER BY 1, 2, 3, 4, 5, 6
    OFFSET 0
  ) AS event
  GROUP BY recipient_id, year, sub_kegiatan_kode, service_type, beneficiary_id, household_id
  ORDER BY recipient_id, year, sub_kegiatan_kode, service_type`;

/**
 * Which facts to recompute: those of some recipients (every year), or of whole years — read
 * through `reader`, the rebuild's snapshot on a second connection, so the aggregation runs in
 * parallel.
 */
export type FactScope = { recipients: string[] } | { years: number[]; reader: SnapshotReader };

/**
 * Recomputes `rollup_service_fact` from the non-void service events: per recipient, year,
 * sub-kegiatan and service type, the first date and the events, quantity and rupiah of each
 * triwulan. A person event also records the person's household, so KK counts and KK coverage
 * see services given to any member.
 */
export async function recomputeServiceFacts(m: EntityManager, scope: FactScope): Promise<void> {
  if ('recipients' in scope) {
    if (scope.recipients.length === 0) return;
    await m.query(`DELETE FROM rollup_service_fact WHERE recipient_id = ANY ($1)`, [
      scope.recipients,
    ]);
    await m.query(`INSERT INTO rollup_service_fact (${FACT_COLUMNS}) ${FACTS}`, [
      scope.recipients,
      null,
      null,
    ]);
    return;
  }
  if (scope.years.length === 0) return;
  const { years, reader } = scope;
  // A year at a time, as a date range: the planner estimates a range of dates from its
  // statistics (and hashes millions of events), but not a condition on extract(year …).
  const copyYears = async (): Promise<void> => {
    for (const year of years) {
      await reader.copyInto(m, 'rollup_service_fact', FACT_COLUMNS, FACTS, [
        null,
        `${year}-01-01`,
        `${year + 1}-01-01`,
      ]);
    }
  };
  const [{ others }]: { others: boolean }[] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM rollup_service_fact WHERE year <> ALL ($1)) AS others`,
    [years],
  );
  if (others) {
    await m.query(`DELETE FROM rollup_service_fact WHERE year = ANY ($1)`, [years]);
    await copyYears();
  } else {
    // Every fact is rewritten (all years, or the agency's only one): its indexes are built once.
    await rewriteWithIndexesAfter(m, 'rollup_service_fact', copyYears);
  }
}

/** The years in which these recipients have services. */
export async function factYearsOf(m: EntityManager, recipients: string[]): Promise<number[]> {
  if (recipients.length === 0) return [];
  const rows: { year: number }[] = await m.query(
    `SELECT DISTINCT year FROM rollup_service_fact WHERE recipient_id = ANY ($1)`,
    [recipients],
  );
  return rows.map((r) => r.year);
}
