import { availableParallelism } from 'node:os';
import { AppConfig } from './app-config';
import { ConfigError, validateEnvironment } from './environment';

const valid = { JWT_ACCESS_SECRET: 'a'.repeat(32), JWT_REFRESH_SECRET: 'b'.repeat(32) };

describe(validateEnvironment.name, () => {
  it('fills defaults and converts numbers and booleans', () => {
    const env = validateEnvironment({ ...valid, PORT: '8080', PILAR_DEMO: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.PILAR_DEMO).toBe(false);
    expect(env.AGENCY_TIMEZONE).toBe('Asia/Makassar');
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/pilar');
  });

  it('names every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      validateEnvironment({
        JWT_ACCESS_SECRET: 'short',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        AGENCY_TIMEZONE: 'Europe/Paris',
        ADMIN_PASSWORD: 'weak',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const named = error!.problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual([
      'ADMIN_PASSWORD',
      'AGENCY_TIMEZONE',
      'DATABASE_URL',
      'JWT_ACCESS_SECRET',
      'JWT_REFRESH_SECRET',
      'PORT',
    ]);
    expect(error!.message).toContain('JWT_ACCESS_SECRET: must be at least 32 characters');
  });

  it('treats empty strings as unset', () => {
    expect(validateEnvironment({ ...valid, PORT: '' }).PORT).toBe(3000);
  });

  it('runs one API process per two cores (at least one) unless API_PROCESSES says otherwise', () => {
    const perTwoCores = Math.max(1, Math.floor(availableParallelism() / 2));
    expect(AppConfig.from(valid).apiProcesses).toBe(perTwoCores);
    expect(AppConfig.from({ ...valid, API_PROCESSES: '' }).apiProcesses).toBe(perTwoCores);
    expect(AppConfig.from({ ...valid, API_PROCESSES: '3' }).apiProcesses).toBe(3);
    expect(() => AppConfig.from({ ...valid, API_PROCESSES: '0' })).toThrow(/API_PROCESSES/);
  });
});
