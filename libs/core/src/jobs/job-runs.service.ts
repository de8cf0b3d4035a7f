import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { NotFound } from '../errors/domain-error';
import { JobName } from '../queue/queue.catalogue';
import { JobRun } from './job-run.entity';

export interface RowError {
  row: number;
  field?: string | null;
  reason: string;
}

/** Who asks about a job: creators see their own runs, ADMIN and OPERATOR see all. */
export interface JobViewer {
  id: string;
  role: string;
}

const SEE_ALL_ROLES = new Set(['ADMIN', 'OPERATOR']);

/** The PostgreSQL side of background jobs: status, progress, counts, per-row errors. */
@Injectable()
export class JobRunsService {
  constructor(
    @InjectRepository(JobRun) private readonly runs: Repository<JobRun>,
    private readonly dataSource: DataSource,
  ) {}

  async create(name: JobName, params: Record<string, unknown> = {}): Promise<JobRun> {
    const ctx = RequestContext.current();
    const run = this.runs.create({
      id: randomUUID(),
      name,
      status: 'QUEUED',
      progress: 0,
      counts: {},
      params,
      fileName: null,
      createdBy: ctx?.actor?.id ?? null,
      requestId: ctx?.requestId ?? null,
      createdAt: new Date(),
    });
    return this.runs.save(run);
  }

  async setFileInfo(id: string, fileName: string, bytes: number): Promise<void> {
    await this.runs.update(id, { fileName, fileBytes: String(bytes) });
  }

  async delete(id: string): Promise<void> {
    await this.runs.delete(id);
  }

  async get(id: string): Promise<JobRun> {
    const run = await this.runs.findOneBy({ id });
    if (!run) throw new NotFound('Job', id);
    return run;
  }

  /** A job as its viewer may see it; someone else's run is 404, never 403. */
  async getFor(id: string, viewer: JobViewer): Promise<JobRun> {
    const run = await this.runs.findOneBy({ id });
    if (!run || (!SEE_ALL_ROLES.has(viewer.role) && run.createdBy !== viewer.id)) {
      throw new NotFound('Job', id);
    }
    return run;
  }

  async start(id: string): Promise<void> {
    // A retried attempt starts over: forget the previous attempt's row errors.
    await this.dataSource.transaction(async (m) => {
      await m.query('DELETE FROM job_row_error WHERE job_id = $1', [id]);
      await m.update(JobRun, id, {
        status: 'RUNNING',
        startedAt: new Date(),
        progress: 0,
        error: null,
        counts: {},
      });
    });
  }

  async progress(id: string, progress: number, counts?: Record<string, number>): Promise<void> {
    const clamped = Math.max(0, Math.min(100, Math.floor(progress)));
    await this.runs.update(id, counts ? { progress: clamped, counts } : { progress: clamped });
  }

  async complete(
    id: string,
    counts: Record<string, number>,
    result: Record<string, unknown> | null = null,
  ): Promise<void> {
    await this.runs.update(id, {
      status: 'COMPLETED',
      progress: 100,
      counts,
      result: result as JobRun['result'] & object,
      finishedAt: new Date(),
    });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.runs.update(id, { status: 'FAILED', error, finishedAt: new Date() });
  }

  async addRowErrors(id: string, errors: RowError[]): Promise<void> {
    if (errors.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO job_row_error (job_id, row_number, field, reason)
       SELECT $1, r.row_number, r.field, r.reason
       FROM unnest($2::int[], $3::text[], $4::text[]) AS r(row_number, field, reason)`,
      [
        id,
        errors.map((e) => e.row),
        errors.map((e) => e.field ?? null),
        errors.map((e) => e.reason),
      ],
    );
  }

  async rowErrors(id: string, limit = 100_000): Promise<RowError[]> {
    const rows: RowError[] = await this.dataSource.query(
      `SELECT row_number AS "row", field, reason FROM job_row_error
       WHERE job_id = $1 ORDER BY row_number, field LIMIT $2`,
      [id, limit],
    );
    return rows;
  }

  async rowErrorCount(id: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM job_row_error WHERE job_id = $1',
      [id],
    );
    return n;
  }
}
