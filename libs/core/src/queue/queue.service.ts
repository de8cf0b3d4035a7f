import { HttpStatus, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DomainError } from '../errors/domain-error';
import { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue.catalogue';
import { RedisConnections } from './redis';

const ENQUEUE_TIMEOUT_MS = 2_000;

export class QueueUnavailable extends DomainError {
  constructor() {
    super(
      'QUEUE_UNAVAILABLE',
      HttpStatus.SERVICE_UNAVAILABLE,
      'The job queue is unavailable right now; try again in a moment.',
    );
  }
}

/** Producer side of the queue catalogue: typed payloads, deterministic ids. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly redis: RedisConnections) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis.client(),
        prefix: this.redis.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { jobId: string; delay?: number },
  ): Promise<Job> {
    // A request must not hang on a Redis outage: give up after a short deadline.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailable()), ENQUEUE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        this.queue(JOB_QUEUE[name]).add(name, payload, options),
        deadline,
      ]);
    } catch {
      throw new QueueUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
