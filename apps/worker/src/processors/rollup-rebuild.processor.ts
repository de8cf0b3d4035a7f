import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayloads, JobRunsService } from '@pilar/core';
import { RollupRunner } from '@pilar/rollup';

/** Recomputes every figure of a year (or of all years) from the records: POST /rollup/rebuild. */
@Injectable()
@HandlesJob(JobName.RollupRebuild)
export class RollupRebuildProcessor implements JobHandler<JobName.RollupRebuild> {
  constructor(
    private readonly runs: JobRunsService,
    private readonly rollup: RollupRunner,
  ) {}

  async handle({ jobRunId }: JobPayloads[JobName.RollupRebuild]): Promise<unknown> {
    const run = await this.runs.get(jobRunId);
    const year = typeof run.params.year === 'number' ? run.params.year : undefined;
    await this.runs.start(jobRunId);
    try {
      const result = await this.rollup.rebuildYears(year === undefined ? undefined : [year]);
      await this.runs.complete(jobRunId, result.counts, {
        years: result.years,
        timingsMs: result.timingsMs,
      });
      return result;
    } catch (err) {
      await this.runs.fail(jobRunId, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }
}
