import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** One row of the append-only audit log (the table refuses UPDATE and DELETE). */
@Entity('audit_entry')
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint', generated: 'identity' })
  id: string;

  @Column('timestamptz')
  occurredAt: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorRole: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entity: string;

  @Column('text')
  entityId: string;

  @Column('jsonb', { nullable: true })
  changes: FieldChanges | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Column('text', { nullable: true })
  ip: string | null;
}
