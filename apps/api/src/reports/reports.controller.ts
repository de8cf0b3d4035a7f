import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@pilar/auth';
import { CONTENT_TYPES, ReportsService } from '@pilar/reports';
import {
  LakipReportResponse,
  PpksCoverageRowResponse,
  RenjaReportResponse,
  SpmReportResponse,
} from './dto/report.response';
import { PpksCoverageQueryDto, ReportQueryDto } from './dto/report-query.dto';
import { sendReport } from './send-report';

const PRODUCES = ['application/json', CONTENT_TYPES.csv, CONTENT_TYPES.xlsx];

/** Figures for the agency's reports. Aggregates only, so PIMPINAN read them all. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles(Role.Admin, Role.Operator, Role.Pimpinan)
@ApiProduces(...PRODUCES)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Renja evaluation (Tabel 2.1): per program, kegiatan, sub-kegiatan and indicator. */
  @Get('renja')
  @ApiOkResponse({ type: RenjaReportResponse })
  async renja(@Query() { year, format }: ReportQueryDto): Promise<object | StreamableFile> {
    return sendReport(await this.reports.renja(year, format));
  }

  /** PPKS registered and served per type and kecamatan. */
  @Get('ppks-coverage')
  @ApiOkResponse({ type: [PpksCoverageRowResponse] })
  async ppksCoverage(
    @Query() { year, format, wilayahKode }: PpksCoverageQueryDto,
  ): Promise<object | StreamableFile> {
    return sendReport(await this.reports.ppksCoverage(year, wilayahKode, format));
  }

  /** The five SPM bidang sosial services. */
  @Get('spm')
  @ApiOkResponse({ type: SpmReportResponse })
  async spm(@Query() { year, format }: ReportQueryDto): Promise<object | StreamableFile> {
    return sendReport(await this.reports.spm(year, format));
  }

  /** LAKIP / LKjIP performance measurement per sasaran. */
  @Get('lakip')
  @ApiOkResponse({ type: LakipReportResponse })
  async lakip(@Query() { year, format }: ReportQueryDto): Promise<object | StreamableFile> {
    return sendReport(await this.reports.lakip(year, format));
  }
}
