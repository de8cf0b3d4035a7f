import { StreamableFile } from '@nestjs/common';
import type { RenderedReport } from '@pilar/reports';

/** JSON goes out as the body; CSV and XLSX as a download named after the report. */
export function sendReport(report: RenderedReport): object | StreamableFile {
  if (report.format === 'json') return report.body;
  return new StreamableFile(report.data, {
    type: report.contentType,
    disposition: `attachment; filename="${report.fileName}"`,
    length: report.data.length,
  });
}
