import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads } from './queue.catalogue';

export const JOB_HANDLER = Symbol('pilar:job-handler');

/** Marks a provider as the handler of one job; the worker discovers it at boot. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);

export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}
