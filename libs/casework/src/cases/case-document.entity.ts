import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseDocumentKind } from './case-state-machine';

/** A document of the reunifikasi checklist, recorded as present. */
@Entity('case_document')
export class CaseDocument {
  @PrimaryColumn('uuid')
  caseId: string;

  @PrimaryColumn('text')
  kind: CaseDocumentKind;

  /** Nomor surat or document number. */
  @Column('text', { nullable: true })
  reference: string | null;

  @Column('text')
  issuedBy: string;

  @Column('date', { nullable: true })
  issuedOn: string | null;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Column('timestamptz')
  recordedAt: Date;
}
