import { Injectable } from '@nestjs/common';
import { AuditService, diffFields } from '@pilar/audit';
import { FieldError, ValidationFailed } from '@pilar/core';
import { DataSource, EntityManager } from 'typeorm';
import { fraction, Numeric, toDecimalString, toFraction } from '../numbers/exact-decimal';
import { NoRenjaForYear } from '../renja/renja.errors';
import { RenjaService, UpsertOutcome } from '../renja/renja.service';
import type { RenjaVersi } from '../renja/renja.types';
import {
  IndicatorManualValue,
  IndicatorRenstraTarget,
  IndicatorTarget,
} from './indicator-target.entity';
import { toTargetView } from './indicator-views';
import type { Indicator } from './indicator.entity';
import type { IndicatorTargetView, ManualValueView, RenstraTargetView } from './indicator.types';
import { IndicatorNotManual, RenstraPeriodOverlap } from './indicators.errors';
import { IndicatorsService } from './indicators.service';
import { resolveTarget, TargetInput } from './triwulan-targets';

export interface YearTargetInput extends TargetInput {
  /** The Renja version the target belongs to; MURNI when omitted. */
  versi?: RenjaVersi;
}

/**
 * What an indicator is measured against and, for MANUAL indicators, what was reported: yearly
 * targets (per Renja version, with triwulan), Renstra end-of-period targets, manual values.
 * Every write locks the indicator, is audited with before/after, and commits whole or not at all.
 */
