import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, Roles, STAFF_ROLES } from '@pilar/auth';
import { IndicatorsService, IndicatorTargetsService } from '@pilar/planning';
import type { FastifyReply } from 'fastify';
import { setUpsertStatus } from '../renja/upsert-status';
import {
  IndicatorIdParam,
  IndicatorListQuery,
  IndicatorVersiQuery,
  IndicatorYearParam,
  ManualValueParam,
  RenstraTargetParam,
} from './dto/indicator-params.dto';
import { PutManualValueDto, PutRenstraTargetDto, PutTargetDto } from './dto/indicator-target.dto';
import { CreateIndicatorDto, UpdateIndicatorDto } from './dto/indicator.dto';
import {
  IndicatorPageResponse,
  IndicatorResponse,
  IndicatorTargetResponse,
  ManualValueResponse,
  RenstraTargetResponse,
  toIndicatorResponse,
  toIndicatorTargetResponse,
  toManualValueResponse,
  toRenstraTargetResponse,
} from './dto/indicator.response';

const PLAN_READERS = [...STAFF_ROLES, Role.Pimpinan];

/** Performance indicators of the plan: definitions, targets, Renstra targets, manual values. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly targets: IndicatorTargetsService,
  ) {}

  @Roles(...STAFF_ROLES)
  @Post()
  @ApiCreatedResponse({ type: IndicatorResponse })
  async create(@Body() dto: CreateIndicatorDto): Promise<IndicatorResponse> {
    return toIndicatorResponse(await this.indicators.create(dto));
  }

  @Roles(...PLAN_READERS)
  @Get()
  @ApiOkResponse({ type: IndicatorPageResponse })
  async list(
    @Query() { limit, cursor, ...query }: IndicatorListQuery,
  ): Promise<IndicatorPageResponse> {
    const page = await this.indicators.page(query, { limit, cursor });
    return { items: page.items.map(toIndicatorResponse), nextCursor: page.nextCursor };
  }

  @Roles(...PLAN_READERS)
  @Get(':id')
  @ApiOkResponse({ type: IndicatorResponse })
  async get(
    @Param() { id }: IndicatorIdParam,
    @Query() query: IndicatorVersiQuery,
  ): Promise<IndicatorResponse> {
    return toIndicatorResponse(await this.indicators.get(id, query));
  }

  @Roles(...STAFF_ROLES)
  @Patch(':id')
  @ApiOkResponse({ type: IndicatorResponse })
  async update(
    @Param() { id }: IndicatorIdParam,
    @Body() dto: UpdateIndicatorDto,
  ): Promise<IndicatorResponse> {
    return toIndicatorResponse(await this.indicators.update(id, dto));
  }

  /** The year's target; the year must have a Renja line for the indicator's node (else 409). */
  @Roles(...STAFF_ROLES)
  @Put(':id/targets/:year')
  @ApiOkResponse({ type: IndicatorTargetResponse })
  @ApiCreatedResponse({ type: IndicatorTargetResponse })
  async putTarget(
    @Param() { id, year }: IndicatorYearParam,
    @Body() dto: PutTargetDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<IndicatorTargetResponse> {
    const { target, outcome } = await this.targets.setTarget(id, year, dto);
    setUpsertStatus(res, outcome);
    return toIndicatorTargetResponse(target);
  }

  @Roles(...STAFF_ROLES)
  @Put(':id/renstra-targets/:startYear')
  @ApiOkResponse({ type: RenstraTargetResponse })
  @ApiCreatedResponse({ type: RenstraTargetResponse })
  async putRenstraTarget(
    @Param() { id, startYear }: RenstraTargetParam,
    @Body() dto: PutRenstraTargetDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RenstraTargetResponse> {
    const { target, outcome } = await this.targets.setRenstraTarget(id, startYear, dto);
    setUpsertStatus(res, outcome);
    return toRenstraTargetResponse(target);
  }

  /** MANUAL indicators only (409 INDICATOR_NOT_MANUAL otherwise). */
  @Roles(...STAFF_ROLES)
  @Put(':id/manual-values/:year/:triwulan')
  @ApiOkResponse({ type: ManualValueResponse })
  @ApiCreatedResponse({ type: ManualValueResponse })
  async putManualValue(
    @Param() { id, year, triwulan }: ManualValueParam,
    @Body() { value }: PutManualValueDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ManualValueResponse> {
    const result = await this.targets.setManualValue(id, year, triwulan, value);
    setUpsertStatus(res, result.outcome);
    return toManualValueResponse(result.value);
  }
}
