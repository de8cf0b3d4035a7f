import { Injectable } from '@nestjs/common';
import { AuditService, diffFields } from '@pilar/audit';
import { FieldError, isCalendarDate, pgErrorCode, RequestContext } from '@pilar/core';
import { EntityManager } from 'typeorm';
import { PpksPeriodOverlaps } from '../registry.errors';
import { PpksSource, VerificationStatus } from '../registry.types';
import { PpksTypesService } from '../ppks-types/ppks-types.service';
import { PpksClassification } from './ppks-classification.entity';

export interface NewPpksClassification {
  kode: string;
  since: string;
  until?: string | null;
  source?: PpksSource;
  terlantar?: boolean;
  /** The disaster of a KORBAN_BENCANA_* classification (casework registers victims). */
  disasterId?: string | null;
}

export interface PpksClassificationChanges {
  until?: string | null;
  terlantar?: boolean;
}

/** Who would hold new classifications: a person (with or without a household) or a family. */
export type PpksHolderKind = 'PERSON' | 'PERSON_IN_HOUSEHOLD' | 'HOUSEHOLD';
export type PpksHolder =
  { beneficiaryId: string; householdId: string | null } | { householdId: string };

const AUDITED: (keyof PpksClassification)[] = [
  'beneficiaryId',
  'householdId',
  'ppksKode',
  'since',
  'until',
  'source',
  'terlantar',
  'verification',
  'reviewedBy',
  'disasterId',
];

/** PostgreSQL's exclusion_violation: two periods of one type overlap. */
const EXCLUSION_VIOLATION = '23P01';

/**
 * Writes PPKS periods inside a caller's transaction. Types counted in persons (JIWA) go to the
 * person, types counted in families (KK) to the person's household. Callers check visibility.
 */
@Injectable()
export class PpksClassificationWriter {
  constructor(
    private readonly ppksTypes: PpksTypesService,
    private readonly audit: AuditService,
  ) {}

  /** Every problem with `entries` for this kind of holder, as field errors (`ppks[0].until`). */
  async errors(
    entries: NewPpksClassification[],
    holder: PpksHolderKind,
    today: string,
    field = (i: number, prop: string): string => `ppks[${i}].${prop}`,
  ): Promise<FieldError[]> {
    const types = await this.ppksTypes.byKode(entries.map((e) => e.kode));
    const errors: FieldError[] = [];
    entries.forEach((e, i) => {
      const type = types.get(e.kode);
      if (!type) {
        errors.push({ field: field(i, 'kode'), message: `${e.kode} is not a PPKS type` });
      } else if (type.satuan === 'KK' && holder === 'PERSON') {
        errors.push({
          field: field(i, 'kode'),
          message: `${e.kode} is counted per family (KK): put the person in a household (householdId or noKk) first`,
        });
      } else if (type.satuan === 'JIWA' && holder === 'HOUSEHOLD') {
        errors.push({
          field: field(i, 'kode'),
          message: `${e.kode} is counted per person (JIWA): classify the member, not the household`,
        });
      }
      for (const [prop, date] of [
        ['since', e.since],
        ['until', e.until],
      ] as const) {
        if (date && !isCalendarDate(date)) {
          errors.push({ field: field(i, prop), message: `${date} is not a real date` });
        }
      }
      if (e.since > today) {
        errors.push({ field: field(i, 'since'), message: `${e.since} is in the future` });
      }
      if (e.until && e.until < e.since) {
        errors.push({
          field: field(i, 'until'),
          message: `${e.until} is before since (${e.since})`,
        });
      }
    });
    return errors;
  }

  /** Inserts validated entries for `holder`; an overlap with a held period is a 409. */
  async insert(
    m: EntityManager,
    holder: PpksHolder,
    entries: NewPpksClassification[],
  ): Promise<PpksClassification[]> {
    const types = await this.ppksTypes.byKode(entries.map((e) => e.kode));
    const now = new Date();
    const created: PpksClassification[] = [];
    for (const e of entries) {
      const perFamily = types.get(e.kode)?.satuan === 'KK';
      const row = m.create(PpksClassification, {
        beneficiaryId: perFamily || !('beneficiaryId' in holder) ? null : holder.beneficiaryId,
        householdId: perFamily ? holder.householdId : null,
        ppksKode: e.kode,
        since: e.since,
        until: e.until ?? null,
        source: e.source ?? 'ASSESSMENT',
        terlantar: e.terlantar ?? false,
        verification: 'PROPOSED',
        reviewedBy: null,
        reviewedAt: null,
        disasterId: e.disasterId ?? null,
        createdBy: RequestContext.current()?.actor?.id ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await this.save(m, row);
      await this.record(m, 'ppks-classification.create', null, row);
      created.push(row);
    }
    return created;
  }

  async change(
    m: EntityManager,
    row: PpksClassification,
    changes: PpksClassificationChanges,
  ): Promise<PpksClassification> {
    const before = { ...row };
    if (changes.until !== undefined) row.until = changes.until;
    if (changes.terlantar !== undefined) row.terlantar = changes.terlantar;
    row.updatedAt = new Date();
    await this.save(m, row);
    await this.record(m, 'ppks-classification.update', before, row);
    return row;
  }

  async review(
    m: EntityManager,
    row: PpksClassification,
    status: Exclude<VerificationStatus, 'PROPOSED'>,
  ): Promise<PpksClassification> {
    const before = { ...row };
    const now = new Date();
    Object.assign(row, {
      verification: status,
      reviewedBy: RequestContext.current()?.actor?.id ?? null,
      reviewedAt: now,
      updatedAt: now,
    });
    await this.save(m, row);
    await this.record(m, `ppks-classification.${status.toLowerCase()}`, before, row);
    return row;
  }

  /** A person's own classifications and those of their household, oldest first. */
  async heldBy(
    m: EntityManager,
    holder: { beneficiaryId?: string; householdId: string | null },
  ): Promise<PpksClassification[]> {
    const conditions = [
      holder.beneficiaryId ? 'c.beneficiary_id = :beneficiaryId' : null,
      holder.householdId ? 'c.household_id = :householdId' : null,
    ].filter((c): c is string => c !== null);
    if (conditions.length === 0) return [];
    return m
      .createQueryBuilder(PpksClassification, 'c')
      .where(`(${conditions.join(' OR ')})`, holder)
      .orderBy('c.since')
      .addOrderBy('c.ppks_kode')
      .addOrderBy('c.id')
      .getMany();
  }

  private async save(m: EntityManager, row: PpksClassification): Promise<void> {
    try {
      await m.save(row);
    } catch (err) {
      if (pgErrorCode(err) === EXCLUSION_VIOLATION) throw new PpksPeriodOverlaps(row.ppksKode);
      throw err;
    }
  }

  private record(
    m: EntityManager,
    action: string,
    before: PpksClassification | null,
    after: PpksClassification,
  ): Promise<void> {
    return this.audit.record(m, {
      action,
      entity: 'ppks_classification',
      entityId: after.id,
      changes: diffFields(before, after, AUDITED),
    });
  }
}