@Injectable()
export class IndicatorTargetsService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly renja: RenjaService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /** Sets the target of a year; 409 NO_RENJA_FOR_YEAR when the indicator's node is not planned. */
  async setTarget(
    id: string,
    year: number,
    input: YearTargetInput,
    m?: EntityManager,
  ): Promise<{ target: IndicatorTargetView; outcome: UpsertOutcome }> {
    return this.within(m, async (tx) => {
      const indicator = await this.indicators.lockForUpdate(id, tx);
      const resolved = resolveTarget(input, indicator.accumulation);
      if (!resolved.target) throw invalid(resolved.errors);
      await this.requirePlan(indicator, year, tx);
      const versi = input.versi ?? 'MURNI';
      const { target } = resolved;
      const before = await tx.findOneBy(IndicatorTarget, { indicatorId: id, year, versi });
      const after = tx.create(IndicatorTarget, {
        indicatorId: id,
        year,
        versi,
        annual: target.annual,
        tw1: target.triwulan?.[0] ?? null,
        tw2: target.triwulan?.[1] ?? null,
        tw3: target.triwulan?.[2] ?? null,
        tw4: target.triwulan?.[3] ?? null,
        triwulanShares: target.triwulanShares,
        updatedAt: new Date(),
      });
      const outcome = await this.write(tx, before, after, {
        entity: 'indicator_target',
        entityId: `${id}/${year}/${versi}`,
        fields: ['annual', 'tw1', 'tw2', 'tw3', 'tw4', 'triwulanShares'],
      });
      return { target: toTargetView(outcome === 'unchanged' && before ? before : after), outcome };
    });
  }

  /**
   * Sets the end-of-period target of the Renstra starting in `startYear` (a 5-year plan, so the
   * period spans at most 5 years after its start). Periods of one indicator may not overlap.
   */
  async setRenstraTarget(
    id: string,
    startYear: number,
    input: { endYear: number; target: Numeric },
  ): Promise<{ target: RenstraTargetView; outcome: UpsertOutcome }> {
    return this.within(undefined, async (tx) => {
      await this.indicators.lockForUpdate(id, tx);
      const errors: FieldError[] = [];
      if (input.endYear <= startYear || input.endYear - startYear > 5) {
        errors.push({ field: 'endYear', message: `must be 1 to 5 years after ${startYear}` });
      }
      if (!isNonNegative(input.target))
        errors.push({ field: 'target', message: 'must not be negative' });
      if (errors.length) throw invalid(errors);
      const others = await tx.findBy(IndicatorRenstraTarget, { indicatorId: id });
      const overlap = others.find(
        (o) => o.startYear !== startYear && o.startYear <= input.endYear && startYear <= o.endYear,
      );
      if (overlap) throw new RenstraPeriodOverlap(startYear, input.endYear, overlap);
      const before = others.find((o) => o.startYear === startYear) ?? null;
      const after = tx.create(IndicatorRenstraTarget, {
        indicatorId: id,
        startYear,
        endYear: input.endYear,
        target: toDecimalString(input.target),
        updatedAt: new Date(),
      });
      const outcome = await this.write(tx, before, after, {
        entity: 'indicator_renstra_target',
        entityId: `${id}/${startYear}`,
        fields: ['endYear', 'target'],
      });
      const saved = outcome === 'unchanged' && before ? before : after;
      return {
        target: { startYear: saved.startYear, endYear: saved.endYear, target: saved.target },
        outcome,
      };
    });
  }

  /** Enters the value of a MANUAL indicator for one triwulan; 409 for computed indicators. */
  async setManualValue(
    id: string,
    year: number,
    triwulan: number,
    value: Numeric,
  ): Promise<{ value: ManualValueView; outcome: UpsertOutcome }> {
    return this.within(undefined, async (tx) => {
      const indicator = await this.indicators.lockForUpdate(id, tx);
      if (indicator.measure.type !== 'MANUAL') throw new IndicatorNotManual(id);
      if (!Number.isInteger(triwulan) || triwulan < 1 || triwulan > 4) {
        throw ValidationFailed.field('triwulan', 'must be 1, 2, 3 or 4');
      }
      await this.requirePlan(indicator, year, tx);
      const before = await tx.findOneBy(IndicatorManualValue, { indicatorId: id, year, triwulan });
      const after = tx.create(IndicatorManualValue, {
        indicatorId: id,
        year,
        triwulan,
        value: toDecimalString(value),
        updatedAt: new Date(),
      });
      const outcome = await this.write(tx, before, after, {
        entity: 'indicator_manual_value',
        entityId: `${id}/${year}/${triwulan}`,
        fields: ['value'],
      });
      const saved = outcome === 'unchanged' && before ? before : after;
      return { value: { year, triwulan, value: saved.value }, outcome };
    });
  }

  /** A year's figures need that year's plan for the indicator's node (or any plan, above it). */
  private async requirePlan(indicator: Indicator, year: number, m: EntityManager): Promise<void> {
    if (!(await this.renja.isPlanned(year, indicator.nomenclatureKode, m))) {
      throw new NoRenjaForYear(year, indicator.nomenclatureKode);
    }
  }

  /** Saves `after` when it differs from `before`, with an audit entry of what changed. */
  private async write<T extends object>(
    m: EntityManager,
    before: T | null,
    after: T,
    audit: { entity: string; entityId: string; fields: (keyof T & string)[] },
  ): Promise<UpsertOutcome> {
    const changes = diffFields(before, after, audit.fields);
    if (before && Object.keys(changes).length === 0) return 'unchanged';
    await m.save(after);
    await this.audit.record(m, {
      action: `${audit.entity.replace(/_/g, '-')}.${before ? 'update' : 'create'}`,
      entity: audit.entity,
      entityId: audit.entityId,
      changes,
    });
    return before ? 'updated' : 'created';
  }

  private within<T>(
    m: EntityManager | undefined,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    return m ? work(m) : this.dataSource.transaction(work);
  }
}

const isNonNegative = (x: Numeric): boolean => fraction.compare(toFraction(x), toFraction(0)) >= 0;

function invalid(errors: FieldError[]): ValidationFailed {
  return new ValidationFailed(errors, `Invalid fields: ${errors.map((e) => e.field).join(', ')}.`);
}
