import { Column, Entity, PrimaryColumn } from 'typeorm';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** One run of a background job, as seen by the person who started it. */
@Entity('job_run')
export class JobRun {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  status: JobStatus;

  @Column('smallint')
  progress: number;

  @Column('jsonb')
  counts: Record<string, number>;

  @Column('jsonb')
  params: Record<string, unknown>;

  @Column('jsonb', { nullable: true })
  result: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('text', { nullable: true })
  fileName: string | null;

  @Column('bigint', { nullable: true })
  fileBytes: string | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
