import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, RedisConnections } from '@pilar/core';
import { TooManyLoginAttempts } from './auth.errors';

/**
 * Counts failed sign-ins per username and per IP in Redis (usernames hashed: Redis holds no
 * personal data). Past the limit, sign-in answers 429 until the window passes. When Redis is
 * down it fails open: locking every user out would be worse.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string): string[] {
    const user = createHash('sha256').update(username.toLowerCase()).digest('hex').slice(0, 32);
    return [
      `${this.redis.prefix}:login-fail:u:${user}`,
      `${this.redis.prefix}:login-fail:ip:${ip}`,
    ];
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const { maxFailures, maxFailuresPerIp } = this.config.loginThrottle;
    try {
      const redis = this.redis.client();
      const [userKey, ipKey] = this.keys(username, ip);
      for (const [key, limit] of [
        [userKey, maxFailures],
        [ipKey, maxFailuresPerIp],
      ] as const) {
        const count = Number((await redis.get(key)) ?? 0);
        if (count >= limit) {
          throw new TooManyLoginAttempts(Math.max(1, await redis.ttl(key)));
        }
      }
    } catch (err) {
      if (err instanceof TooManyLoginAttempts) throw err;
      this.logger.warn('Login throttling unavailable (Redis): allowing the attempt');
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const { windowSeconds } = this.config.loginThrottle;
    try {
      const multi = this.redis.client().multi();
      for (const key of this.keys(username, ip)) multi.incr(key).expire(key, windowSeconds, 'NX');
      await multi.exec();
    } catch {
      this.logger.warn('Login throttling unavailable (Redis): failure not counted');
    }
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    try {
      await this.redis.client().del(this.keys(username, ip)[0]);
    } catch {
      // Nothing to do: the counter expires on its own.
    }
  }
}
