import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import {
  AppConfig,
  JOB_HANDLER,
  JOB_QUEUE,
  JobHandler,
  JobName,
  QueueName,
  RedisConnections,
  RequestContext,
} from '@pilar/core';
import { Job, Worker } from 'bullmq';

/**
 * Finds every @HandlesJob provider, refuses to boot unless each JobName has exactly one
 * handler, and runs one BullMQ worker per queue that dispatches by job name.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = this.discoverHandlers();
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job: Job) => this.dispatch(job), {
        connection: this.redis.forWorker(),
        prefix: this.redis.prefix,
        concurrency: this.config.workerConcurrency,
      });
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: err.message },
          'Job failed',
        ),
      );
      worker.on('error', (err) => this.logger.error({ err: err.message }, `Worker ${queue} error`));
      this.workers.push(worker);
    }
    this.logger.log(`Handling ${[...this.handlers.keys()].join(', ')}`);
  }

  private discoverHandlers(): Map<JobName, JobHandler> {
    const found = new Map<JobName, string[]>();
    const handlers = new Map<JobName, JobHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, wrapper.metatype);
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), String(wrapper.name)]);
      handlers.set(name, wrapper.instance as JobHandler);
    }
    const problems: string[] = [];
    for (const name of Object.keys(JOB_QUEUE) as JobName[]) {
      const owners = found.get(name) ?? [];
      if (owners.length === 0) problems.push(`job ${name} has no handler`);
      if (owners.length > 1)
        problems.push(`job ${name} has ${owners.length} handlers: ${owners.join(', ')}`);
    }
    if (problems.length) throw new Error(`Job catalogue mismatch: ${problems.join('; ')}`);
    return handlers;
  }

  private async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const data = job.data as { requestId?: string };
    return RequestContext.run({ requestId: data.requestId ?? `job-${job.id}` }, () =>
      handler.handle(job.data as never, job as never),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // Let running jobs finish; BullMQ hands unfinished ones back to the queue.
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
