import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CaseStatus, CaseType } from './case-state-machine';

/** Work on one person that spans weeks: reunifikasi, AMPK, rehabilitasi, rujukan. */
@Entity('social_case')
export class SocialCase {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  payloadHash: string;

  @Column('text')
  caseType: CaseType;

  @Column('uuid')
  beneficiaryId: string;

  /** The person's desa when the case was opened: who may see the case. */
  @Column('text')
  desaKode: string;

  @Column('text')
  summary: string;

  @Column('text')
  status: CaseStatus;

  @Column('uuid', { nullable: true })
  assignedTo: string | null;

  /** The panti, UPT or LKS the person was referred to. */
  @Column('text', { nullable: true })
  referredTo: string | null;

  /** The family found (reunifikasi): who they are, where they live, how to reach them. */
  @Column('text', { nullable: true })
  familyName: string | null;

  @Column('text', { nullable: true })
  familyRelationship: string | null;

  @Column('text', { nullable: true })
  familyDesaKode: string | null;

  @Column('text', { nullable: true })
  familyAlamat: string | null;

  @Column('text', { nullable: true })
  familyContact: string | null;

  @Column('date', { nullable: true })
  familyFoundOn: string | null;

  @Column('uuid')
  openedBy: string;

  @VersionColumn({ type: 'integer' })
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
