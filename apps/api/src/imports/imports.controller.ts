import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Roles, STAFF_ROLES } from '@pilar/auth';
import { BeneficiaryImportService } from '@pilar/registry';
import type { FastifyRequest } from 'fastify';
import { CsvUploadDto, JobAcceptedResponse } from '../nomenclature/dto/nomenclature.dto';

/** Bulk imports, run by the worker; follow them at GET /jobs/{jobId}. */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly beneficiaries: BeneficiaryImportService) {}

  /**
   * A DTKS-style CSV of people (columns in libs/registry/IMPORT.md). Rejected rows are listed
   * at /jobs/{jobId}/errors.csv; importing the same file again changes nothing.
   */
  @Roles(...STAFF_ROLES)
  @Post('beneficiaries')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CsvUploadDto })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  importBeneficiaries(@Req() req: FastifyRequest): Promise<JobAcceptedResponse> {
    return this.beneficiaries.start(req.raw);
  }
}
