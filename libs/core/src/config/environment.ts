import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable Pilar reads, validated once at boot.
 * Nothing outside libs/core/src/config reads process.env; everything else injects AppConfig.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /**
   * How many API processes share PORT (node:cluster); unset: one per two cores (AppConfig).
   * Each process has its own database pool, so PostgreSQL sees up to this × 10 connections.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES?: number;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/pilar';

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key Pilar writes (BullMQ queues, login throttling). */
  @Matches(/^[a-z0-9_-]+$/, { message: 'must be lowercase letters, digits, - or _' })
  REDIS_PREFIX = 'pilar';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_ACCESS_SECRET: string;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_REFRESH_SECRET: string;

  /** Lifetime of an access token, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Lifetime of a refresh token family, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  JWT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  @IsOptional()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'must be 3-64 lowercase letters, digits, . _ or -' })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** The agency's own time zone: service dates are calendar dates there. */
  @IsIn(TIMEZONES)
  AGENCY_TIMEZONE: (typeof TIMEZONES)[number] = 'Asia/Makassar';

  /** The kabupaten/kota this Dinas Sosial serves; OPERATOR and ADMIN see all of it. */
  @Matches(/^\d{2}\.\d{2}$/, { message: 'must be a kabupaten code such as 63.11' })
  AGENCY_KABUPATEN_KODE = '63.11';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Failed logins allowed per username and per IP within the window before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  /** Failed logins allowed per IP: higher, since a whole kantor may share one address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** Largest accepted upload (CSV imports), in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

  /** How many jobs of one queue a worker process runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 2;

  /** Load the demo agency (Balangan) into an empty database at `npm run up`. */
  @Transform(toBool)
  @IsIn([true, false])
  PILAR_DEMO = true;

  /**
   * Predikat bands of capaian (%), as `min:label` pairs: a value earns the band whose min it
   * reaches. Default Permendagri 86/2017.
   */
  @Matches(/^\d+(\.\d+)?:[^,:]+(,\d+(\.\d+)?:[^,:]+)*$/, {
    message: 'must be min:label pairs separated by commas, such as 91:Sangat Tinggi,76:Tinggi',
  })
  PREDIKAT_BANDS = '91:Sangat Tinggi,76:Tinggi,66:Sedang,51:Rendah,0:Sangat Rendah';

  /**
   * Which realisasi the Renja report's triwulan columns print: YTD (s.d. triwulan, as the
   * agencies' Tabel 2.1 does) or QUARTER (each triwulan on its own). The JSON carries both.
   */
  @IsIn(['YTD', 'QUARTER'])
  RENJA_TRIWULAN_FORM: 'YTD' | 'QUARTER' = 'YTD';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates a raw environment; throws ConfigError naming every bad variable. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''),
  );
  const env = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  return env;
}
