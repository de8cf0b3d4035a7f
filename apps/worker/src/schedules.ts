import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  DEFAULT_JOB_OPTIONS,
  JOB_QUEUE,
  JobName,
  QueueService,
  RedisConnections,
} from '@pilar/core';

/** How often the roll-up sweep runs. */
export const ROLLUP_SWEEP_EVERY_MS = 60_000;

/**
 * Repeating jobs, registered by the worker with BullMQ's job schedulers: upserted, so N worker
 * replicas keep one schedule that fires once per period (never @Cron in the api). A Redis that
 * restarted empty has forgotten them, so they are registered again whenever the connection
 * becomes ready.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(Schedules.name);

  constructor(
    private readonly queues: QueueService,
    private readonly redis: RedisConnections,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
    this.redis.client().on('ready', () => {
      this.register().catch((err: unknown) =>
        this.logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'Schedules not registered',
        ),
      );
    });
  }

  private async register(): Promise<void> {
    await this.queues
      .queue(JOB_QUEUE[JobName.RollupSweep])
      .upsertJobScheduler(
        JobName.RollupSweep,
        { every: ROLLUP_SWEEP_EVERY_MS },
        { name: JobName.RollupSweep, data: {}, opts: DEFAULT_JOB_OPTIONS },
      );
  }
}
