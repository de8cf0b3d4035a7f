import { Injectable } from '@nestjs/common';
import { JobName, JobRunsService, QueueService, RequestContext } from '@pilar/core';

/**
 * Starts a rebuild as a background job (`GET /jobs/{id}` follows it). The job run's id is the
 * BullMQ job id; when the queue cannot take the job, the run is removed and the caller gets 503.
 */
@Injectable()
export class RebuildJobsService {
  constructor(
    private readonly runs: JobRunsService,
    private readonly queue: QueueService,
  ) {}

  async start(year?: number): Promise<{ jobId: string }> {
    const run = await this.runs.create(JobName.RollupRebuild, year === undefined ? {} : { year });
    try {
      await this.queue.enqueue(
        JobName.RollupRebuild,
        { jobRunId: run.id, requestId: RequestContext.current()?.requestId },
        { jobId: run.id },
      );
    } catch (err) {
      await this.runs.delete(run.id);
      throw err;
    }
    return { jobId: run.id };
  }
}
