import { Injectable } from '@nestjs/common';
import type { WilayahScope } from '@pilar/auth';
import { ValidationFailed } from '@pilar/core';
import { DataSource, EntityManager } from 'typeorm';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { HouseholdsService } from '../households/households.service';
import { IdentityNumbersService } from '../nik/identity-numbers.service';
import { IllegalVerificationTransition, PpksClassificationNotFound } from '../registry.errors';
import { VerificationStatus } from '../registry.types';
import { PpksClassification } from './ppks-classification.entity';
import {
  NewPpksClassification,
  PpksClassificationChanges,
  PpksClassificationWriter,
  PpksHolder,
} from './ppks-classification.writer';

/** Whose classifications a request is about: a person or a household (by id). */
export type PpksHolderRef = { beneficiaryId: string } | { householdId: string };

/**
 * PPKS periods as the API sees them: adding one to a person or a family, ending it, and its
 * review (PROPOSED → VERIFIED | REJECTED). A person's route also reaches their family's
 * classifications, which they hold through the household.
 */
@Injectable()
export class PpksClassificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
    private readonly households: HouseholdsService,
    private readonly writer: PpksClassificationWriter,
    private readonly identity: IdentityNumbersService,
  ) {}

  async add(
    scope: WilayahScope,
    ref: PpksHolderRef,
    input: NewPpksClassification,
  ): Promise<PpksClassification> {
    return this.dataSource.transaction(async (m) => {
      const holder = await this.holder(m, scope, ref);
      const kind =
        'beneficiaryId' in holder
          ? holder.householdId
            ? 'PERSON_IN_HOUSEHOLD'
            : 'PERSON'
          : 'HOUSEHOLD';
      const errors = await this.writer.errors([input], kind, this.identity.today(), (_, p) => p);
      if (errors.length) throw new ValidationFailed(errors);
      const [created] = await this.writer.insert(m, holder, [input]);
      return created;
    });
  }

  async change(
    scope: WilayahScope,
    ref: PpksHolderRef,
    id: string,
    changes: PpksClassificationChanges,
  ): Promise<PpksClassification> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.find(m, scope, ref, id);
      const until = changes.until !== undefined ? changes.until : row.until;
      if (until && until < row.since) {
        throw ValidationFailed.field('until', `${until} is before since (${row.since})`);
      }
      return this.writer.change(m, row, changes);
    });
  }

  async review(
    scope: WilayahScope,
    ref: PpksHolderRef,
    id: string,
    status: Exclude<VerificationStatus, 'PROPOSED'>,
  ): Promise<PpksClassification> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.find(m, scope, ref, id);
      if (row.verification !== 'PROPOSED') {
        throw new IllegalVerificationTransition(row.verification, status);
      }
      return this.writer.review(m, row, status);
    });
  }

  private async holder(
    m: EntityManager,
    scope: WilayahScope,
    ref: PpksHolderRef,
  ): Promise<PpksHolder> {
    if ('beneficiaryId' in ref) {
      const b = await this.beneficiaries.requireVisible(scope, ref.beneficiaryId, m);
      return { beneficiaryId: b.id, householdId: b.householdId };
    }
    const h = await this.households.requireVisible(scope, ref.householdId, m);
    return { householdId: h.id };
  }

  /** The classification `id` held by the holder (locked for the change); 404 otherwise. */
  private async find(
    m: EntityManager,
    scope: WilayahScope,
    ref: PpksHolderRef,
    id: string,
  ): Promise<PpksClassification> {
    const holder = await this.holder(m, scope, ref);
    const qb = m
      .createQueryBuilder(PpksClassification, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id });
    if ('beneficiaryId' in holder) {
      qb.andWhere('(c.beneficiary_id = :beneficiaryId OR c.household_id = :householdId)', {
        beneficiaryId: holder.beneficiaryId,
        householdId: holder.householdId,
      });
    } else {
      qb.andWhere('c.household_id = :householdId', { householdId: holder.householdId });
    }
    const row = await qb.getOne();
    if (!row) throw new PpksClassificationNotFound(id);
    return row;
  }
}
