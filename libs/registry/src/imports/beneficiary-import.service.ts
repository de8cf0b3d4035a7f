import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  csvRows,
  FileImportService,
  JobName,
  JobRun,
  JobRunsService,
  RequestContext,
  RowError,
  todayIn,
} from '@pilar/core';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ImportActor } from './import-sql-parts';
import { checkStagedRows, stagedErrors } from './import-checks.sql';
import { stageHouseholds, upsertHouseholds } from './import-households.sql';
import {
  addClassifications,
  stagePeopleBatch,
  upsertPeople,
  withBatchSizedNameIndexList,
} from './import-people.sql';
import { ByteCounter, ImportProgress } from './import-progress';
import { ImportContext, ImportRecord, parseImportRow, REQUIRED_COLUMNS } from './import-row';
import { copyIntoStaging, createStaging, dropStaging } from './import-staging';

/** Rows (or families) written per transaction: small enough to keep locks and WAL bursts short. */
export const IMPORT_BATCH_ROWS = 50_000;
/** Row errors are sent to the job's error report this many at a time. */
const ERROR_FLUSH_SIZE = 1_000;
/** Two imports may run at once (two workers); their batches take turns on this lock. */
const IMPORT_LOCK_KEY = 7_165_331_104;
/**
 * The import connection's settings, reset when the job ends. JIT compiles each statement for
 * about a second and wins nothing back: the estimates of a bulk upsert look expensive, but the
 * work is index lookups and inserts. The checks, the de-duplication and the families sort the
 * whole file (about 100 MB for a million rows), which spills to disk at the default 4 MB; the
 * trigram index merges a batch's names from memory (gin_clean_pending_list) in
 * maintenance_work_mem. Memoize caches lookups by key in case a key comes again; in a batch each
 * person is looked up once, so it only hashed every row for nothing.
 */
const SESSION_SETTINGS = {
  jit: 'off',
  work_mem: '256MB',
  maintenance_work_mem: '256MB',
  enable_memoize: 'off',
};

export type ImportCounts = Record<
  | 'inserted'
  | 'updated'
  | 'unchanged'
  | 'rejected'
  | 'householdsInserted'
  | 'householdsUpdated'
  | 'ppksAdded',
  number
>;

export interface ImportOutcome {
  counts: ImportCounts;
  /** Milliseconds spent loading, checking, writing households and writing people. */
  phasesMs: Record<string, number>;
}

/**
 * Bulk import of a DTKS-style CSV (see libs/registry/IMPORT.md). The file streams through the
 * row checks of the API into a staging table by COPY; the checks that need the database and
 * the writes then run set-based, one transaction per batch. A bad row is reported with its line
 * and never blocks the others; importing the same file again changes nothing.
 */
