import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Redis connections. Commands issued from request handlers give up after one reconnection
 * attempt when Redis is down (`maxRetriesPerRequest: 1`, and callers add their own deadline);
 * BullMQ workers get blocking connections with `maxRetriesPerRequest: null`, as BullMQ requires.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly opened: Redis[] = [];
  private shared?: Redis;

  constructor(private readonly config: AppConfig) {}

  get prefix(): string {
    return this.config.redis.prefix;
  }

  /** A shared connection for short commands (queues, throttling, health). */
  client(): Redis {
    this.shared ??= this.open({ maxRetriesPerRequest: 1 });
    return this.shared;
  }

  /** A dedicated connection for a BullMQ worker. */
  forWorker(): Redis {
    return this.open({ maxRetriesPerRequest: null });
  }

  private open(options: RedisOptions): Redis {
    const redis = new Redis(this.config.redis.url, {
      connectTimeout: 2_000,
      lazyConnect: false,
      ...options,
    });
    // Connection errors surface on the commands that need Redis; don't crash the process.
    redis.on('error', () => undefined);
    this.opened.push(redis);
    return redis;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.opened.map((r) => r.quit().catch(() => r.disconnect())));
  }
}
