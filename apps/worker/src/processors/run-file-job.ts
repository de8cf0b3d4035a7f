import { CsvError, JobRunsService } from '@pilar/core';
import { UnrecoverableError } from 'bullmq';

/**
 * The lifecycle every import job shares: RUNNING → work → COMPLETED with counts, or FAILED with
 * the reason. A file whose header or quoting is wrong will not get better on retry, so it fails for
 * good.
 */
export async function runFileJob(
  runs: JobRunsService,
  jobRunId: string,
  work: () => Promise<{ counts: Record<string, number>; result?: Record<string, unknown> }>,
): Promise<Record<string, number>> {
  await runs.start(jobRunId);
  try {
    const { counts, result } = await work();
    await runs.complete(jobRunId, counts, result ?? null);
    return counts;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await runs.fail(jobRunId, message);
    if (err instanceof CsvError) {
      throw new UnrecoverableError(message);
    }
    throw err;
  }
}
