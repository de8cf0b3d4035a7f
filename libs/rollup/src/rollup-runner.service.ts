import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, currentYearIn } from '@pilar/core';
import { DataSource } from 'typeorm';
import { OutboxDrainUseCase } from './drain/outbox-drain.use-case';
import { RebuildResult, RebuildUseCase } from './rebuild/rebuild.use-case';

/** A batch slower than this is logged with its steps: the figures are falling behind. */
const SLOW_BATCH_MS = 2_000;

export interface DrainRunResult {
  batches: number;
  drained: number;
  /** Years computed from scratch because they had no figures yet. */
  yearsAdded: number[];
}

/**
 * What the roll-up jobs do: drain the outbox until it is empty, and make sure every year that
 * has (or is about to have) figures has its PPKS population computed for everyone.
 */
@Injectable()
export class RollupRunner {
  private readonly logger = new Logger(RollupRunner.name);

  constructor(
    private readonly drain: OutboxDrainUseCase,
    private readonly rebuild: RebuildUseCase,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * Drains batch after batch until the outbox is empty (rows other drains hold are theirs). The
   * changes of a year seen for the first time wait in the outbox until that year's figures have
   * been computed for everyone, so an empty outbox always means complete figures.
   */
  async drainAll(): Promise<DrainRunResult> {
    const yearsAdded = await this.ensureYears(await this.pendingEventYears());
    let batches = 0;
    let drained = 0;
    const touched = new Set<number>();
    for (;;) {
      const started = Date.now();
      const batch = await this.drain.execute();
      const ms = Date.now() - started;
      if (ms > SLOW_BATCH_MS) {
        this.logger.warn(
          { drained: batch.drained, ms, steps: batch.timingsMs },
          'Slow roll-up batch',
        );
      }
      if (batch.drained === 0) {
        // What is left may be the changes of a year that arrived after the look above.
        const added = await this.ensureYears(await this.pendingEventYears());
        if (added.length === 0) break;
        yearsAdded.push(...added);
        continue;
      }
      batches++;
      drained += batch.drained;
      batch.years.forEach((y) => touched.add(y));
    }
    // A disaster can put SPM figures in a year that has neither services nor a Renja yet.
    yearsAdded.push(...(await this.ensureYears([...touched])));
    if (drained > 0) this.logger.debug({ batches, drained }, 'Roll-up drained');
    return { batches, drained, yearsAdded };
  }

  /**
   * The every-minute sweep: the current year and every planned year get their figures, then the
   * outbox is drained, whether or not a trigger reached the queue.
   */
  async sweep(): Promise<DrainRunResult> {
    const planned: { year: number }[] = await this.dataSource.query(
      `SELECT DISTINCT year FROM renja_sub_kegiatan`,
    );
    const added = await this.ensureYears([
      currentYearIn(this.config.agency.timezone),
      ...planned.map((r) => r.year),
      ...(await this.factYears()),
    ]);
    const result = await this.drainAll();
    return { ...result, yearsAdded: [...added, ...result.yearsAdded] };
  }

  rebuildYears(years?: number[]): Promise<RebuildResult> {
    return this.rebuild.execute(years);
  }

  /** Rebuilds the years among `years` that have no computed PPKS population yet. */
  private async ensureYears(years: number[]): Promise<number[]> {
    if (years.length === 0) return [];
    const rows: { year: number }[] = await this.dataSource.query(
      `SELECT y AS year FROM unnest($1::int[]) AS y
       WHERE NOT EXISTS (SELECT 1 FROM rollup_year r WHERE r.year = y)`,
      [[...new Set(years)]],
    );
    const missing = rows.map((r) => r.year);
    if (missing.length) {
      this.logger.log({ years: missing }, 'Computing the figures of new years');
      await this.rebuild.execute(missing);
    }
    return missing;
  }

  /** The years of the service events waiting in the outbox. */
  private async pendingEventYears(): Promise<number[]> {
    const rows: { year: number }[] = await this.dataSource.query(
      `SELECT DISTINCT event_year AS year FROM outbox WHERE event_year IS NOT NULL`,
    );
    return rows.map((r) => r.year);
  }

  /** Years that have service facts (a loose index scan: one probe per year). */
  private async factYears(): Promise<number[]> {
    const rows: { year: number }[] = await this.dataSource.query(
      `WITH RECURSIVE y AS (
         SELECT min(year) AS year FROM rollup_service_fact
         UNION ALL
         SELECT (SELECT min(year) FROM rollup_service_fact WHERE year > y.year) FROM y
         WHERE y.year IS NOT NULL
       )
       SELECT year FROM y WHERE year IS NOT NULL`,
    );
    return rows.map((r) => r.year);
  }
}
