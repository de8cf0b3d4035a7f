import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, AuthUser, CASEWORK_ROLES, CurrentUser, Roles, STAFF_ROLES } from '@pilar/auth';
import { DisasterVictimsService, DisastersService } from '@pilar/casework';
import type { FastifyReply } from 'fastify';
import { Page, PageQueryDto } from '../common/list.dto';
import {
  AddVictimDto,
  CreateDisasterDto,
  DisasterIdParam,
  ListDisastersQueryDto,
  RegisterVictimsDto,
} from './dto/disaster.dto';
import {
  DisasterResponse,
  RegisteredVictimsResponse,
  toDisasterResponse,
  toVictimResponse,
  VictimResponse,
} from './dto/disaster.response';

/**
 * Disasters hold no personal data (every role reads them and their victim counts); their
 * victims are people of the registry, read and registered within the caller's wilayah.
 */
@ApiTags('disasters')
@ApiBearerAuth()
@Controller('disasters')
export class DisastersController {
  constructor(
    private readonly disasters: DisastersService,
    private readonly victims: DisasterVictimsService,
  ) {}

  @Post()
  @Roles(...STAFF_ROLES)
  @ApiCreatedResponse({ type: DisasterResponse })
  async create(
    @Body() dto: CreateDisasterDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DisasterResponse> {
    const { type, ...rest } = dto;
    const { disaster, victims } = await this.disasters.create(user, { ...rest, jenis: type });
    return toDisasterResponse(disaster, victims);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: [DisasterResponse] })
  async list(@Query() query: ListDisastersQueryDto): Promise<Page<DisasterResponse>> {
    const page = await this.disasters.list({ ...query, jenis: query.type });
    return { items: page.items.map((d) => toDisasterResponse(d)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: DisasterResponse })
  async get(@Param() { id }: DisasterIdParam): Promise<DisasterResponse> {
    const { disaster, victims } = await this.disasters.get(id);
    return toDisasterResponse(disaster, victims);
  }

  /** A person already in the registry becomes a victim (201; 200 when they already were). */
  @Post(':id/victims')
  @Roles(...CASEWORK_ROLES)
  @ApiCreatedResponse({ type: VictimResponse })
  async addVictim(
    @Param() { id }: DisasterIdParam,
    @Body() dto: AddVictimDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<VictimResponse> {
    const { victim, created } = await this.victims.add(user, id, dto.beneficiaryId);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return toVictimResponse(victim);
  }

  /** Quick registration of many victims (with or without NIK, alone or as families), all or none. */
  @Post(':id/victims/bulk')
  @Roles(...CASEWORK_ROLES)
  @ApiCreatedResponse({ type: RegisteredVictimsResponse })
  async registerVictims(
    @Param() { id }: DisasterIdParam,
    @Body() dto: RegisterVictimsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RegisteredVictimsResponse> {
    const victims = await this.victims.register(user, id, dto);
    return { count: victims.length, victims: victims.map(toVictimResponse) };
  }

  @Get(':id/victims')
  @Roles(...CASEWORK_ROLES)
  @ApiOkResponse({ type: [VictimResponse] })
  async listVictims(
    @Param() { id }: DisasterIdParam,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<VictimResponse>> {
    const found = await this.victims.list(user.scope, id, page);
    return { items: found.items.map(toVictimResponse), nextCursor: found.nextCursor };
  }
}
