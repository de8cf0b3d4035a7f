import { Injectable } from '@nestjs/common';
import { AuditService, diffFields, FieldChanges } from '@pilar/audit';
import type { WilayahScope } from '@pilar/auth';
import { DataSource, EntityManager } from 'typeorm';
import { AUDITED_FIELDS, BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { IdentityNumbersService } from '../nik/identity-numbers.service';
import { nikProblems } from '../nik/nik';
import { BeneficiaryNotFound, MergeNotAllowed } from '../registry.errors';
import { PpksPeriodsMerger } from './ppks-periods.merger';

/**
 * Another module's part in a merge: casework moves its service events and cases from the
 * merged-away record to the survivor, inside the merge transaction.
 */
export interface BeneficiaryMergeParticipant {
  name: string;
  onMerge(m: EntityManager, fromId: string, intoId: string): Promise<void>;
}

/**
 * Merges a duplicate record into the one that survives: classifications (and, through the
 * participants, events and cases) move to the survivor, which also takes the blanks it lacks
 * (NIK, birth place, address, household); the other is left MERGED, pointing to it. Audited.
 */
@Injectable()
export class BeneficiaryMergeService {
  private readonly participants: BeneficiaryMergeParticipant[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
    private readonly identity: IdentityNumbersService,
    private readonly periods: PpksPeriodsMerger,
    private readonly audit: AuditService,
  ) {}

  registerParticipant(participant: BeneficiaryMergeParticipant): void {
    if (this.participants.some((p) => p.name === participant.name)) {
      throw new Error(`A merge participant named ${participant.name} is already registered`);
    }
    this.participants.push(participant);
  }

  async merge(scope: WilayahScope, fromId: string, intoId: string): Promise<Beneficiary> {
    scope.requireKode();
    if (fromId === intoId) throw new MergeNotAllowed('A record cannot be merged into itself.');
    return this.dataSource.transaction(async (m) => {
      const { from, into } = await this.lockPair(m, scope, fromId, intoId);
      const fromBefore = { ...from };
      const intoBefore = { ...into };
      const now = new Date();

      // The loser leaves the unique indexes first, so the survivor may take its NIK.
      Object.assign(from, { status: 'MERGED', mergedIntoId: into.id, updatedAt: now });
      await m.save(from);
      Object.assign(into, this.blanksFilled(into, from), { updatedAt: now });
      await m.save(into);

      const periods = await this.periods.move(m, from.id, into.id);
      for (const participant of this.participants) {
        await participant.onMerge(m, from.id, into.id);
      }

      const fromChanges: FieldChanges = {
        ...diffFields(fromBefore, from, AUDITED_FIELDS),
        ppksMoved: { before: null, after: periods.moved },
        ppksCoalesced: { before: null, after: periods.coalesced },
      };
      await this.audit.record(m, {
        action: 'beneficiary.merge',
        entity: 'beneficiary',
        entityId: from.id,
        changes: fromChanges,
      });
      await this.audit.record(m, {
        action: 'beneficiary.merge',
        entity: 'beneficiary',
        entityId: into.id,
        changes: {
          ...diffFields(intoBefore, into, AUDITED_FIELDS),
          mergedFrom: { before: null, after: from.id },
        },
      });
      return this.beneficiaries.load(m, into.id);
    });
  }

  /** Both records, row-locked in id order (so two merges of one pair cannot deadlock). */
  private async lockPair(
    m: EntityManager,
    scope: WilayahScope,
    fromId: string,
    intoId: string,
  ): Promise<{ from: Beneficiary; into: Beneficiary }> {
    const rows = await m
      .createQueryBuilder(Beneficiary, 'b')
      .setLock('pessimistic_write')
      .where('b.id IN (:...ids)', { ids: [fromId, intoId] })
      .andWhere(...scope.where('b.desa_kode'))
      .orderBy('b.id')
      .getMany();
    const from = rows.find((r) => r.id === fromId);
    const into = rows.find((r) => r.id === intoId);
    if (!from || from.status === 'MERGED') throw new BeneficiaryNotFound(fromId);
    if (!into || into.status === 'MERGED') throw new BeneficiaryNotFound(intoId);
    return { from, into };
  }

  /**
   * What the survivor takes from the merged record: only what it lacks. A NIK is taken only
   * when it agrees with the survivor's birth date and sex (a mistyped NIK stays behind).
   */
  private blanksFilled(into: Beneficiary, from: Beneficiary): Partial<Beneficiary> {
    const fill: Partial<Beneficiary> = {};
    if (!into.nik && from.nik && nikProblems(from.nik, into, this.identity.today()).length === 0) {
      fill.nik = from.nik;
    }
    if (!into.birthPlace && from.birthPlace) fill.birthPlace = from.birthPlace;
    if (!into.alamat && from.alamat) fill.alamat = from.alamat;
    if (!into.householdId && from.householdId) {
      fill.householdId = from.householdId;
      fill.relationship = from.relationship;
    }
    return fill;
  }
}
