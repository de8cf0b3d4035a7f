import type { BeneficiaryHistorySource, HistoryEntry } from '@pilar/registry';
import type { DataSource, EntityManager } from 'typeorm';

interface TransitionRow {
  case_id: string;
  case_type: string;
  from_status: string | null;
  to_status: string;
  day: string;
  note: string;
}

/** Each step of a person's cases in their history: the opening and every transition. */
export class CaseHistorySource implements BeneficiaryHistorySource {
  /** `timeZone`: transitions are instants; the history lists agency calendar days. */
  constructor(private readonly timeZone: string) {}

  async entries(m: EntityManager | DataSource, beneficiaryId: string): Promise<HistoryEntry[]> {
    const rows: TransitionRow[] = await m.query(
      `SELECT c.id AS case_id, c.case_type, t.from_status, t.to_status, t.note,
              to_char(t.occurred_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day
       FROM social_case c JOIN case_transition t ON t.case_id = c.id
       WHERE c.beneficiary_id = $1
       ORDER BY t.id`,
      [beneficiaryId, this.timeZone],
    );
    return rows.map((r) => ({
      date: r.day,
      // One type per status keeps several steps of a case on one day apart in the history's order.
      type: `CASE_${r.to_status}`,
      ref: { entity: 'case', id: r.case_id },
      summary:
        r.from_status === null
          ? `${r.case_type} case opened`
          : `${r.case_type} case: ${r.from_status} → ${r.to_status}`,
      details: { caseType: r.case_type, from: r.from_status, to: r.to_status, note: r.note },
    }));
  }
}
