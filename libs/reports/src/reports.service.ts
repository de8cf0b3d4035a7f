import { Injectable } from '@nestjs/common';
import { toCsv } from './export/csv';
import { CONTENT_TYPES, RenderedReport, ReportFormat, ReportTable } from './export/report-table';
import { toXlsx } from './export/xlsx-table';
import { LakipReportService } from './lakip/lakip-report.service';
import { PpksCoverageReportService } from './ppks-coverage/ppks-coverage-report.service';
import { RenjaReportService } from './renja/renja-report.service';
import { renjaTable } from './renja/renja-table';
import { renjaWorkbook } from './renja/renja-xlsx';
import { SpmReportService } from './spm/spm-report.service';

/** Every report in the format asked for: JSON for programs, CSV for systems, XLSX for people. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly renjaReports: RenjaReportService,
    private readonly coverageReports: PpksCoverageReportService,
    private readonly spmReports: SpmReportService,
    private readonly lakipReports: LakipReportService,
  ) {}

  async renja(year: number, format: ReportFormat): Promise<RenderedReport> {
    const report = await this.renjaReports.report(year);
    const fileName = `renja-${year}`;
    switch (format) {
      case 'json':
        return { format, body: report };
      case 'csv':
        return file(format, fileName, toCsv(renjaTable(report)));
      case 'xlsx':
        return file(format, fileName, await renjaWorkbook(report));
    }
  }

  async ppksCoverage(
    year: number,
    wilayahKode: string | undefined,
    format: ReportFormat,
  ): Promise<RenderedReport> {
    if (format === 'json') {
      return { format, body: await this.coverageReports.report(year, wilayahKode) };
    }
    return rendered(format, await this.coverageReports.table(year, wilayahKode));
  }

  async spm(year: number, format: ReportFormat): Promise<RenderedReport> {
    if (format === 'json') return { format, body: await this.spmReports.report(year) };
    return rendered(format, await this.spmReports.table(year));
  }

  async lakip(year: number, format: ReportFormat): Promise<RenderedReport> {
    if (format === 'json') return { format, body: await this.lakipReports.report(year) };
    return rendered(format, await this.lakipReports.table(year));
  }
}

async function rendered(format: 'csv' | 'xlsx', table: ReportTable): Promise<RenderedReport> {
  return file(format, table.name, format === 'csv' ? toCsv(table) : await toXlsx(table));
}

function file(format: 'csv' | 'xlsx', name: string, data: Buffer): RenderedReport {
  return { format, contentType: CONTENT_TYPES[format], fileName: `${name}.${format}`, data };
}
