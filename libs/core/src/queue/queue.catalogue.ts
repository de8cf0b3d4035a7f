import type { JobsOptions } from 'bullmq';

/** Every BullMQ queue. Values are kebab-case and part of Redis key names. */
export enum QueueName {
  Imports = 'imports',
  Rollup = 'rollup',
}

/** Every job Pilar runs. The worker refuses to boot unless each has exactly one handler. */
export enum JobName {
  NomenclatureImport = 'nomenclature-import',
  RenjaImport = 'renja-import',
  BeneficiaryImport = 'beneficiary-import',
  /** Drain the outbox into the roll-up (triggered after writes, debounced). */
  RollupDrain = 'rollup-drain',
  /** The every-minute safety net: figures catch up even when a trigger was lost. */
  RollupSweep = 'rollup-sweep',
  /** Recompute every figure of one year (or all years) from the events. */
  RollupRebuild = 'rollup-rebuild',
}

/** Payloads carry ids only: never personal data in Redis. */
export interface JobPayloads {
  [JobName.NomenclatureImport]: { jobRunId: string; requestId?: string };
  /** The year and Renja version are in the job run's params. */
  [JobName.RenjaImport]: { jobRunId: string; requestId?: string };
  /** The uploader's role is in the job run's params (for the audit of every written row). */
  [JobName.BeneficiaryImport]: { jobRunId: string; requestId?: string };
  [JobName.RollupDrain]: { requestId?: string };
  [JobName.RollupSweep]: Record<string, never>;
  /** The year (or none: all years) is in the job run's params. */
  [JobName.RollupRebuild]: { jobRunId: string; requestId?: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.NomenclatureImport]: QueueName.Imports,
  [JobName.RenjaImport]: QueueName.Imports,
  [JobName.BeneficiaryImport]: QueueName.Imports,
  [JobName.RollupDrain]: QueueName.Rollup,
  [JobName.RollupSweep]: QueueName.Rollup,
  [JobName.RollupRebuild]: QueueName.Rollup,
};

/** Retries with exponential backoff; bounded retention so Redis does not grow forever. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

/** BullMQ forbids `:` in custom job ids; deterministic ids make duplicate triggers collapse. */
export function jobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/:/g, '-')).join('.');
}
