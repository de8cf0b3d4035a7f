import type { BeneficiaryHistorySource, HistoryEntry } from '@pilar/registry';
import type { DataSource, EntityManager } from 'typeorm';

interface ServiceRow {
  id: string;
  service_type: string;
  nama: string;
  event_date: string;
  quantity: string;
  unit: string | null;
  amount: string;
  sub_kegiatan_kode: string | null;
  case_id: string | null;
  disaster_id: string | null;
  voided: boolean;
}

/** A person's services in their history (voided ones too, marked: the record stays). */
export class ServiceEventHistorySource implements BeneficiaryHistorySource {
  async entries(m: EntityManager | DataSource, beneficiaryId: string): Promise<HistoryEntry[]> {
    const rows: ServiceRow[] = await m.query(
      `SELECT e.id, e.service_type, t.nama, to_char(e.event_date, 'YYYY-MM-DD') AS event_date,
              e.quantity::text AS quantity, e.unit, e.amount::text AS amount, e.sub_kegiatan_kode,
              e.case_id, e.disaster_id, e.voided_at IS NOT NULL AS voided
       FROM service_event e JOIN service_type t ON t.kode = e.service_type
       WHERE e.beneficiary_id = $1`,
      [beneficiaryId],
    );
    return rows.map((r) => ({
      date: r.event_date,
      type: 'SERVICE',
      ref: { entity: 'service_event', id: r.id },
      summary:
        `${r.nama}: ${Number(r.quantity)} ${r.unit ?? ''}`.trim() + (r.voided ? ' (void)' : ''),
      details: {
        serviceType: r.service_type,
        subKegiatanKode: r.sub_kegiatan_kode,
        quantity: Number(r.quantity),
        unit: r.unit,
        amount: Number(r.amount),
        caseId: r.case_id,
        disasterId: r.disaster_id,
        voided: r.voided,
      },
    }));
  }
}
