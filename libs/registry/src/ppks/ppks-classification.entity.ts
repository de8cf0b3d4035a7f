import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { Household } from '../households/household.entity';
import type { PpksSource, VerificationStatus } from '../registry.types';

/**
 * One period during which a person (or, for types counted in KK, a family) is PPKS of a type.
 * Ending a type sets `until`; the row stays, so coverage can count people by period.
 */
@Entity('ppks_classification')
export class PpksClassification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  beneficiaryId: string | null;

  @ManyToOne(() => Beneficiary, { nullable: true })
  @JoinColumn({ name: 'beneficiary_id' })
  beneficiary?: Beneficiary | null;

  @Column('uuid', { nullable: true })
  householdId: string | null;

  @ManyToOne(() => Household, { nullable: true })
  @JoinColumn({ name: 'household_id' })
  household?: Household | null;

  @Column('text')
  ppksKode: string;

  @Column('date')
  since: string;

  /** Last day the type applied (inclusive); null while it still does. */
  @Column('date', { nullable: true })
  until: string | null;

  @Column('text')
  source: PpksSource;

  /** Neglected: SPM A counts penyandang disabilitas only when terlantar. */
  @Column('boolean')
  terlantar: boolean;

  @Column('text')
  verification: VerificationStatus;

  /** Who verified or rejected it, and when. */
  @Column('uuid', { nullable: true })
  reviewedBy: string | null;

  @Column('timestamptz', { nullable: true })
  reviewedAt: Date | null;

  /** The disaster a KORBAN_BENCANA_* classification belongs to (casework owns disasters). */
  @Column('uuid', { nullable: true })
  disasterId: string | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
