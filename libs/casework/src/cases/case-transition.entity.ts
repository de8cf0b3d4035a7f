import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStatus } from './case-state-machine';

/** One move of a case, with who made it, when and why. The opening is the first one. */
@Entity('case_transition')
export class CaseTransition {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' })
  id: string;

  @Column('uuid')
  caseId: string;

  /** null for the opening of the case. */
  @Column('text', { nullable: true })
  fromStatus: CaseStatus | null;

  @Column('text')
  toStatus: CaseStatus;

  @Column('text')
  note: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('timestamptz')
  occurredAt: Date;
}
