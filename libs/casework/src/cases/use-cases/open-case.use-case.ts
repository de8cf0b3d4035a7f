import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilar/audit';
import type { AuthUser } from '@pilar/auth';
import { BeneficiariesService } from '@pilar/registry';
import { DataSource, EntityManager } from 'typeorm';
import { clientChosenId, IdempotencyConflict, payloadHash } from '../../common/idempotency';
import { CaseAssignees } from '../case-assignees';
import { CaseFileStore } from '../case-file.store';
import { SocialCase } from '../case.entity';
import { CaseTransition } from '../case-transition.entity';
import { OpenCaseInput, OpenedCase } from '../cases.types';

/** Opens a case in REPORTED, idempotently (client id or Idempotency-Key, as service events). */
@Injectable()
export class OpenCaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
    private readonly assignees: CaseAssignees,
    private readonly store: CaseFileStore,
    private readonly audit: AuditService,
  ) {}

  async execute(
    caller: AuthUser,
    input: OpenCaseInput,
    idempotencyKey?: string,
  ): Promise<OpenedCase> {
    const id = clientChosenId(input.id, idempotencyKey, caller.id) ?? randomUUID();
    const { id: _id, ...fields } = input;
    const hash = payloadHash('case', {
      ...fields,
      beneficiaryId: input.beneficiaryId.toLowerCase(),
      assignedTo: input.assignedTo?.toLowerCase(),
      openedBy: caller.id,
    });

    const replay = await this.replayOf(this.dataSource.manager, id, hash);
    if (replay) return replay;
    const person = await this.beneficiaries.requireVisible(caller.scope, input.beneficiaryId);
    if (input.assignedTo) await this.assignees.requireFor(input.assignedTo, person.desaKode);

    return this.dataSource.transaction(async (m) => {
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO social_case (id, payload_hash, case_type, beneficiary_id, desa_kode, summary,
                                  status, assigned_to, opened_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'REPORTED', $7, $8)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          id,
          hash,
          input.type,
          person.id,
          person.desaKode,
          input.summary,
          input.assignedTo ?? null,
          caller.id,
        ],
      );
      // Lost a race with the same id: the winner has committed by now (ON CONFLICT waited).
      if (inserted.length === 0) return (await this.replayOf(m, id, hash)) as OpenedCase;
      await m.insert(CaseTransition, {
        caseId: id,
        fromStatus: null,
        toStatus: 'REPORTED',
        note: input.summary,
        actorId: caller.id,
        occurredAt: new Date(),
      });
      const kase = await m.findOneByOrFail(SocialCase, { id });
      await this.audit.record(m, {
        action: 'case.open',
        entity: 'case',
        entityId: id,
        changes: {
          type: { before: null, after: kase.caseType },
          beneficiaryId: { before: null, after: kase.beneficiaryId },
          status: { before: null, after: kase.status },
          assignedTo: { before: null, after: kase.assignedTo },
        },
      });
      return { created: true, detail: await this.store.detail(m, kase) };
    });
  }

  private async replayOf(m: EntityManager, id: string, hash: string): Promise<OpenedCase | null> {
    const existing = await m.findOneBy(SocialCase, { id });
    if (!existing) return null;
    if (existing.payloadHash !== hash) throw new IdempotencyConflict('Case', id);
    return { created: false, detail: await this.store.detail(m, existing) };
  }
}
