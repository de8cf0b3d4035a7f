import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Role, Roles } from '@pilar/auth';
import { RebuildJobsService, RollupStatusService } from '@pilar/rollup';
import {
  RebuildAcceptedResponse,
  RebuildRollupDto,
  RollupStatusResponse,
  toRollupStatusResponse,
} from './dto/rollup.dto';

/** How fresh the figures are, and a full recompute for when they must be proven right. */
@ApiTags('rollup')
@ApiBearerAuth()
@Controller('rollup')
export class RollupController {
  constructor(
    private readonly status: RollupStatusService,
    private readonly rebuilds: RebuildJobsService,
  ) {}

  @Roles(...ALL_ROLES)
  @Get('status')
  @ApiOkResponse({ type: RollupStatusResponse })
  async getStatus(): Promise<RollupStatusResponse> {
    return toRollupStatusResponse(await this.status.status());
  }

  /** Recomputes every figure of a year (or of all years) from the records, in the worker. */
  @Roles(Role.Admin)
  @Post('rebuild')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RebuildAcceptedResponse })
  rebuild(@Body() dto: RebuildRollupDto): Promise<RebuildAcceptedResponse> {
    return this.rebuilds.start(dto.year);
  }
}
