import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AuthUser, CurrentUser, Roles } from '@pilar/auth';
import { JobRunsService } from '@pilar/core';
import { JobIdParam, JobResponse, toJobResponse } from './dto/job.response';

const PREVIEW_ERRORS = 100;

const csvCell = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

@ApiTags('jobs')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('jobs')
export class JobsController {
  constructor(private readonly runs: JobRunsService) {}

  @Get(':id')
  @ApiOkResponse({ type: JobResponse })
  async get(@Param() { id }: JobIdParam, @CurrentUser() user: AuthUser): Promise<JobResponse> {
    const run = await this.runs.getFor(id, user);
    const [errors, count] = await Promise.all([
      this.runs.rowErrors(id, PREVIEW_ERRORS),
      this.runs.rowErrorCount(id),
    ]);
    return toJobResponse(
      run,
      errors.map((e) => ({ row: e.row, field: e.field ?? null, reason: e.reason })),
      count,
    );
  }

  /** Every rejected row as CSV (row, field, reason), for the operator to fix and re-upload. */
  @Get(':id/errors.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  async errorReport(@Param() { id }: JobIdParam, @CurrentUser() user: AuthUser): Promise<string> {
    await this.runs.getFor(id, user);
    const rows = await this.runs.rowErrors(id);
    return (
      [
        'row,field,reason',
        ...rows.map((e) => [e.row, e.field, e.reason].map(csvCell).join(',')),
      ].join('\n') + '\n'
    );
  }
}
