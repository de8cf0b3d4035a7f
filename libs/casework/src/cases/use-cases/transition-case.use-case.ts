import { Injectable } from '@nestjs/common';
import { AuditService, diffFields } from '@pilar/audit';
import type { AuthUser } from '@pilar/auth';
import { AppConfig } from '@pilar/core';
import { DataSource } from 'typeorm';
import { CaseDocument } from '../case-document.entity';
import { CaseFileStore } from '../case-file.store';
import { CaseRelayLeg } from '../case-relay-leg.entity';
import { assertTransition } from '../case-state-machine';
import { CaseTransition } from '../case-transition.entity';
import { CaseDetail, TransitionInput } from '../cases.types';

/**
 * Moves a case to its next status when its type allows it and what the move needs is there;
 * every move is kept with who, when and a note.
 */
@Injectable()
export class TransitionCaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseFileStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async execute(caller: AuthUser, id: string, input: TransitionInput): Promise<CaseDetail> {
    return this.dataSource.transaction(async (m) => {
      const kase = await this.store.lockVisible(m, caller.scope, id);
      this.store.assertVersion(kase, input.version);
      const documents = await m.find(CaseDocument, {
        where: { caseId: id },
        select: { kind: true },
      });
      const relayLegs = await m.find(CaseRelayLeg, {
        where: { caseId: id },
        order: { seq: 'ASC' },
      });
      const referredTo = input.to === 'REFERRED' ? (input.referredTo ?? null) : kase.referredTo;
      assertTransition(
        {
          type: kase.caseType,
          status: kase.status,
          familyDesaKode: kase.familyDesaKode,
          documents: documents.map((d) => d.kind),
          relayLegs,
          referredTo,
          agencyKabupatenKode: this.config.agency.kabupatenKode,
        },
        input.to,
      );
      const before = { status: kase.status, referredTo: kase.referredTo };
      await this.store.touch(m, kase, { status: input.to, referredTo });
      await m.insert(CaseTransition, {
        caseId: id,
        fromStatus: before.status,
        toStatus: input.to,
        note: input.note,
        actorId: caller.id,
        occurredAt: new Date(),
      });
      await this.audit.record(m, {
        action: 'case.transition',
        entity: 'case',
        entityId: id,
        changes: diffFields(before, kase, ['status', 'referredTo']),
      });
      return this.store.detail(m, kase);
    });
  }
}
