import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@pilar/core';
import { DrainRunResult, RollupRunner } from '@pilar/rollup';

/**
 * The every-minute safety net (see schedules.ts): gives a new year its figures and drains what a
 * lost trigger (Redis down at the time of the write, a crashed worker) left in the outbox.
 */
@Injectable()
@HandlesJob(JobName.RollupSweep)
export class RollupSweepProcessor implements JobHandler<JobName.RollupSweep> {
  constructor(private readonly rollup: RollupRunner) {}

  handle(): Promise<DrainRunResult> {
    return this.rollup.sweep();
  }
}
