import { decodeCursor, encodeCursor } from '@pilar/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuthUser, WilayahScope } from '@pilar/auth';
import { DataSource, Repository } from 'typeorm';
import { CaseFileStore } from './case-file.store';
import { SocialCase } from './case.entity';
import { CaseDocumentKind } from './case-state-machine';
import {
  CaseDetail,
  CaseDocumentInput,
  CaseQuery,
  FamilyInput,
  OpenCaseInput,
  OpenedCase,
  RelayLegInput,
  TransitionInput,
} from './cases.types';
import { OpenCaseUseCase } from './use-cases/open-case.use-case';
import { TransitionCaseUseCase } from './use-cases/transition-case.use-case';
import { UpdateCaseFileUseCase } from './use-cases/update-case-file.use-case';

const LIST = 'cases';

/** Cases: opening, moving through their states, the case file, reading within the wilayah. */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(SocialCase) private readonly cases: Repository<SocialCase>,
    private readonly store: CaseFileStore,
    private readonly opening: OpenCaseUseCase,
    private readonly transitions: TransitionCaseUseCase,
    private readonly file: UpdateCaseFileUseCase,
  ) {}

  open(caller: AuthUser, input: OpenCaseInput, idempotencyKey?: string): Promise<OpenedCase> {
    return this.opening.execute(caller, input, idempotencyKey);
  }

  transition(caller: AuthUser, id: string, input: TransitionInput): Promise<CaseDetail> {
    return this.transitions.execute(caller, id, input);
  }

  assign(
    caller: AuthUser,
    id: string,
    userId: string | null,
    version?: number,
  ): Promise<CaseDetail> {
    return this.file.assign(caller, id, userId, version);
  }

  recordFamily(
    caller: AuthUser,
    id: string,
    input: FamilyInput,
    version?: number,
  ): Promise<CaseDetail> {
    return this.file.recordFamily(caller, id, input, version);
  }

  recordDocument(
    caller: AuthUser,
    id: string,
    kind: CaseDocumentKind,
    input: CaseDocumentInput,
  ): Promise<CaseDetail> {
    return this.file.recordDocument(caller, id, kind, input);
  }

  addRelayLeg(caller: AuthUser, id: string, input: RelayLegInput): Promise<CaseDetail> {
    return this.file.addRelayLeg(caller, id, input);
  }

  async get(scope: WilayahScope, id: string): Promise<CaseDetail> {
    const m = this.dataSource.manager;
    return this.store.detail(m, await this.store.findVisible(m, scope, id));
  }

  /** Newest first by (created_at, id). */
  async list(
    scope: WilayahScope,
    query: CaseQuery,
  ): Promise<{ items: SocialCase[]; nextCursor: string | null }> {
    const qb = this.cases
      .createQueryBuilder('c')
      .where(...scope.where('c.desa_kode'))
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(query.limit + 1);
    if (query.beneficiaryId) qb.andWhere('c.beneficiary_id = :beneficiaryId', query);
    if (query.status) qb.andWhere('c.status = :status', query);
    if (query.type) qb.andWhere('c.case_type = :type', query);
    if (query.assignedTo) qb.andWhere('c.assigned_to = :assignedTo', query);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor<[string, string]>(LIST, query.cursor, [
        'string',
        'string',
      ]);
      qb.andWhere('(c.created_at, c.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', {
        createdAt,
        id,
      });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit
          ? encodeCursor(LIST, [last.createdAt.toISOString(), last.id])
          : null,
    };
  }
}
