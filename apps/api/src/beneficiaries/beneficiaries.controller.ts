import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CASEWORK_ROLES, CurrentUser, Roles, STAFF_ROLES } from '@pilar/auth';
import {
  BeneficiariesService,
  BeneficiaryHistoryService,
  BeneficiarySearchService,
  PpksClassificationsService,
} from '@pilar/registry';
import { PageQueryDto } from '../common/list.dto';
import { BeneficiaryIdParam, BeneficiaryQueryDto } from './dto/beneficiary-query.dto';
import {
  BeneficiaryPageResponse,
  BeneficiaryResponse,
  toBeneficiaryListItemResponse,
  toBeneficiaryResponse,
} from './dto/beneficiary.response';
import { CreateBeneficiaryDto } from './dto/create-beneficiary.dto';
import { HistoryPageResponse, toHistoryPage } from './dto/history.dto';
import {
  PpksClassificationResponse,
  PpksEntryDto,
  PpksIdParams,
  ReviewPpksDto,
  toPpksResponse,
  UpdatePpksDto,
} from './dto/ppks-classification.dto';
import { UpdateBeneficiaryDto } from './dto/update-beneficiary.dto';

/** People (penerima manfaat), within the caller's wilayah. */
@ApiTags('beneficiaries')
@ApiBearerAuth()
@Roles(...CASEWORK_ROLES)
@Controller('beneficiaries')
export class BeneficiariesController {
  constructor(
    private readonly beneficiaries: BeneficiariesService,
    private readonly search: BeneficiarySearchService,
    private readonly ppks: PpksClassificationsService,
    private readonly histories: BeneficiaryHistoryService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: BeneficiaryResponse })
  async create(
    @Body() dto: CreateBeneficiaryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BeneficiaryResponse> {
    return toBeneficiaryResponse(await this.beneficiaries.create(user.scope, dto));
  }

  /** NIK and KK numbers are masked in the list. */
  @Get()
  @ApiOkResponse({ type: BeneficiaryPageResponse })
  async list(
    @Query() query: BeneficiaryQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BeneficiaryPageResponse> {
    const page = await this.search.search(user.scope, query);
    return { items: page.items.map(toBeneficiaryListItemResponse), nextCursor: page.nextCursor };
  }

  /** The full NIK; every read of it is audited. */
  @Get(':id')
  @ApiOkResponse({ type: BeneficiaryResponse })
  async get(
    @Param() { id }: BeneficiaryIdParam,
    @CurrentUser() user: AuthUser,
  ): Promise<BeneficiaryResponse> {
    return toBeneficiaryResponse(await this.beneficiaries.detail(user.scope, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: BeneficiaryResponse })
  async update(
    @Param() { id }: BeneficiaryIdParam,
    @Body() dto: UpdateBeneficiaryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BeneficiaryResponse> {
    return toBeneficiaryResponse(await this.beneficiaries.update(user.scope, id, dto));
  }

  /** PPKS periods, services and cases, in time order. */
  @Get(':id/history')
  @ApiOkResponse({ type: HistoryPageResponse })
  async history(
    @Param() { id }: BeneficiaryIdParam,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HistoryPageResponse> {
    return toHistoryPage(await this.histories.history(user.scope, id, page));
  }

  @Post(':id/ppks')
  @ApiCreatedResponse({ type: PpksClassificationResponse })
  async addPpks(
    @Param() { id }: BeneficiaryIdParam,
    @Body() dto: PpksEntryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PpksClassificationResponse> {
    return toPpksResponse(await this.ppks.add(user.scope, { beneficiaryId: id }, dto));
  }

  /** Ends (or reopens) a period; its history stays. */
  @Patch(':id/ppks/:ppksId')
  @ApiOkResponse({ type: PpksClassificationResponse })
  async updatePpks(
    @Param() { id, ppksId }: PpksIdParams,
    @Body() dto: UpdatePpksDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PpksClassificationResponse> {
    return toPpksResponse(await this.ppks.change(user.scope, { beneficiaryId: id }, ppksId, dto));
  }

  /** Dinsos staff verify or reject a PROPOSED classification. */
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
      await this.ppks.review(user.scope, { beneficiaryId: id }, ppksId, dto.status),
    );
  }
}
