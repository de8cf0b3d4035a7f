import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilar/audit';
import { AuthUser, Role } from '@pilar/auth';
import { DataSource } from 'typeorm';
import { outboxOnVoid } from '../../outbox/service-event-outbox';
import { ServiceEvent } from '../service-event.entity';
import {
  ServiceEventAlreadyVoided,
  ServiceEventNotFound,
  VoidNotAllowed,
} from '../service-events.errors';

/** Marks the event void and writes its outbox row, in one statement. */
const VOID_WITH_OUTBOX = `
  WITH voided AS (
    UPDATE service_event SET voided_at = now(), voided_by = $2, void_reason = $3
    WHERE id = $1 AND voided_at IS NULL
    RETURNING *
  ), outbox_row AS (${outboxOnVoid('voided')})
  SELECT id FROM voided`;

const FIELD_ROLES: readonly Role[] = [Role.Tksk, Role.Psm];

/**
 * Corrections: an event is never edited or deleted; it is voided with a reason (audited) and
 * leaves every figure, and the right one is recorded anew.
 */
@Injectable()
export class VoidServiceEventUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(caller: AuthUser, id: string, reason: string): Promise<ServiceEvent> {
    return this.dataSource.transaction(async (m) => {
      const event = await m.findOne(ServiceEvent, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!event || !caller.scope.contains(event.desaKode)) throw new ServiceEventNotFound(id);
      if (FIELD_ROLES.includes(caller.role) && event.recordedBy !== caller.id) {
        throw new VoidNotAllowed();
      }
      if (event.voidedAt) {
        // A retried request (same person, same reason) gets the same answer.
        if (event.voidedBy === caller.id && event.voidReason === reason) return event;
        throw new ServiceEventAlreadyVoided(id);
      }
      await m.query(VOID_WITH_OUTBOX, [id, caller.id, reason]);
      await this.audit.record(m, {
        action: 'service-event.void',
        entity: 'service_event',
        entityId: id,
        changes: { voidReason: { before: null, after: reason } },
      });
      return m.findOneByOrFail(ServiceEvent, { id });
    });
  }
}
