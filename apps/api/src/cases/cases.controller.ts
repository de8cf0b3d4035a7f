import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CASEWORK_ROLES, CurrentUser, Roles } from '@pilar/auth';
import { CasesService } from '@pilar/casework';
import type { FastifyReply } from 'fastify';
import { Page } from '../common/list.dto';
import {
  AssignCaseDto,
  CaseDocumentDto,
  CaseDocumentParams,
  CaseFamilyDto,
  CaseIdParam,
  ListCasesQueryDto,
  OpenCaseDto,
  RelayLegDto,
  TransitionCaseDto,
} from './dto/case.dto';
import {
  CaseResponse,
  CaseSummaryResponse,
  toCaseResponse,
  toCaseSummaryResponse,
} from './dto/case.response';

/** Cases (reunifikasi, AMPK, rehabilitasi, rujukan) within the caller's wilayah. */
@ApiTags('cases')
@ApiBearerAuth()
@Roles(...CASEWORK_ROLES)
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  /** 201 when opened now, 200 when it is a replay of one opened before. */
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Alternative to the body id.',
  })
  @ApiCreatedResponse({ type: CaseResponse })
  async open(
    @Body() dto: OpenCaseDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseResponse> {
    const { detail, created } = await this.cases.open(user, dto, idempotencyKey);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return toCaseResponse(detail);
  }

  @Get()
  @ApiOkResponse({ type: [CaseSummaryResponse] })
  async list(
    @Query() query: ListCasesQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<CaseSummaryResponse>> {
    const page = await this.cases.list(user.scope, query);
    return { items: page.items.map(toCaseSummaryResponse), nextCursor: page.nextCursor };
  }

  /** The case with its transitions, documents, relay legs and services. */
  @Get(':id')
  @ApiOkResponse({ type: CaseResponse })
  async get(@Param() { id }: CaseIdParam, @CurrentUser() user: AuthUser): Promise<CaseResponse> {
    return toCaseResponse(await this.cases.get(user.scope, id));
  }

  /** Illegal for the case's type and status: 409 ILLEGAL_TRANSITION. */
  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CaseResponse })
  async transition(
    @Param() { id }: CaseIdParam,
    @Body() dto: TransitionCaseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseResponse> {
    return toCaseResponse(await this.cases.transition(user, id, dto));
  }

  @Put(':id/assignee')
  @ApiOkResponse({ type: CaseResponse })
  async assign(
    @Param() { id }: CaseIdParam,
    @Body() dto: AssignCaseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseResponse> {
    return toCaseResponse(await this.cases.assign(user, id, dto.userId, dto.version));
  }

  /** The family found (reunifikasi): needed, with their desa, before REUNIFIED. */
  @Put(':id/family')
  @ApiOkResponse({ type: CaseResponse })
  async recordFamily(
    @Param() { id }: CaseIdParam,
    @Body() { version, ...family }: CaseFamilyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseResponse> {
    return toCaseResponse(await this.cases.recordFamily(user, id, family, version));
  }

  /** A document of the reunifikasi checklist, recorded as present. */
  @Put(':id/documents/:kind')
  @ApiOkResponse({ type: CaseResponse })
  async recordDocument(
    @Param() { id, kind }: CaseDocumentParams,
    @Body() dto: CaseDocumentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseResponse> {
    return toCaseResponse(await this.cases.recordDocument(user, id, kind, dto));
  }

  /** One leg of a reunifikasi in relay: the person handed to another Dinas Sosial. */
  @Post(':id/relay-legs')
  @ApiCreatedResponse({ type: CaseResponse })
  async addRelayLeg(
    @Param() { id }: CaseIdParam,
    @Body() dto: RelayLegDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseResponse> {
    return toCaseResponse(await this.cases.addRelayLeg(user, id, dto));
  }
}
