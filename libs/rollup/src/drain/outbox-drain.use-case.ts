import { Injectable } from '@nestjs/common';
import { AppConfig } from '@pilar/core';
import { DataSource, EntityManager } from 'typeorm';
import { lockDefinitions, lockForDrain, lockKeys, LockKind } from '../recompute/advisory-locks';
import { openCellDeltas } from '../recompute/cell-deltas';
import { applyFigures, stageFigures, stageParts } from '../recompute/figures';
import { loadMeasureParts, rollupYears } from '../recompute/indicator-parts';
import { recomputePpksMembers } from '../recompute/ppks-members';
import { factYearsOf, recomputeServiceFacts } from '../recompute/service-facts';
import { tuneForRollup } from '../recompute/session';
import { recomputeVictims, victimYearsOf } from '../recompute/disaster-victims';
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
 * 2. works out the recipients they touch and everyone whose figures depend on them (households,
 *    members), and locks them;
 * 3. stages what those contribute to every figure of the computed years, takes it out, recomputes
 *    the recipients' service facts and PPKS memberships from the records, and stages what they
 *    contribute now; an indicator whose definition changed is staged whole instead;
 * 4. moves every cell by the net change, and derives the realisasi of the indicators it moved;
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
    await tuneForRollup(m, 'batch');
    await openCellDeltas(m);
    const rows = await step('claim', () => claimOutboxRows(m, batchSize));
    if (rows.length === 0) return { drained: 0, years: [], timingsMs };

    const changes = await step('resolve', () => resolveOutboxChanges(m, rows));
    const { recipients } = changes;
    const computedYears = await rollupYears(m);
    const units = await step('lock', async () => {
      await lockDefinitions(m, changes.indicators.length > 0);
      const related = await relatedKeys(m, recipients);
      await lockKeys(m, LockKind.Recipient, related);
      return related;
    });

    const parts = await loadMeasureParts(m);
    const redefinedIds = new Set(changes.indicators);
    const kept = parts.filter((p) => !redefinedIds.has(p.indicatorId));
    await step('before', () => stageFigures(m, -1, kept, computedYears, units));
    await step('facts', () => recomputeServiceFacts(m, { recipients }));
    await step('members', () =>
      recomputePpksMembers(
        m,
        { recipients, years: computedYears },
        this.config.agency.kabupatenKode,
      ),
    );
    // A victim's SPM E follows their household's services too: recomputed for everyone locked.
    await step('victims', () => recomputeVictims(m, { recipients: units, years: computedYears }));
    await step('after', async () => {
      await stageFigures(m, 1, kept, computedYears, units);
      // A new definition changes what every recipient contributes.
      const redefinedParts = parts.filter((p) => redefinedIds.has(p.indicatorId));
      await stageParts(m, 1, redefinedParts, computedYears, null);
    });
    await step('apply', () =>
      applyFigures(
        m,
        parts,
        changes.indicators.flatMap((indicatorId) =>
          computedYears.map((year) => ({ indicatorId, year })),
        ),
      ),
    );

    const years = unique([
      ...changes.eventYears,
      ...(await factYearsOf(m, recipients)),
      ...(await victimYearsOf(m, recipients)),
    ]);
    await m.query('DELETE FROM outbox WHERE id = ANY ($1::bigint[])', [rows.map((r) => r.id)]);
    await m.query('UPDATE rollup_state SET last_drained_at = now()');
    return { drained: rows.length, years, timingsMs };
  }
}

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
