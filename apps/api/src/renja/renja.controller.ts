import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, AuthUser, CurrentUser, Role, Roles, STAFF_ROLES } from '@pilar/auth';
import { FileImportService, JobName } from '@pilar/core';
import { CopyRenjaUseCase, RenjaService } from '@pilar/planning';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsvUploadDto, JobAcceptedResponse } from '../nomenclature/dto/nomenclature.dto';
import { PutRenjaLineDto } from './dto/put-renja-line.dto';
import {
  RenjaCopyParam,
  RenjaLineParam,
  RenjaVersiQuery,
  RenjaYearParam,
} from './dto/renja-params.dto';
import {
  RenjaCopyResponse,
  RenjaLineResponse,
  RenjaSubKegiatanItemResponse,
  RenjaTreeResponse,
  toRenjaCopyResponse,
  toRenjaLineResponse,
  toRenjaSubKegiatanItemResponse,
  toRenjaTreeResponse,
} from './dto/renja.response';
import { setUpsertStatus } from './upsert-status';

/** Who may read the plan with its money: staff and pimpinan. */
const PLAN_READERS = [...STAFF_ROLES, Role.Pimpinan];

/** The Renja of each fiscal year: pagu per sub-kegiatan, kegiatan and program as sums. */
@ApiTags('renja')
@ApiBearerAuth()
@Controller('renja')
export class RenjaController {
  constructor(
    private readonly renja: RenjaService,
    private readonly copyRenja: CopyRenjaUseCase,
    private readonly imports: FileImportService,
  ) {}

  @Roles(...PLAN_READERS)
  @Get(':year')
  @ApiOkResponse({ type: RenjaTreeResponse })
  async tree(
    @Param() { year }: RenjaYearParam,
    @Query() query: RenjaVersiQuery,
  ): Promise<RenjaTreeResponse> {
    return toRenjaTreeResponse(await this.renja.tree(year, query));
  }

  /** The sub-kegiatan to pick from when recording a service (TKSK/PSM: current year only). */
  @Roles(...ALL_ROLES)
  @Get(':year/sub-kegiatan')
  @ApiOkResponse({ type: [RenjaSubKegiatanItemResponse] })
  async subKegiatan(
    @Param() { year }: RenjaYearParam,
    @CurrentUser() user: AuthUser,
  ): Promise<RenjaSubKegiatanItemResponse[]> {
    return (await this.renja.subKegiatanList(year, user)).map(toRenjaSubKegiatanItemResponse);
  }

  @Roles(...PLAN_READERS)
  @Get(':year/sub-kegiatan/:kode')
  @ApiOkResponse({ type: RenjaLineResponse })
  async line(
    @Param() { year, kode }: RenjaLineParam,
    @Query() query: RenjaVersiQuery,
  ): Promise<RenjaLineResponse> {
    return toRenjaLineResponse(await this.renja.line(year, kode, query));
  }

  /** Creates (201) or changes (200) a sub-kegiatan's line; omitted optional fields are kept. */
  @Roles(...STAFF_ROLES)
  @Put(':year/sub-kegiatan/:kode')
  @ApiOkResponse({ type: RenjaLineResponse })
  @ApiCreatedResponse({ type: RenjaLineResponse })
  async putLine(
    @Param() { year, kode }: RenjaLineParam,
    @Body() dto: PutRenjaLineDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RenjaLineResponse> {
    const { line, outcome } = await this.renja.upsertLine(year, kode, dto);
    setUpsertStatus(res, outcome);
    return toRenjaLineResponse(line);
  }

  /** Starts `year` from `previousYear`: lines (latest pagu as MURNI) and indicator targets. */
  @Roles(...STAFF_ROLES)
  @Post(':year/copy-from/:previousYear')
  @ApiCreatedResponse({ type: RenjaCopyResponse })
  async copy(@Param() { year, previousYear }: RenjaCopyParam): Promise<RenjaCopyResponse> {
    return toRenjaCopyResponse(await this.copyRenja.execute(year, previousYear));
  }

  /**
   * The agencies' "Rumusan Rencana Program, Kegiatan dan Sub Kegiatan" table as CSV (columns
   * kode, indikator, satuan, lokasi, target, pagu, sumber_dana, penanggung_jawab), applied by
   * the worker to the version given (MURNI when omitted).
   */
  @Roles(...STAFF_ROLES)
  @Post(':year/import')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CsvUploadDto })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  import(
    @Param() { year }: RenjaYearParam,
    @Query() { versi }: RenjaVersiQuery,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<JobAcceptedResponse> {
    return this.imports.start(JobName.RenjaImport, req.raw, {
      year,
      versi: versi ?? 'MURNI',
      actorRole: user.role,
    });
  }
}
