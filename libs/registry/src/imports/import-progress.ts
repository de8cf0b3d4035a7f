import { Transform, TransformCallback } from 'node:stream';
import type { JobRunsService } from '@pilar/core';

/** Counts the bytes flowing through, so the load phase can report how far into the file it is. */
export class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** How much of the job each phase is worth, in percent (they add up to 100). */
const PHASES = { load: 40, check: 5, households: 10, people: 45 } as const;
type Phase = keyof typeof PHASES;

const MIN_INTERVAL_MS = 1_000;

/**
 * The job's progress as GET /jobs/{id} shows it: the phase's share of 100 %, written at most
 * once a second so progress never slows the import down.
 */
export class ImportProgress {
  private lastWrite = 0;

  constructor(
    private readonly runs: JobRunsService,
    private readonly jobRunId: string,
  ) {}

  /**
   * Reports `done` of `total` in `phase`, with the `counts` so far. Skipped when the last report
   * is under a second old, unless `force` (the end of a batch: rare, and worth showing).
   */
  async report(
    phase: Phase,
    done: number,
    total: number,
    counts?: Record<string, number>,
    force = false,
  ): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastWrite < MIN_INTERVAL_MS) return;
    this.lastWrite = now;
    const phases = Object.keys(PHASES) as Phase[];
    const before = phases.slice(0, phases.indexOf(phase)).reduce((sum, p) => sum + PHASES[p], 0);
    const share = total > 0 ? Math.min(1, done / total) : 1;
    // 100 % is for the finished job (JobRunsService.complete).
    await this.runs.progress(this.jobRunId, Math.min(99, before + share * PHASES[phase]), counts);
  }
}
