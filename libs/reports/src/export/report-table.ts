/** How a column's values are written: text as is, numbers in the spreadsheet's number formats. */
export type ColumnKind = 'text' | 'integer' | 'rupiah' | 'decimal' | 'percent';

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
}

export type ReportCell = string | number | null;

/**
 * A flat table: what CSV exports and the simple spreadsheets (coverage, SPM, LAKIP) are made of.
 * Values stay plain numbers; formatting belongs to the output.
 */
export interface ReportTable {
  /** Sheet and file name. */
  name: string;
  /** Heading lines above the table in the spreadsheet. */
  title: string[];
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
}

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A report rendered for HTTP: JSON as an object, the others as a file to download. */
export type RenderedReport =
  | { format: 'json'; body: object }
  | { format: 'csv' | 'xlsx'; contentType: string; fileName: string; data: Buffer };

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
