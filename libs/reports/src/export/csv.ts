import type { ReportCell, ReportTable } from './report-table';

function csvCell(value: ReportCell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a header row of column keys. Numbers are plain (`99.39`, `16257059079`) so
 * other systems read them back exactly; the spreadsheet export is the one for people.
 */
export function toCsv(table: ReportTable): Buffer {
  const lines = [
    table.columns.map((c) => csvCell(c.key)).join(','),
    ...table.rows.map((row) => table.columns.map((c) => csvCell(row[c.key] ?? null)).join(',')),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
