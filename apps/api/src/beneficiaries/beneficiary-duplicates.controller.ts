import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CASEWORK_ROLES, CurrentUser, Roles, STAFF_ROLES } from '@pilar/auth';
import { BeneficiaryMergeService, LikelyDuplicatesService } from '@pilar/registry';
import { BeneficiaryIdParam } from './dto/beneficiary-query.dto';
import { BeneficiaryResponse, toBeneficiaryResponse } from './dto/beneficiary.response';
import {
  DuplicatePageResponse,
  DuplicatePairResponse,
  DuplicatesQueryDto,
  MergeDto,
  NotDuplicateDto,
  NotDuplicateResponse,
  SimilarityQueryDto,
  toDuplicatePairResponse,
  toNotDuplicateResponse,
} from './dto/duplicates.dto';

/**
 * The duplicate review: likely duplicates, "not a duplicate" decisions and merges. Registered
 * before BeneficiariesController so that /beneficiaries/duplicates is not read as an id.
 */
@ApiTags('beneficiaries')
@ApiBearerAuth()
@Controller('beneficiaries')
export class BeneficiaryDuplicatesController {
  constructor(
    private readonly duplicates: LikelyDuplicatesService,
    private readonly merges: BeneficiaryMergeService,
  ) {}

  /** Pairs with similar names, the same birth date and kecamatan, not yet decided. */
  @Roles(...CASEWORK_ROLES)
  @Get('duplicates')
  @ApiOkResponse({ type: DuplicatePageResponse })
  async list(
    @Query() query: DuplicatesQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DuplicatePageResponse> {
    const page = await this.duplicates.list(user.scope, query);
    return { items: page.items.map(toDuplicatePairResponse), nextCursor: page.nextCursor };
  }

  @Roles(...CASEWORK_ROLES)
  @Get(':id/duplicates')
  @ApiOkResponse({ type: [DuplicatePairResponse] })
  async ofPerson(
    @Param() { id }: BeneficiaryIdParam,
    @Query() query: SimilarityQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DuplicatePairResponse[]> {
    return (await this.duplicates.of(user.scope, id, query.minSimilarity)).map(
      toDuplicatePairResponse,
    );
  }

  /** Remembers that the two are different people; the pair is not listed again. */
  @Roles(...STAFF_ROLES)
  @Post(':id/not-duplicates')
  @ApiCreatedResponse({ type: NotDuplicateResponse })
  async notDuplicate(
    @Param() { id }: BeneficiaryIdParam,
    @Body() dto: NotDuplicateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<NotDuplicateResponse> {
    return toNotDuplicateResponse(
      await this.duplicates.dismiss(user.scope, id, dto.otherId, dto.note),
    );
  }

  /** Merges this record into `intoId`; answers the surviving record. */
  @Roles(...STAFF_ROLES)
  @Post(':id/merge')
  @HttpCode(200)
  @ApiOkResponse({ type: BeneficiaryResponse })
  async merge(
    @Param() { id }: BeneficiaryIdParam,
    @Body() dto: MergeDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BeneficiaryResponse> {
    return toBeneficiaryResponse(await this.merges.merge(user.scope, id, dto.intoId));
  }
}
