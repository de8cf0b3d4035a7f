import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JobRun, JobStatus } from '@pilar/core';
import { IsUUID } from 'class-validator';

export class JobIdParam {
  @ApiProperty({ description: 'Job id.', example: '0b6c1f0e-6f8e-4a53-9d43-1f3c1d0b9d1e' })
  @IsUUID()
  id: string;
}

export class JobRowErrorResponse {
  @ApiProperty({ description: 'Line in the file (header = 1).', example: 7 })
  row: number;

  @ApiProperty({
    description: 'The offending column.',
    example: 'kode',
    nullable: true,
    type: String,
  })
  field: string | null;

  @ApiProperty({
    description: 'Why the row was rejected.',
    example: '"1.6.4" is not a nomenclature code',
  })
  reason: string;
}

export class JobResponse {
  @ApiProperty({ description: 'Job id.', example: '0b6c1f0e-6f8e-4a53-9d43-1f3c1d0b9d1e' })
  id: string;

  @ApiProperty({ description: 'What the job does.', example: 'nomenclature-import' })
  name: string;

  @ApiProperty({
    description: 'Status.',
    enum: ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'],
    example: 'COMPLETED',
  })
  status: JobStatus;

  @ApiProperty({ description: 'Percent done.', example: 100 })
  progress: number;

  @ApiProperty({
    description: 'Row counts.',
    example: { inserted: 40, updated: 2, unchanged: 10, rejected: 1 },
  })
  counts: Record<string, number>;

  @ApiPropertyOptional({
    description: 'Why the whole job failed.',
    example: 'The header lacks the column(s): kode.',
    nullable: true,
    type: String,
  })
  error: string | null;

  @ApiPropertyOptional({
    description: 'The first rejected rows (all of them at errorReportUrl).',
    type: [JobRowErrorResponse],
  })
  errors: JobRowErrorResponse[];

  @ApiPropertyOptional({
    description: 'CSV of every rejected row, when there are any.',
    example: '/api/v1/jobs/0b6c1f0e-6f8e-4a53-9d43-1f3c1d0b9d1e/errors.csv',
  })
  errorReportUrl?: string;

  @ApiProperty({
    description: 'Uploaded file name.',
    example: 'nomenklatur-sipd-2026.csv',
    nullable: true,
    type: String,
  })
  fileName: string | null;

  @ApiProperty({ description: 'When it was queued.', example: '2026-11-25T03:00:00.000Z' })
  createdAt: string;

  @ApiProperty({
    description: 'When it finished.',
    example: '2026-11-25T03:00:04.000Z',
    nullable: true,
    type: String,
  })
  finishedAt: string | null;
}

export function toJobResponse(
  run: JobRun,
  errors: JobRowErrorResponse[],
  errorCount: number,
): JobResponse {
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    progress: run.progress,
    counts: run.counts,
    error: run.error,
    errors,
    errorReportUrl: errorCount > 0 ? `/api/v1/jobs/${run.id}/errors.csv` : undefined,
    fileName: run.fileName,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
