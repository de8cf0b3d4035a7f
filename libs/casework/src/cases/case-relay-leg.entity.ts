import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One leg of a reunifikasi in relay: the person handed over to the Dinas Sosial of the next
 * kabupaten on the way home.
 */
@Entity('case_relay_leg')
export class CaseRelayLeg {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('smallint')
  seq: number;

  /** The agency that received the person (e.g. "Dinas Sosial Kota Surabaya"). */
  @Column('text')
  receivingAgency: string;

  /** Its wilayah (kabupaten/kota code). */
  @Column('text')
  receivingWilayahKode: string;

  @Column('date')
  handedOverOn: string;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Column('timestamptz')
  recordedAt: Date;
}
