import { Injectable } from '@nestjs/common';
import { AuditService, diffFields } from '@pilar/audit';
import type { AuthUser } from '@pilar/auth';
import { AppConfig, isCalendarDate, todayIn, ValidationFailed } from '@pilar/core';
import { WilayahService } from '@pilar/wilayah';
import { DataSource, EntityManager } from 'typeorm';
import { CaseAssignees } from '../case-assignees';
import { CaseDocument } from '../case-document.entity';
import { CaseFileStore } from '../case-file.store';
import { SocialCase } from '../case.entity';
import { CaseRelayLeg } from '../case-relay-leg.entity';
import { CaseDocumentKind } from '../case-state-machine';
import { CaseDetail, CaseDocumentInput, FamilyInput, RelayLegInput } from '../cases.types';

const FAMILY_FIELDS: (keyof SocialCase)[] = [
  'familyName',
  'familyRelationship',
  'familyDesaKode',
  'familyAlamat',
  'familyContact',
  'familyFoundOn',
];

/**
 * The case file between transitions: who works on it, the family found, the documents of the
 * reunifikasi checklist and the relay legs. Each change is audited and bumps the case version.
 */
@Injectable()
export class UpdateCaseFileUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseFileStore,
    private readonly assignees: CaseAssignees,
    private readonly wilayah: WilayahService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  assign(
    caller: AuthUser,
    id: string,
    userId: string | null,
    version?: number,
  ): Promise<CaseDetail> {
    return this.change(caller, id, version, async (m, kase) => {
      if (userId) await this.assignees.requireFor(userId, kase.desaKode, 'userId');
      const before = { assignedTo: kase.assignedTo };
      await this.store.touch(m, kase, { assignedTo: userId });
      await this.record(m, 'case.assign', id, diffFields(before, kase, ['assignedTo']));
    });
  }

  recordFamily(
    caller: AuthUser,
    id: string,
    input: FamilyInput,
    version?: number,
  ): Promise<CaseDetail> {
    return this.change(caller, id, version, async (m, kase) => {
      // The family may live anywhere in Indonesia: that is what the relay legs are for.
      await this.wilayah.require(input.desaKode, 'DESA', 'desaKode');
      if (input.foundOn) this.assertPastDate('foundOn', input.foundOn);
      const before = { ...kase };
      await this.store.touch(m, kase, {
        familyName: input.name,
        familyRelationship: input.relationship ?? null,
        familyDesaKode: input.desaKode,
        familyAlamat: input.alamat ?? null,
        familyContact: input.contact ?? null,
        familyFoundOn: input.foundOn ?? null,
      });
      await this.record(m, 'case.family', id, diffFields(before, kase, FAMILY_FIELDS));
    });
  }

  recordDocument(
    caller: AuthUser,
    id: string,
    kind: CaseDocumentKind,
    input: CaseDocumentInput,
  ): Promise<CaseDetail> {
    return this.change(caller, id, undefined, async (m, kase) => {
      if (input.issuedOn) this.assertPastDate('issuedOn', input.issuedOn);
      const before = await m.findOneBy(CaseDocument, { caseId: id, kind });
      const document = m.create(CaseDocument, {
        caseId: id,
        kind,
        reference: input.reference ?? null,
        issuedBy: input.issuedBy,
        issuedOn: input.issuedOn ?? null,
        recordedBy: caller.id,
        recordedAt: new Date(),
      });
      await m.save(document);
      await this.store.touch(m, kase);
      const summary = (d: CaseDocument): Record<string, string | null> => ({
        reference: d.reference,
        issuedBy: d.issuedBy,
        issuedOn: d.issuedOn,
      });
      await this.record(m, 'case.document', id, {
        [kind]: { before: before ? summary(before) : null, after: summary(document) },
      });
    });
  }

  addRelayLeg(caller: AuthUser, id: string, input: RelayLegInput): Promise<CaseDetail> {
    return this.change(caller, id, undefined, async (m, kase) => {
      await this.wilayah.require(input.receivingWilayahKode, 'KABUPATEN', 'receivingWilayahKode');
      this.assertPastDate('handedOverOn', input.handedOverOn);
      const legs = await m.find(CaseRelayLeg, {
        where: { caseId: id },
        order: { seq: 'DESC' },
        take: 1,
      });
      const previous = legs[0];
      if (previous && input.handedOverOn < previous.handedOverOn) {
        throw ValidationFailed.field(
          'handedOverOn',
          `is before the previous leg's hand-over (${previous.handedOverOn})`,
        );
      }
      const leg = m.create(CaseRelayLeg, {
        caseId: id,
        seq: (previous?.seq ?? 0) + 1,
        receivingAgency: input.receivingAgency,
        receivingWilayahKode: input.receivingWilayahKode,
        handedOverOn: input.handedOverOn,
        note: input.note ?? null,
        recordedBy: caller.id,
        recordedAt: new Date(),
      });
      await m.save(leg);
      await this.store.touch(m, kase);
      await this.record(m, 'case.relay-leg', id, {
        [`relayLeg${leg.seq}`]: {
          before: null,
          after: {
            receivingAgency: leg.receivingAgency,
            receivingWilayahKode: leg.receivingWilayahKode,
            handedOverOn: leg.handedOverOn,
          },
        },
      });
    });
  }

  /** Runs `work` on the locked, open case in one transaction and answers the updated case. */
  private change(
    caller: AuthUser,
    id: string,
    version: number | undefined,
    work: (m: EntityManager, kase: SocialCase) => Promise<void>,
  ): Promise<CaseDetail> {
    return this.dataSource.transaction(async (m) => {
      const kase = await this.store.lockOpen(m, caller.scope, id, version);
      await work(m, kase);
      return this.store.detail(m, kase);
    });
  }

  private record(
    m: EntityManager,
    action: string,
    id: string,
    changes: Record<string, { before: unknown; after: unknown }>,
  ): Promise<void> {
    return this.audit.record(m, { action, entity: 'case', entityId: id, changes });
  }

  private assertPastDate(field: string, date: string): void {
    if (!isCalendarDate(date))
      throw ValidationFailed.field(field, `${date} is not a calendar date`);
    const today = todayIn(this.config.agency.timezone);
    if (date > today)
      throw ValidationFailed.field(field, `${date} is in the future (today is ${today})`);
  }
}
