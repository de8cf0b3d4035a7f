import { Injectable } from '@nestjs/common';
import { AppConfig } from '@pilar/core';
import { DataSource, EntityManager } from 'typeorm';
import { lockForDrain, lockKeys, LockKind } from '../recompute/advisory-locks';
import { recomputeAnggaran } from '../recompute/anggaran-cells';
import { bucketsOf } from '../recompute/buckets';
import { openCellDeltas } from '../recompute/cell-deltas';
import { recomputeIndicatorBuckets } from '../recompute/indicator-buckets';
import { recomputeIndicatorCells } from '../recompute/indicator-cells';
import { loadMeasureParts, rollupYears } from '../recompute/indicator-parts';
import { MeasurePart, PpksCombo, touchedIndicatorUnits } from '../recompute/measure-parts';
import { ppksCombosOf, recomputePpksMembers } from '../recompute/ppks-members';
import { recomputeServiceFacts, serviceCombosOf } from '../recompute/service-facts';
import { tuneForRollup } from '../recompute/session';
import { recomputeWilayah, victimYearsOf } from '../recompute/wilayah-cells';
import type { AnggaranUnit, IndicatorUnit } from '../rollup.types';
import { OutboxRow, relatedKeys, resolveOutboxChanges } from './outbox-changes';

/** Outbox rows per transaction: big enough to amortise, small enough to keep locks short. */
export const DRAIN_BATCH_SIZE = 500;

export interface DrainBatchResult {
  /** Outbox rows applied and removed. */
  drained: number;
  /** Years whose figures the batch touched. */
  years: number[];
  /** How long each step took (for logs and the bench). */
  timingsMs: Record<string, number>;
}

/**
 * Applies one batch of the outbox to the roll-up, in one transaction:
 * 1. claims up to DRAIN_BATCH_SIZE rows (`FOR UPDATE SKIP LOCKED`: other drains take others);
 * 2. works out the recipients they touch and everyone related (households, members), and locks
 *    their buckets;
 * 3. recomputes the recipients' service facts and PPKS memberships from the records;
 * 4. from their combos before and after, derives the touched indicator-years (locked: their
 *    realisasi cells are derived from the parts' totals), sub-kegiatan-years and years, and
 *    recomputes the touched buckets of those; every cell moves by the change of its buckets;
 * 5. deletes the outbox rows.
 * A crash anywhere rolls all of it back, outbox rows included: nothing is lost or counted twice.
 */
