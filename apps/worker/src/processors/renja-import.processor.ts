import { Injectable } from '@nestjs/common';
import {
  csvRows,
  HandlesJob,
  JobFileStore,
  JobHandler,
  JobName,
  JobPayloads,
  JobRunsService,
  RequestContext,
} from '@pilar/core';
import { ImportRenjaUseCase, RENJA_CSV_REQUIRED_COLUMNS, RenjaVersi } from '@pilar/planning';
import { UnrecoverableError } from 'bullmq';
import { runFileJob } from './run-file-job';

/** The params `POST /renja/{year}/import` stores with the job run. */
export interface RenjaImportParams {
  year: number;
  versi: RenjaVersi;
  actorRole?: string;
}

function isRenjaImportParams(
  params: Record<string, unknown>,
): params is Record<string, unknown> & RenjaImportParams {
  return (
    typeof params.year === 'number' &&
    (params.versi === 'MURNI' || params.versi === 'PERUBAHAN') &&
    (params.actorRole === undefined || typeof params.actorRole === 'string')
  );
}

/** Applies an uploaded Renja table to one year's plan, with per-row errors. */
@Injectable()
@HandlesJob(JobName.RenjaImport)
export class RenjaImportProcessor implements JobHandler<JobName.RenjaImport> {
  constructor(
    private readonly runs: JobRunsService,
    private readonly files: JobFileStore,
    private readonly importRenja: ImportRenjaUseCase,
  ) {}

  async handle({ jobRunId }: JobPayloads[JobName.RenjaImport]): Promise<unknown> {
    const run = await this.runs.get(jobRunId);
    const params = run.params;
    if (!isRenjaImportParams(params)) {
      // Only POST /renja/{year}/import starts this job; a run without its params cannot succeed.
      const reason = `Job run ${jobRunId} has no Renja year and version`;
      await this.runs.fail(jobRunId, reason);
      throw new UnrecoverableError(reason);
    }
    // The audit trail names the person who uploaded the file, not the worker.
    if (run.createdBy) {
      RequestContext.setActor({ id: run.createdBy, role: params.actorRole ?? 'UNKNOWN' });
    }
    return runFileJob(this.runs, jobRunId, async () => {
      const result = await this.importRenja.execute(
        params.year,
        params.versi,
        csvRows(this.files.read(jobRunId), RENJA_CSV_REQUIRED_COLUMNS),
        (percent) => this.runs.progress(jobRunId, percent),
      );
      await this.runs.addRowErrors(jobRunId, result.errors);
      return { counts: result.counts };
    });
  }
}
