import { availableParallelism } from 'node:os';
import { config as loadDotenv } from 'dotenv';
import { EnvironmentVariables, validateEnvironment } from './environment';

/**
 * The validated configuration, grouped by concern. Injected wherever a setting is needed;
 * tests build their own with `AppConfig.from({...})`.
 */
export class AppConfig {
  private constructor(readonly env: EnvironmentVariables) {}

  /** Reads `.env` (if present) and process.env, and validates them. */
  static load(): AppConfig {
    loadDotenv({ quiet: true });
    return AppConfig.from(process.env);
  }

  static from(raw: Record<string, string | undefined>): AppConfig {
    return new AppConfig(validateEnvironment(raw));
  }

  /** The raw variables, for child processes and tests that derive a config from this one. */
  static rawEnvironment(): Record<string, string | undefined> {
    loadDotenv({ quiet: true });
    return { ...process.env };
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
  get port(): number {
    return this.env.PORT;
  }
  /**
   * API processes to run (API_PROCESSES), by default one per two cores. PostgreSQL shares the
   * machine wherever Pilar starts it (`npm run up`, docker/compose.yml) and spends about as much
   * CPU as the API on each recorded service. On 2 cores (`npm run bench casework`, 2026-12-07),
   * two processes took 1,052 POST /service-events a second at 0.80 ms of API CPU each, one
   * process 1,175 at 0.61 ms: two single threads contend with PostgreSQL for the same cores.
   */
  get apiProcesses(): number {
    return this.env.API_PROCESSES ?? Math.max(1, Math.floor(availableParallelism() / 2));
  }
  get databaseUrl(): string {
    return this.env.DATABASE_URL;
  }
  get redis(): { url: string; prefix: string } {
    return { url: this.env.REDIS_URL, prefix: this.env.REDIS_PREFIX };
  }
  get jwt(): {
    accessSecret: string;
    refreshSecret: string;
    accessTtl: number;
    refreshTtl: number;
  } {
    return {
      accessSecret: this.env.JWT_ACCESS_SECRET,
      refreshSecret: this.env.JWT_REFRESH_SECRET,
      accessTtl: this.env.JWT_ACCESS_TTL_SECONDS,
      refreshTtl: this.env.JWT_REFRESH_TTL_SECONDS,
    };
  }
  get admin(): { username: string; password: string } | null {
    const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = this.env;
    return username && password ? { username, password } : null;
  }
  get agency(): { timezone: string; kabupatenKode: string } {
    return { timezone: this.env.AGENCY_TIMEZONE, kabupatenKode: this.env.AGENCY_KABUPATEN_KODE };
  }
  get logLevel(): string {
    return this.env.LOG_LEVEL;
  }
  get loginThrottle(): { maxFailures: number; maxFailuresPerIp: number; windowSeconds: number } {
    return {
      maxFailures: this.env.LOGIN_MAX_FAILURES,
      maxFailuresPerIp: this.env.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: this.env.LOGIN_FAILURE_WINDOW_SECONDS,
    };
  }
  get uploadMaxBytes(): number {
    return this.env.UPLOAD_MAX_BYTES;
  }
  get workerConcurrency(): number {
    return this.env.WORKER_CONCURRENCY;
  }
  get demo(): boolean {
    return this.env.PILAR_DEMO;
  }
  /** Predikat bands, highest first, for `predikat(value, bands)` of @pilar/planning. */
  get predikatBands(): { min: number; label: string }[] {
    return this.env.PREDIKAT_BANDS.split(',')
      .map((pair) => {
        const [min, label] = pair.split(':');
        return { min: Number(min), label: label.trim() };
      })
      .sort((a, b) => b.min - a.min);
  }
  /** Which realisasi the Renja report's triwulan columns print. */
  get renjaTriwulanForm(): 'YTD' | 'QUARTER' {
    return this.env.RENJA_TRIWULAN_FORM;
  }
}