@Injectable()
export class BeneficiaryImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: JobRunsService,
    private readonly fileImports: FileImportService,
    private readonly config: AppConfig,
  ) {}

  /** Receives the upload and queues the job (202 {jobId}); the uploader's role goes with it. */
  start(req: IncomingMessage): Promise<{ jobId: string }> {
    const role = RequestContext.current()?.actor?.role ?? null;
    return this.fileImports.start(JobName.BeneficiaryImport, req, { actorRole: role });
  }

  /**
   * Runs the import of job `run` from its uploaded `file`. Returns the counts, and how long each
   * phase took (kept with the job run, for whoever wonders why an import was slow).
   */
  async run(run: JobRun, file: Readable): Promise<ImportOutcome> {
    const actor: ImportActor = {
      id: run.createdBy,
      role: typeof run.params.actorRole === 'string' ? run.params.actorRole : null,
      requestId: run.requestId,
    };
    const progress = new ImportProgress(this.runs, run.id);
    const phasesMs: Record<string, number> = {};
    let phaseStart = Date.now();
    const phaseDone = (phase: string): void => {
      phasesMs[phase] = Date.now() - phaseStart;
      phaseStart = Date.now();
    };
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
        await client.query(`SET ${name} = '${value}'`);
      }
      await createStaging(client);
      const loaded = await this.load(client, run, file, progress);
      phaseDone('load');
      await progress.report('check', 0, 1, undefined, true);
      const rejectedInDb = await checkStagedRows(client);
      await this.reportStagedErrors(client, run.id);
      phaseDone('check');
      const counts: ImportCounts = {
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: loaded.rejected + rejectedInDb,
        householdsInserted: 0,
        householdsUpdated: 0,
        ppksAdded: 0,
      };

      await this.writeHouseholds(client, actor, counts, progress);
      phaseDone('households');
      await this.writePeople(client, loaded.staged, actor, counts, progress);
      phaseDone('people');
      counts.unchanged = loaded.staged - rejectedInDb - counts.inserted - counts.updated;
      return { counts, phasesMs };
    } finally {
      await dropStaging(client).catch(() => undefined);
      for (const name of Object.keys(SESSION_SETTINGS)) {
        await client.query(`RESET ${name}`).catch(() => undefined);
      }
      await runner.release();
    }
  }

  /** The families of the file, a batch per transaction. */
  private async writeHouseholds(
    client: PoolClient,
    actor: ImportActor,
    counts: ImportCounts,
    progress: ImportProgress,
  ): Promise<void> {
    const families = await stageHouseholds(client);
    for (let from = 1; from <= families; from += IMPORT_BATCH_ROWS) {
      const to = from + IMPORT_BATCH_ROWS - 1;
      const written = await this.batch(client, () => upsertHouseholds(client, from, to, actor));
      counts.householdsInserted += written.inserted;
      counts.householdsUpdated += written.updated;
      await progress.report('households', Math.min(to, families), families, counts, true);
    }
    await client.query('ANALYZE household');
  }

  /** The people of the file and their PPKS, a batch per transaction. */
  private async writePeople(
    client: PoolClient,
    staged: number,
    actor: ImportActor,
    counts: ImportCounts,
    progress: ImportProgress,
  ): Promise<void> {
    let analyzedAt = 0;
    for (let from = 1; from <= staged; from += IMPORT_BATCH_ROWS) {
      const to = from + IMPORT_BATCH_ROWS - 1;
      const written = await this.batch(client, async () => {
        await stagePeopleBatch(client, from, to);
        return withBatchSizedNameIndexList(client, async () => ({
          ...(await upsertPeople(client, actor)),
          ppksAdded: await addClassifications(client, actor),
        }));
      });
      counts.inserted += written.inserted;
      counts.updated += written.updated;
      counts.ppksAdded += written.ppksAdded;
      // The statistics of a registry that was empty would plan the next batches as if it still
      // were (autovacuum may not have come by yet): refresh them each time the import doubles it.
      if (counts.inserted > 2 * analyzedAt) {
        await client.query('ANALYZE beneficiary, ppks_classification');
        analyzedAt = counts.inserted;
      }
      await progress.report('people', Math.min(to, staged), staged, counts, true);
    }
  }

  /** Streams the file through the row checks into `import_row`; bad rows go to the report. */
  private async load(
    client: PoolClient,
    run: JobRun,
    file: Readable,
    progress: ImportProgress,
  ): Promise<{ staged: number; rejected: number }> {
    const ctx: ImportContext = {
      today: todayIn(this.config.agency.timezone),
      kabupatenKode: this.config.agency.kabupatenKode,
    };
    const fileBytes = Number(run.fileBytes ?? 0);
    const counter = new ByteCounter();
    file.on('error', (err) => counter.destroy(err));
    const rows = csvRows(file.pipe(counter), REQUIRED_COLUMNS);
    const errors: RowError[] = [];
    let rejected = 0;
    const flush = async (): Promise<void> => {
      await this.runs.addRowErrors(run.id, errors.splice(0));
    };
    async function* accepted(): AsyncGenerator<ImportRecord> {
      for await (const row of rows) {
        const parsed = parseImportRow(row, ctx);
        if (parsed.ok) {
          yield parsed.record;
        } else {
          rejected++;
          errors.push(...parsed.errors);
          if (errors.length >= ERROR_FLUSH_SIZE) await flush();
        }
        await progress.report('load', counter.bytes, fileBytes);
      }
    }
    const staged = await copyIntoStaging(client, accepted());
    await flush();
    return { staged, rejected };
  }

  /** Sends the errors the SQL checks found to the job's error report, a page at a time. */
  private async reportStagedErrors(client: PoolClient, jobRunId: string): Promise<void> {
    for (let afterId = 0; ;) {
      const page = await stagedErrors(client, afterId, ERROR_FLUSH_SIZE);
      if (page.length === 0) return;
      await this.runs.addRowErrors(jobRunId, page);
      afterId = page[page.length - 1].id;
    }
  }

  /** One batch in its own transaction, serialised with other imports' batches. */
  private async batch<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
}
