import type { EntityManager } from 'typeorm';
import { whose } from './units';

/**
 * Recomputes `rollup_ppks_member`: who is PPKS of which type in which year, and in which
 * kecamatan. A person (JIWA types) or household (KK types) is a member in a year when one of its
 * classifications of that type, not REJECTED, is active on any day of the year; PROPOSED counts
 * with VERIFIED because the TKSK's reports are the agency's working list between verivali rounds.
 * Records merged into another, people who died before the year, and anyone outside the agency's
 * kabupaten are not counted. The kecamatan is where the person (or household) lives now.
 */
export async function recomputePpksMembers(
  m: EntityManager,
  scope: { recipients: string[] | null; years: number[] },
  kabupatenKode: string,
): Promise<void> {
  if (scope.years.length === 0 || scope.recipients?.length === 0) return;
  await m.query(
    `DELETE FROM rollup_ppks_member
     WHERE ${whose('recipient_id', '$1')} AND year = ANY ($2)`,
    [scope.recipients, scope.years],
  );
  await m.query(
    `INSERT INTO rollup_ppks_member (recipient_id, year, ppks_kode, kecamatan_kode, terlantar)
     SELECT coalesce(c.beneficiary_id, c.household_id), y.year, c.ppks_kode,
            left(coalesce(b.desa_kode, h.desa_kode), 8), bool_or(c.terlantar)
     FROM ppks_classification c
     CROSS JOIN (SELECT year::smallint, make_date(year, 1, 1) AS first_day,
                        make_date(year, 12, 31) AS last_day
                 FROM unnest($2::int[]) AS year) AS y
     LEFT JOIN beneficiary b ON b.id = c.beneficiary_id
     LEFT JOIN household h ON h.id = c.household_id
     WHERE c.verification <> 'REJECTED'
       AND c.since <= y.last_day AND (c.until IS NULL OR c.until >= y.first_day)
       AND (c.beneficiary_id IS NULL
            OR (b.status <> 'MERGED' AND (b.died_on IS NULL OR b.died_on >= y.first_day)))
       AND coalesce(b.desa_kode, h.desa_kode) LIKE $3 || '.%'
       AND ($1::uuid[] IS NULL OR c.beneficiary_id = ANY ($1) OR c.household_id = ANY ($1))
     GROUP BY 1, 2, 3, 4`,
    [scope.recipients, scope.years, kabupatenKode],
  );
}