@Injectable()
export class OutboxDrainUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  execute(batchSize = DRAIN_BATCH_SIZE): Promise<DrainBatchResult> {
    return this.dataSource.transaction((m) => this.drain(m, batchSize));
  }

  private async drain(m: EntityManager, batchSize: number): Promise<DrainBatchResult> {
    const timingsMs: Record<string, number> = {};
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      timingsMs[name] = (timingsMs[name] ?? 0) + Date.now() - started;
      return result;
    };
    await lockForDrain(m);
    await tuneForRollup(m, '64MB');
    await openCellDeltas(m);
    const rows = await step('claim', () => claimOutboxRows(m, batchSize));
    if (rows.length === 0) return { drained: 0, years: [], timingsMs };

    const changes = await step('resolve', () => resolveOutboxChanges(m, rows));
    const { recipients } = changes;
    const memberYears = await rollupYears(m);
    const buckets = await step('lockBuckets', async () => {
      const touched = await bucketsOf(m, await relatedKeys(m, recipients));
      await lockKeys(m, LockKind.Bucket, touched.map(String));
      return touched;
    });

    // One connection: the queries run one after another.
    const servicesBefore = await serviceCombosOf(m, recipients);
    const ppksBefore = await ppksCombosOf(m, recipients);
    await step('facts', () => recomputeServiceFacts(m, { recipients }));
    await step('members', () =>
      recomputePpksMembers(m, { recipients, years: memberYears }, this.config.agency.kabupatenKode),
    );
    const servicesAfter = await serviceCombosOf(m, recipients);
    const ppksAfter = await ppksCombosOf(m, recipients);
    const victimYears = await victimYearsOf(m, recipients);

    const services = [...servicesBefore, ...servicesAfter];
    const years = unique([
      ...changes.eventYears,
      ...services.map((c) => c.year),
      ...ppksBefore.map((c) => c.year),
      ...ppksAfter.map((c) => c.year),
      ...victimYears,
    ]);
    const parts = await loadMeasureParts(m);
    const byFacts = touchedIndicatorUnits(
      parts,
      services,
      changedMemberships(ppksBefore, ppksAfter),
    );
    const redefined = changes.indicators.flatMap((indicatorId) =>
      unique([...memberYears, ...years]).map((year) => ({ indicatorId, year })),
    );
    const indicatorUnits = uniqueBy<IndicatorUnit>([...byFacts, ...redefined], unitKey);
    const anggaranUnits = uniqueBy<AnggaranUnit>(
      services.map((c) => ({ subKegiatanKode: c.subKegiatanKode, year: c.year })),
      (u) => `${u.subKegiatanKode}/${u.year}`,
    );
    await step('lockCells', () => lockKeys(m, LockKind.IndicatorCell, indicatorUnits.map(unitKey)));

    await step('indicators', async () => {
      const partsOf = (units: IndicatorUnit[]): MeasurePart[] => {
        const ids = new Set(units.map((u) => u.indicatorId));
        return parts.filter((p) => ids.has(p.indicatorId));
      };
      // A new definition changes every bucket; the records' changes only their own.
      const redefinedIds = new Set(changes.indicators);
      const byFactsOnly = byFacts.filter((u) => !redefinedIds.has(u.indicatorId));
      await recomputeIndicatorBuckets(m, byFactsOnly, partsOf(byFactsOnly), buckets);
      await recomputeIndicatorBuckets(m, redefined, partsOf(redefined), null);
      await recomputeIndicatorCells(m, indicatorUnits, partsOf(indicatorUnits));
    });
    await step('anggaran', () => recomputeAnggaran(m, anggaranUnits, buckets));
    await step('wilayah', () => recomputeWilayah(m, years, buckets));

    await m.query('DELETE FROM outbox WHERE id = ANY ($1::bigint[])', [rows.map((r) => r.id)]);
    await m.query('UPDATE rollup_state SET last_drained_at = now()');
    return { drained: rows.length, years, timingsMs };
  }
}

/**
 * The (year, PPKS type) memberships that appeared or disappeared. Unchanged memberships move no
 * figure by themselves: what their holders' services change is found through the services.
 */
function changedMemberships(before: PpksCombo[], after: PpksCombo[]): PpksCombo[] {
  const key = (c: PpksCombo): string => `${c.year}/${c.ppksKode}`;
  const was = new Set(before.map(key));
  const is = new Set(after.map(key));
  return uniqueBy(
    [...before.filter((c) => !is.has(key(c))), ...after.filter((c) => !was.has(key(c)))],
    key,
  );
}

const unitKey = (u: IndicatorUnit): string => `${u.indicatorId}/${u.year}`;

/**
 * Claims the oldest rows no other drain holds, leaving those of a year whose figures have not
 * been computed yet (the runner computes the year first; see RollupRunner.drainAll).
 */
async function claimOutboxRows(m: EntityManager, limit: number): Promise<OutboxRow[]> {
  const rows: {
    id: string;
    aggregate_id: string;
    event_year: number | null;
    payload: Record<string, unknown>;
  }[] = await m.query(
    `SELECT id, aggregate_id, event_year, payload FROM outbox
     WHERE event_year IS NULL OR event_year IN (SELECT year FROM rollup_year)
     ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    aggregateId: r.aggregate_id,
    eventYear: r.event_year,
    payload: r.payload,
  }));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (v: T) => string): T[] {
  return [...new Map(values.map((v) => [key(v), v])).values()];
}
