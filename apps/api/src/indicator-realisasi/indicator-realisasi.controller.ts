import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AuthUser, CurrentUser, Role, Roles, STAFF_ROLES } from '@pilar/auth';
import { IndicatorEventsService, RealisasiService } from '@pilar/rollup';
import {
  IndicatorEventPageResponse,
  IndicatorEventsQueryDto,
  IndicatorIdParamDto,
  RealisasiQueryDto,
  RealisasiResponse,
  toIndicatorEventResponse,
  toRealisasiResponse,
} from './dto/realisasi.dto';

/** An indicator's figures computed from the records, and the records behind them. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorRealisasiController {
  constructor(
    private readonly realisasi: RealisasiService,
    private readonly events: IndicatorEventsService,
  ) {}

  @Roles(...STAFF_ROLES, Role.Pimpinan)
  @Get(':id/realisasi')
  @ApiOkResponse({ type: RealisasiResponse })
  async getRealisasi(
    @Param() { id }: IndicatorIdParamDto,
    @Query() { year }: RealisasiQueryDto,
  ): Promise<RealisasiResponse> {
    return toRealisasiResponse(await this.realisasi.forIndicator(id, year));
  }

  /** Personal data: limited to the caller's wilayah; PIMPINAN get 403. */
  @Roles(...ALL_ROLES)
  @Get(':id/events')
  @ApiOkResponse({ type: IndicatorEventPageResponse })
  async listEvents(
    @Param() { id }: IndicatorIdParamDto,
    @Query() query: IndicatorEventsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<IndicatorEventPageResponse> {
    const page = await this.events.list(id, query, user.scope);
    return { items: page.items.map(toIndicatorEventResponse), nextCursor: page.nextCursor };
  }
}
