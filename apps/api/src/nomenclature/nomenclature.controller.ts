import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, Role, Roles } from '@pilar/auth';
import { FileImportService, JobName } from '@pilar/core';
import { NomenclatureService } from '@pilar/planning';
import type { FastifyRequest } from 'fastify';
import {
  CsvUploadDto,
  JobAcceptedResponse,
  NomenclatureNodeResponse,
  NomenclatureQueryDto,
} from './dto/nomenclature.dto';

@ApiTags('nomenclature')
@ApiBearerAuth()
@Controller('nomenclature')
export class NomenclatureController {
  constructor(
    private readonly nomenclature: NomenclatureService,
    private readonly imports: FileImportService,
  ) {}

  @Roles(...ALL_ROLES)
  @Get()
  @ApiOkResponse({ type: [NomenclatureNodeResponse] })
  tree(@Query() query: NomenclatureQueryDto): Promise<NomenclatureNodeResponse[]> {
    return this.nomenclature.tree(query.kode);
  }

  /** The Pemda's own list (columns kode, nama, optional tingkat), applied by the worker. */
  @Roles(Role.Admin)
  @Post('import')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CsvUploadDto })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  import(@Req() req: FastifyRequest): Promise<JobAcceptedResponse> {
    return this.imports.start(JobName.NomenclatureImport, req.raw);
  }
}
