import type { JobsOptions } from 'bullmq';

/** Every BullMQ queue. Values are kebab-case and part of Redis key names. */
export enum QueueName {
  Imports = 'imports',
  Rollup = 'rollup',
}

/** Every job Pilar runs. The worker refuses to boot unless each has exactly one handler. */
export enum JobName {
  NomenclatureImport = 'nomenclature-import',
}

/** Payloads carry ids only: never personal data in Redis. */
export interface JobPayloads {
  [JobName.NomenclatureImport]: { jobRunId: string; requestId?: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.NomenclatureImport]: QueueName.Imports,
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
