import type { EntityManager } from 'typeorm';
import { whose } from './units';

/** Which facts to recompute: those of some recipients (every year), or of whole years. */
export type FactScope = { recipients: string[] } | { years: number[] };

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
    await insertFacts(m, scope.recipients, null);
    return;
  }
  if (scope.years.length === 0) return;
  await m.query(`DELETE FROM rollup_service_fact WHERE year = ANY ($1)`, [scope.years]);
  // A year at a time, as a date range: the planner estimates a range of dates from its
  // statistics (and hashes millions of events), but not a condition on extract(year …).
  for (const year of scope.years) {
    await insertFacts(m, null, [`${year}-01-01`, `${year + 1}-01-01`]);
  }
}

/** Inserts the facts of the events of `recipients` (null: all), dated in [from, to) (null: any). */
async function insertFacts(
  m: EntityManager,
  recipients: string[] | null,
  dates: [from: string, to: string] | null,
): Promise<void> {
  // Two stages: per triwulan with plain aggregates (hashes well), then the four into arrays.
  await m.query(
    `WITH
     -- The people of the events, for their household: only the recipients' when some are given
     -- (a hash of the whole registry for a few hundred events cost more than the events).
     person AS (
       SELECT id, household_id FROM beneficiary WHERE ${whose('id', '$1')}
     ),
     per_triwulan AS (
       SELECT coalesce(e.beneficiary_id, e.household_id) AS recipient_id,
              e.beneficiary_id,
              coalesce(e.household_id, b.household_id) AS household_id,
              extract(year FROM e.event_date)::smallint AS year,
              extract(quarter FROM e.event_date)::int AS tw,
              coalesce(e.sub_kegiatan_kode, '') AS sub_kegiatan_kode,
              e.service_type,
              min(e.event_date) AS first_date,
              count(*)::int AS events,
              sum(e.quantity) AS quantity,
              sum(e.amount)::bigint AS amount
       FROM service_event e
       LEFT JOIN person b ON b.id = e.beneficiary_id
       WHERE e.voided_at IS NULL
         AND ($1::uuid[] IS NULL OR e.beneficiary_id = ANY ($1) OR e.household_id = ANY ($1))
         AND ($2::date IS NULL OR (e.event_date >= $2::date AND e.event_date < $3::date))
       GROUP BY 1, 2, 3, 4, 5, 6, 7
     )
     INSERT INTO rollup_service_fact (recipient_id, year, sub_kegiatan_kode, service_type,
       beneficiary_id, household_id, first_date, events, quantity, amount)
     SELECT recipient_id, year, sub_kegiatan_kode, service_type, beneficiary_id, household_id,
            min(first_date),
            ARRAY[coalesce(sum(events) FILTER (WHERE tw = 1), 0),
                  coalesce(sum(events) FILTER (WHERE tw = 2), 0),
                  coalesce(sum(events) FILTER (WHERE tw = 3), 0),
                  coalesce(sum(events) FILTER (WHERE tw = 4), 0)]::int[],
            ARRAY[coalesce(sum(quantity) FILTER (WHERE tw = 1), 0),
                  coalesce(sum(quantity) FILTER (WHERE tw = 2), 0),
                  coalesce(sum(quantity) FILTER (WHERE tw = 3), 0),
                  coalesce(sum(quantity) FILTER (WHERE tw = 4), 0)],
            ARRAY[coalesce(sum(amount) FILTER (WHERE tw = 1), 0),
                  coalesce(sum(amount) FILTER (WHERE tw = 2), 0),
                  coalesce(sum(amount) FILTER (WHERE tw = 3), 0),
                  coalesce(sum(amount) FILTER (WHERE tw = 4), 0)]::bigint[]
     FROM per_triwulan
     GROUP BY recipient_id, year, sub_kegiatan_kode, service_type, beneficiary_id, household_id`,
    [recipients, dates?.[0] ?? null, dates?.[1] ?? null],
  );
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
