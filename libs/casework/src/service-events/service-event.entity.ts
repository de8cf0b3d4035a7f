import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One service given to a person or a household: what, how much, when, where, by whom and which
 * sub-kegiatan paid for it. Never edited or deleted (the table refuses it); a mistake is voided
 * and recorded again.
 */
@Entity('service_event')
export class ServiceEvent {
  /** Client-generated (idempotency) or server-generated. */
  @PrimaryColumn('uuid')
  id: string;

  /** Hash of the request that created it, to tell a replay from a different request. */
  @Column('text')
  payloadHash: string;

  @Column('text')
  serviceType: string;

  @Column('uuid', { nullable: true })
  beneficiaryId: string | null;

  @Column('uuid', { nullable: true })
  householdId: string | null;

  /** Canonical 4-digit form; null only for a KUNJUNGAN paid by no sub-kegiatan. */
  @Column('text', { nullable: true })
  subKegiatanKode: string | null;

  /** Calendar date in the agency's time zone. */
  @Column('date')
  eventDate: string;

  /** numeric: arrives as a string, kept exact. */
  @Column('numeric')
  quantity: string;

  @Column('text', { nullable: true })
  unit: string | null;

  /** Rupiah (bigint, as a string). */
  @Column('bigint')
  amount: string;

  @Column('text')
  desaKode: string;

  @Column('uuid')
  recordedBy: string;

  @Column('timestamptz')
  recordedAt: Date;

  @Column('uuid', { nullable: true })
  caseId: string | null;

  @Column('uuid', { nullable: true })
  disasterId: string | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('double precision', { nullable: true })
  locationLat: number | null;

  @Column('double precision', { nullable: true })
  locationLon: number | null;

  @Column('timestamptz', { nullable: true })
  voidedAt: Date | null;

  @Column('uuid', { nullable: true })
  voidedBy: string | null;

  @Column('text', { nullable: true })
  voidReason: string | null;
}
