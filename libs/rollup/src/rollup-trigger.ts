import { Injectable, Logger } from '@nestjs/common';
import { jobId, JobName, QueueService, RequestContext } from '@pilar/core';

/**
 * Writes within one window share one drain job. The job is delayed to the end of its window,
 * so it starts after every write that poked it has committed: none waits for the next window.
 */
export const DRAIN_DEBOUNCE_MS = 250;

/** Warn about an unreachable queue at most this often: a Redis outage must not flood the logs. */
const WARN_EVERY_MS = 30_000;

/**
 * Asks the worker to drain the outbox soon. Called after a write has committed. Fire and
 * forget: the write is already safe in PostgreSQL (its outbox row included), so a queue that is
 * down only delays the figures until the worker's every-minute sweep — it never fails the write.
 */
@Injectable()
export class RollupTrigger {
  private readonly logger = new Logger(RollupTrigger.name);
  private lastWindow = -1;
  private lastWarning = 0;

  constructor(private readonly queue: QueueService) {}

  poke(): void {
    const now = Date.now();
    const window = Math.floor(now / DRAIN_DEBOUNCE_MS);
    // One enqueue per window and process: the deterministic id collapses the rest in Redis anyway.
    if (window === this.lastWindow) return;
    this.lastWindow = window;
    this.queue
      .enqueue(
        JobName.RollupDrain,
        { requestId: RequestContext.current()?.requestId },
        {
          jobId: jobId(JobName.RollupDrain, window),
          delay: (window + 1) * DRAIN_DEBOUNCE_MS - now,
        },
      )
      .catch((err: unknown) => {
        if (this.lastWindow === window) this.lastWindow = -1;
        if (now - this.lastWarning >= WARN_EVERY_MS) {
          this.lastWarning = now;
          this.logger.warn(
            { err: err instanceof Error ? err.message : String(err) },
            'Could not enqueue the roll-up; the every-minute sweep will catch up',
          );
        }
      });
  }
}
