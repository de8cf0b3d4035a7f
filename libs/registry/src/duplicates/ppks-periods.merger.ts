import { Injectable } from '@nestjs/common';
import { AuditService, diffFields } from '@pilar/audit';
import { EntityManager } from 'typeorm';
import { PpksClassification } from '../ppks/ppks-classification.entity';

const AUDITED: (keyof PpksClassification)[] = ['beneficiaryId', 'since', 'until', 'terlantar'];

export interface MovedPeriods {
  /** Classifications now held by the survivor. */
  moved: string[];
  /** Classifications of the merged record folded into an overlapping one of the survivor. */
  coalesced: { from: string; into: string }[];
}

const latest = (a: string | null, b: string | null): string | null =>
  a === null || b === null ? null : a > b ? a : b;

/**
 * Moves a merged-away person's PPKS periods to the survivor. One type may not be held twice at
 * once, so a period overlapping the survivor's of the same type is folded into it (the
 * survivor's period grows to cover them) instead of being moved.
 */
@Injectable()
export class PpksPeriodsMerger {
  constructor(private readonly audit: AuditService) {}

  /** Moves (or folds) every period of `fromId` into `intoId`; each change is audited. */
  async move(m: EntityManager, fromId: string, intoId: string): Promise<MovedPeriods> {
    const result: MovedPeriods = { moved: [], coalesced: [] };
    const periods = await m.find(PpksClassification, {
      where: { beneficiaryId: fromId },
      order: { since: 'ASC' },
    });
    for (const period of periods) {
      const overlapping =
        period.verification === 'REJECTED' ? [] : await this.overlapping(m, intoId, period);
      if (overlapping.length === 0) {
        await m.update(
          PpksClassification,
          { id: period.id },
          { beneficiaryId: intoId, updatedAt: new Date() },
        );
        await this.record(m, 'ppks-classification.merge', period, {
          ...period,
          beneficiaryId: intoId,
        });
        result.moved.push(period.id);
        continue;
      }
      // The first overlapping period absorbs the moved one and any other it now touches.
      const [target, ...absorbed] = overlapping;
      const before = { ...target };
      for (const other of [period, ...absorbed]) {
        target.since = other.since < target.since ? other.since : target.since;
        target.until = latest(target.until, other.until);
        target.terlantar ||= other.terlantar;
        await m.delete(PpksClassification, { id: other.id });
        await this.record(m, 'ppks-classification.merge', other, null);
        result.coalesced.push({ from: other.id, into: target.id });
      }
      target.updatedAt = new Date();
      await m.save(target);
      await this.record(m, 'ppks-classification.merge', before, target);
    }
    return result;
  }

  /** `after` null: the period was folded into another and removed. */
  private record(
    m: EntityManager,
    action: string,
    before: PpksClassification,
    after: PpksClassification | null,
  ): Promise<void> {
    return this.audit.record(m, {
      action,
      entity: 'ppks_classification',
      entityId: before.id,
      changes: diffFields(before, after, AUDITED),
    });
  }

  /** The survivor's live periods of the same type overlapping `period`, earliest first. */
  private overlapping(
    m: EntityManager,
    intoId: string,
    period: PpksClassification,
  ): Promise<PpksClassification[]> {
    return m
      .createQueryBuilder(PpksClassification, 'c')
      .where('c.beneficiary_id = :intoId AND c.ppks_kode = :kode', {
        intoId,
        kode: period.ppksKode,
      })
      .andWhere("c.verification <> 'REJECTED'")
      .andWhere(`daterange(c.since, c.until, '[]') && daterange(:since, :until, '[]')`, {
        since: period.since,
        until: period.until,
      })
      .orderBy('c.since')
      .getMany();
  }
}
