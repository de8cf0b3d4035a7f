import type { DataSource, EntityManager } from 'typeorm';
import { BeneficiaryHistorySource, HistoryEntry } from './history.types';

interface PeriodRow {
  id: string;
  ppks_kode: string;
  nama: string;
  since: string;
  until: string | null;
  source: string;
  verification: string;
  terlantar: boolean;
  level: 'PERSON' | 'HOUSEHOLD';
}

/** The registry's own part of a history: each PPKS period's start and (when ended) its end. */
export class PpksHistorySource implements BeneficiaryHistorySource {
  async entries(m: EntityManager | DataSource, beneficiaryId: string): Promise<HistoryEntry[]> {
    const rows: PeriodRow[] = await m.query(
      `SELECT c.id, c.ppks_kode, t.nama, to_char(c.since, 'YYYY-MM-DD') AS since,
              to_char(c.until, 'YYYY-MM-DD') AS until, c.source, c.verification, c.terlantar,
              CASE WHEN c.beneficiary_id IS NULL THEN 'HOUSEHOLD' ELSE 'PERSON' END AS level
       FROM ppks_classification c
       JOIN ppks_type t ON t.kode = c.ppks_kode
       JOIN beneficiary b ON b.id = $1
       WHERE c.beneficiary_id = b.id OR c.household_id = b.household_id`,
      [beneficiaryId],
    );
    return rows.flatMap((r) => {
      const details = {
        ppksKode: r.ppks_kode,
        level: r.level,
        source: r.source,
        verification: r.verification,
        terlantar: r.terlantar,
      };
      const ref = { entity: 'ppks_classification', id: r.id };
      const family = r.level === 'HOUSEHOLD';
      const start: HistoryEntry = {
        date: r.since,
        type: 'PPKS_START',
        ref,
        summary: `${r.nama} (${r.source}, ${r.verification}${family ? ', family' : ''})`,
        details,
      };
      if (!r.until) return [start];
      const end: HistoryEntry = {
        date: r.until,
        type: 'PPKS_END',
        ref,
        summary: `${r.nama} ended${family ? ' (family)' : ''}`,
        details,
      };
      return [start, end];
    });
  }
}
