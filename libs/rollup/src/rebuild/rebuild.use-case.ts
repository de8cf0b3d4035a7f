import { Injectable } from '@nestjs/common';
import { AppConfig, currentYearIn } from '@pilar/core';
import { DataSource, EntityManager } from 'typeorm';
import { lockForRebuild } from '../recompute/advisory-locks';
import { CELL_TABLES, openCellDeltas } from '../recompute/cell-deltas';
import { recomputeVictims } from '../recompute/disaster-victims';
import { applyFigures, stageFigures } from '../recompute/figures';
import { loadMeasureParts } from '../recompute/indicator-parts';
import { recomputePpksMembers } from '../recompute/ppks-members';
import { recomputeServiceFacts } from '../recompute/service-facts';
import { tuneForRollup } from '../recompute/session';
import { SnapshotReader } from '../recompute/snapshot-copy';

export interface RebuildResult {
  years: number[];
  /** How long each step took, for the job's result and the bench. */
  timingsMs: Record<string, number>;
  counts: {
    facts: number;
    members: number;
    indicatorCells: number;
    anggaranCells: number;
    coverageCells: number;
    spmCells: number;
  };
}

/**
 * The tables of figures a rebuild empties before staging everyone's contribution (each with a
 * `year` column). The derived tables (facts, members, victims) are replaced by their own
 * recompute functions.
 */
const FIGURE_TABLES = ['rollup_indicator_cell', ...CELL_TABLES.map((t) => t.cells)];

/**
 * Recomputes every figure of the given years (all years when none are given) from the records,
 * in one transaction that excludes drains. It runs exactly the functions a drain runs, applied to
 * every recipient instead of the touched ones (what everyone contributes, staged once and
 * applied to empty cells) — so an incremental roll-up and a rebuild agree cell for cell by
 * construction, and the property test checks it.
 */
@Injectable()
export class RebuildUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  execute(years?: number[]): Promise<RebuildResult> {
    return this.dataSource.transaction(async (m) => {
      const timingsMs: Record<string, number> = {};
      const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const started = Date.now();
        const result = await work();
        timingsMs[name] = Date.now() - started;
        return result;
      };
      await step('lock', () => lockForRebuild(m));
      await tuneForRollup(m, 'everyone');
      await openCellDeltas(m);
      const targetYears = years?.length
        ? [...new Set(years)].sort((a, b) => a - b)
        : await this.allYears(m);
      await step('clear', async () => {
        for (const table of FIGURE_TABLES) {
          await m.query(`DELETE FROM ${table} WHERE year = ANY ($1)`, [targetYears]);
        }
        await m.query(
          `INSERT INTO rollup_year (year, rebuilt_at) SELECT y, now() FROM unnest($1::int[]) AS y
           ON CONFLICT (year) DO UPDATE SET rebuilt_at = EXCLUDED.rebuilt_at`,
          [targetYears],
        );
      });
      // Read on a second connection, on every core, as this transaction sees the records now
      // (after the rebuild lock: every event a drain counted; later ones wait in the outbox).
      await step('facts', () =>
        SnapshotReader.using(this.dataSource, m, (reader) =>
          recomputeServiceFacts(m, { years: targetYears, reader }),
        ),
      );
      await step('members', () =>
        recomputePpksMembers(
          m,
          { recipients: null, years: targetYears },
          this.config.agency.kabupatenKode,
        ),
      );
      await step('victims', () => recomputeVictims(m, { recipients: null, years: targetYears }));
      // The contributions, and after the commit the drains, read the tables just rewritten:
      // planned on stale statistics, the first sort millions of facts they take for a few
      // thousand, and the drains read all of them for a few hundred people (until autovacuum
      // comes by). ANALYZE counts the rows this transaction wrote.
      await step('analyze', () =>
        m.query('ANALYZE rollup_service_fact, rollup_ppks_member, rollup_victim'),
      );
      const parts = await loadMeasureParts(m);
      await step('contributions', () => stageFigures(m, 1, parts, targetYears, null));
      await step('cells', () => applyFigures(m, parts));
      await m.query('UPDATE rollup_state SET last_rebuilt_at = now()');
      return { years: targetYears, timingsMs, counts: await this.counts(m, targetYears) };
    });
  }

  /**
   * The years that have figures: every year with service events, a Renja or computed figures,
   * and the current year (whose PPKS population exists before its first service).
   */
  private async allYears(m: EntityManager): Promise<number[]> {
    const rows: { year: number }[] = await m.query(
      `WITH RECURSIVE event_year AS (
         SELECT min(event_date) AS d FROM service_event
         UNION ALL
         SELECT (SELECT min(event_date) FROM service_event
                 WHERE event_date >= make_date(extract(year FROM d)::int + 1, 1, 1))
         FROM event_year WHERE d IS NOT NULL
       )
       SELECT extract(year FROM d)::int AS year FROM event_year WHERE d IS NOT NULL
       UNION SELECT year FROM renja_sub_kegiatan
       UNION SELECT year FROM rollup_year
       UNION SELECT $1::int
       ORDER BY year`,
      [currentYearIn(this.config.agency.timezone)],
    );
    return rows.map((r) => r.year);
  }

  private async counts(m: EntityManager, years: number[]): Promise<RebuildResult['counts']> {
    const [row]: Record<string, number>[] = await m.query(
      `SELECT
         (SELECT count(*) FROM rollup_service_fact WHERE year = ANY ($1))::int AS facts,
         (SELECT count(*) FROM rollup_ppks_member WHERE year = ANY ($1))::int AS members,
         (SELECT count(*) FROM rollup_indicator_cell WHERE year = ANY ($1))::int AS indicator_cells,
         (SELECT count(*) FROM rollup_anggaran_cell WHERE year = ANY ($1))::int AS anggaran_cells,
         (SELECT count(*) FROM rollup_ppks_coverage WHERE year = ANY ($1))::int AS coverage_cells,
         (SELECT count(*) FROM rollup_spm WHERE year = ANY ($1))::int AS spm_cells`,
      [years],
    );
    return {
      facts: row.facts,
      members: row.members,
      indicatorCells: row.indicator_cells,
      anggaranCells: row.anggaran_cells,
      coverageCells: row.coverage_cells,
      spmCells: row.spm_cells,
    };
  }
}
