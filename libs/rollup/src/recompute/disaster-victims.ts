import type { EntityManager } from 'typeorm';
import { type UnitScope, whose } from './units';

/**
 * Recomputes `rollup_victim`, what SPM E counts: who is a victim of a disaster whose tanggap
 * darurat starts in the year (listed as a victim, or classified korban bencana of it), in which
 * kecamatan they live now, and whether they were served within a disaster's window
 * [start_date, emergency_end_date] (a non-void service to them or to their household). Kept as a
 * derived table, like the PPKS members, so a batch can take out what a person contributed before
 * a change even when the change is to the records themselves.
 */
export async function recomputeVictims(
  m: EntityManager,
  scope: { recipients: UnitScope; years: number[] },
): Promise<void> {
  if (scope.years.length === 0 || scope.recipients?.length === 0) return;
  const params = [scope.recipients, scope.years];
  await m.query(
    `DELETE FROM rollup_victim WHERE ${whose('recipient_id', '$1')} AND year = ANY ($2)`,
    params,
  );
  await m.query(
    `WITH victim AS (
       SELECT v.beneficiary_id, d.start_date, d.emergency_end_date
       FROM disaster_victim v JOIN disaster d ON d.id = v.disaster_id
       WHERE v.beneficiary_id IS NOT NULL AND ${whose('v.beneficiary_id', '$1')}
       UNION
       SELECT c.beneficiary_id, d.start_date, d.emergency_end_date
       FROM ppks_classification c
       JOIN disaster d ON d.id = c.disaster_id
       JOIN ppks_type t ON t.kode = c.ppks_kode AND t.spm = 'E'
       WHERE c.beneficiary_id IS NOT NULL AND c.verification <> 'REJECTED'
         AND ${whose('c.beneficiary_id', '$1')}
     )
     INSERT INTO rollup_victim (recipient_id, year, kecamatan_kode, served)
     SELECT b.id, extract(year FROM v.start_date)::smallint, left(b.desa_kode, 8),
            bool_or(EXISTS (
              SELECT 1 FROM service_event e
              WHERE e.voided_at IS NULL
                AND e.event_date BETWEEN v.start_date AND v.emergency_end_date
                AND (e.beneficiary_id = b.id OR e.household_id = b.household_id)))
     FROM victim v
     JOIN beneficiary b ON b.id = v.beneficiary_id AND b.status <> 'MERGED'
     WHERE extract(year FROM v.start_date) = ANY ($2)
     GROUP BY 1, 2, 3`,
    params,
  );
}

/** The years in which these recipients (as people, or as households of people) are disaster victims. */
export async function victimYearsOf(m: EntityManager, recipients: string[]): Promise<number[]> {
  if (recipients.length === 0) return [];
  const rows: { year: number }[] = await m.query(
    `SELECT DISTINCT extract(year FROM d.start_date)::int AS year
     FROM beneficiary b
     JOIN disaster d ON d.id IN (
       SELECT v.disaster_id FROM disaster_victim v WHERE v.beneficiary_id = b.id
       UNION SELECT c.disaster_id FROM ppks_classification c
             WHERE c.beneficiary_id = b.id AND c.disaster_id IS NOT NULL)
     WHERE b.id = ANY ($1) OR b.household_id = ANY ($1)`,
    [recipients],
  );
  return rows.map((r) => r.year);
}
