import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@pilar/core';
import { DrainRunResult, RollupRunner } from '@pilar/rollup';

/** Applies the outbox to the figures, batch after batch, until it is empty. */
@Injectable()
@HandlesJob(JobName.RollupDrain)
export class RollupDrainProcessor implements JobHandler<JobName.RollupDrain> {
  constructor(private readonly rollup: RollupRunner) {}

  handle(): Promise<DrainRunResult> {
    return this.rollup.drainAll();
  }
}
