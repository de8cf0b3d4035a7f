import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** Bencana alam (banjir, longsor) or sosial (kebakaran, konflik). */
export const DISASTER_JENIS = ['ALAM', 'SOSIAL'] as const;
export type DisasterJenis = (typeof DISASTER_JENIS)[number];

/** A disaster and its masa tanggap darurat (emergency response window). */
@Entity('disaster')
export class Disaster {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  jenis: DisasterJenis;

  @Column('text')
  name: string;

  @Column('date')
  startDate: string;

  /** Last day of the tanggap darurat (inclusive); services until then link to the disaster. */
  @Column('date')
  emergencyEndDate: string;

  /** Where it struck: a kabupaten, kecamatan or desa of the agency. */
  @Column('text')
  wilayahKode: string;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
