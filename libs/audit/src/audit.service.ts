import { Injectable } from '@nestjs/common';
import { RequestContext } from '@pilar/core';
import { DataSource, EntityManager } from 'typeorm';
import { FieldChanges } from './audit-entry.entity';

export interface AuditRecord {
  /** What happened, as `<entity>.<verb>`: `user.create`, `beneficiary.nik.read`. */
  action: string;
  entity: string;
  entityId: string;
  changes?: FieldChanges | null;
  /** Overrides the actor from the request context (seeds, jobs acting for a user). */
  actor?: { id: string | null; role: string | null };
}

/** Fields whose changes are recorded as "changed" without their values (secrets). */
const HIDDEN_VALUE_FIELDS = new Set(['passwordHash', 'password']);

/** The changed fields between two snapshots, with before/after values. */
export function diffFields<T extends object>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const b = before ? (before[field] ?? null) : null;
    const a = after ? (after[field] ?? null) : null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[field] = HIDDEN_VALUE_FIELDS.has(field)
      ? { before: b === null ? null : '[changed]', after: a === null ? null : '[changed]' }
      : { before: b, after: a };
  }
  return changes;
}

/**
 * The one way to write the audit log. Pass the EntityManager of the transaction that makes the
 * change, so the entry commits or rolls back with it.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager | null, entry: AuditRecord): Promise<void> {
    const ctx = RequestContext.current();
    const actor = entry.actor ?? ctx?.actor ?? { id: null, role: null };
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_entry (actor_id, actor_role, action, entity, entity_id, changes, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        actor.id,
        actor.role,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.changes && Object.keys(entry.changes).length ? JSON.stringify(entry.changes) : null,
        ctx?.requestId ?? null,
        ctx?.ip ?? null,
      ],
    );
  }
}
