import { Injectable } from '@nestjs/common';
import type { WilayahScope } from '@pilar/auth';
import { StaleVersion } from '@pilar/core';
import { EntityManager } from 'typeorm';
import { ServiceEvent } from '../service-events/service-event.entity';
import { CaseDocument } from './case-document.entity';
import { SocialCase } from './case.entity';
import { CaseRelayLeg } from './case-relay-leg.entity';
import { allowedTransitions } from './case-state-machine';
import { CaseTransition } from './case-transition.entity';
import { CaseClosed, CaseNotFound } from './cases.errors';
import { CaseDetail } from './cases.types';

/**
 * Reading and locking a case with its parts, within a transaction. A case is visible to whoever
 * sees its desa; everyone else gets 404.
 */
@Injectable()
export class CaseFileStore {
  /** The case, locked for a change; 404 when absent or outside the scope. */
  async lockVisible(m: EntityManager, scope: WilayahScope, id: string): Promise<SocialCase> {
    scope.requireKode();
    const kase = await m.findOne(SocialCase, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!kase || !scope.contains(kase.desaKode)) throw new CaseNotFound(id);
    return kase;
  }

  async findVisible(m: EntityManager, scope: WilayahScope, id: string): Promise<SocialCase> {
    scope.requireKode();
    const kase = await m.findOneBy(SocialCase, { id });
    if (!kase || !scope.contains(kase.desaKode)) throw new CaseNotFound(id);
    return kase;
  }

  /** Locks an open case for a change to its file (family, documents, relay, assignee). */
  async lockOpen(
    m: EntityManager,
    scope: WilayahScope,
    id: string,
    version?: number,
  ): Promise<SocialCase> {
    const kase = await this.lockVisible(m, scope, id);
    this.assertVersion(kase, version);
    if (kase.status === 'CLOSED') throw new CaseClosed(id);
    return kase;
  }

  assertVersion(kase: SocialCase, version: number | undefined): void {
    if (version !== undefined && version !== kase.version) {
      throw new StaleVersion('Case', version, kase.version);
    }
  }

  /** Saves the case with a new version: any change to its file is a change to the case. */
  async touch(
    m: EntityManager,
    kase: SocialCase,
    changes: Partial<SocialCase> = {},
  ): Promise<void> {
    Object.assign(kase, changes, { updatedAt: new Date() });
    await m.save(kase);
  }

  async detail(m: EntityManager, kase: SocialCase): Promise<CaseDetail> {
    // One after another: these run on the transaction's single connection.
    const transitions = await m.find(CaseTransition, {
      where: { caseId: kase.id },
      order: { id: 'ASC' },
    });
    const documents = await m.find(CaseDocument, {
      where: { caseId: kase.id },
      order: { kind: 'ASC' },
    });
    const relayLegs = await m.find(CaseRelayLeg, {
      where: { caseId: kase.id },
      order: { seq: 'ASC' },
    });
    const events = await m.find(ServiceEvent, {
      where: { caseId: kase.id },
      order: { eventDate: 'ASC', recordedAt: 'ASC' },
    });
    return {
      case: kase,
      transitions,
      documents,
      relayLegs,
      events,
      allowedTransitions: allowedTransitions(kase.caseType, kase.status),
    };
  }
}
