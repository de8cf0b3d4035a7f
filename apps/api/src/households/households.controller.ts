import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CASEWORK_ROLES, CurrentUser, Roles, STAFF_ROLES } from '@pilar/auth';
import {
  HouseholdDirectoryService,
  HouseholdsService,
  PpksClassificationsService,
} from '@pilar/registry';
import {
  PpksClassificationResponse,
  PpksEntryDto,
  PpksIdParams,
  ReviewPpksDto,
  toPpksResponse,
  UpdatePpksDto,
} from '../beneficiaries/dto/ppks-classification.dto';
import {
  CreateHouseholdDto,
  HouseholdIdParam,
  HouseholdQueryDto,
  UpdateHouseholdDto,
} from './dto/household.dto';
import {
  HouseholdPageResponse,
  HouseholdResponse,
  toHouseholdDetailResponse,
  toHouseholdListItemResponse,
  toHouseholdResponse,
} from './dto/household.response';

/** Families (keluarga), within the caller's wilayah. */
@ApiTags('households')
@ApiBearerAuth()
@Roles(...CASEWORK_ROLES)
@Controller('households')
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly directory: HouseholdDirectoryService,
    private readonly ppks: PpksClassificationsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: HouseholdResponse })
  async create(
    @Body() dto: CreateHouseholdDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HouseholdResponse> {
    return toHouseholdResponse(await this.households.create(user.scope, dto));
  }

  /** KK numbers are masked in the list. */
  @Get()
  @ApiOkResponse({ type: HouseholdPageResponse })
  async list(
    @Query() query: HouseholdQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HouseholdPageResponse> {
    const page = await this.directory.search(user.scope, query);
    return { items: page.items.map(toHouseholdListItemResponse), nextCursor: page.nextCursor };
  }

  /** The full KK number (each read audited) and the members. */
  @Get(':id')
  @ApiOkResponse({ type: HouseholdResponse })
  async get(
    @Param() { id }: HouseholdIdParam,
    @CurrentUser() user: AuthUser,
  ): Promise<HouseholdResponse> {
    return toHouseholdDetailResponse(await this.directory.detail(user.scope, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: HouseholdResponse })
  async update(
    @Param() { id }: HouseholdIdParam,
    @Body() dto: UpdateHouseholdDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HouseholdResponse> {
    return toHouseholdResponse(await this.households.update(user.scope, id, dto));
  }

  /** A family-level PPKS type (counted in KK: FAKIR_MISKIN, KOMUNITAS_ADAT_TERPENCIL, …). */
  @Post(':id/ppks')
  @ApiCreatedResponse({ type: PpksClassificationResponse })
  async addPpks(
    @Param() { id }: HouseholdIdParam,
    @Body() dto: PpksEntryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PpksClassificationResponse> {
    return toPpksResponse(await this.ppks.add(user.scope, { householdId: id }, dto));
  }

  @Patch(':id/ppks/:ppksId')
  @ApiOkResponse({ type: PpksClassificationResponse })
  async updatePpks(
    @Param() { id, ppksId }: PpksIdParams,
    @Body() dto: UpdatePpksDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PpksClassificationResponse> {
    return toPpksResponse(await this.ppks.change(user.scope, { householdId: id }, ppksId, dto));
  }

  @Roles(...STAFF_ROLES)
  @Post(':id/ppks/:ppksId/verification')
  @HttpCode(200)
  @ApiOkResponse({ type: PpksClassificationResponse })
  async reviewPpks(
    @Param() { id, ppksId }: PpksIdParams,
    @Body() dto: ReviewPpksDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PpksClassificationResponse> {
    return toPpksResponse(
      await this.ppks.review(user.scope, { householdId: id }, ppksId, dto.status),
    );
  }
}
