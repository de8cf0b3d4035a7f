import { randomBytes } from 'node:crypto';
import { AppConfig } from '@pilar/core';

/** A valid configuration for tests: its own database, its own Redis key prefix. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  const env = AppConfig.rawEnvironment();
  return AppConfig.from({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `pilar-test-${randomBytes(4).toString('hex')}`,
    JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
    AGENCY_TIMEZONE: 'Asia/Makassar',
    AGENCY_KABUPATEN_KODE: '63.11',
    LOG_LEVEL: env.TEST_LOG_LEVEL ?? 'silent',
    PILAR_DEMO: 'false',
    ...overrides,
  });
}
